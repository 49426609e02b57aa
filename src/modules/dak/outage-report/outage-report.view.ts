import { ApiProperty } from '@nestjs/swagger';
import { EofficeOutageView, GRADINGS, Grading, INTAKE_CHANNELS, IntakeChannel } from '../../../platform/eoffice';
import { ResponseView } from '../../../platform/http';
import { DAK_STATUSES, DakStatus } from '../dak-workflow';

export class BilingualNameView extends ResponseView {
  @ApiProperty({ example: 'टीटी नगर' }) hi!: string;
  @ApiProperty({ example: 'TT Nagar' }) en!: string;
}

export class OutageReportRowView extends ResponseView {
  @ApiProperty({ example: 'DAK/2026/000042', description: 'Our diary number' }) ref!: string;
  @ApiProperty({ type: String, nullable: true, example: '81829/2026/SP-BPL', description: "e-Office's receipt number; null while it is not there yet" })
  eofficeRef!: string | null;
  @ApiProperty({ enum: INTAKE_CHANNELS }) intakeChannel!: IntakeChannel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ enum: GRADINGS }) grading!: Grading;
  @ApiProperty({ type: String, nullable: true, description: 'Null for a graded item: withheld from the report' }) subject!: string | null;
  @ApiProperty({ enum: DAK_STATUSES }) status!: DakStatus;
  @ApiProperty({ type: BilingualNameView, nullable: true, description: 'Who holds it now (the officer and unit, or the unit); null once closed' })
  holder!: BilingualNameView | null;
}

/** The report as the screen shows it. */
export class OutageReportView extends ResponseView {
  @ApiProperty({ type: EofficeOutageView }) outage!: EofficeOutageView;
  @ApiProperty({ description: 'When the report was read: holders and e-Office numbers as at then' }) asAt!: Date;
  @ApiProperty({ type: [OutageReportRowView] }) rows!: OutageReportRowView[];
}

/** The report's paper, issued. */
export class OutageReportPaperView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() sha256!: string;
  @ApiProperty() pageCount!: number;
  @ApiProperty({ description: 'The public verify link its QR carries' }) verifyUrl!: string;
}
