import { ApiProperty } from '@nestjs/swagger';
import {
  EofficeSyncedView,
  GRADINGS,
  Grading,
  INTAKE_CHANNELS,
  IntakeChannel,
  RecordSyncSummaryView,
} from '../../platform/eoffice';
import { PageOf } from '../../platform/http';

/** One entry of the dak register, as the API gives it. */
export class DakReceiptView extends EofficeSyncedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DAK/2026/000042' }) ref!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() senderName!: string;
  @ApiProperty({ type: String, nullable: true }) senderOffice!: string | null;
  @ApiProperty({ type: String, nullable: true }) letterNo!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) letterDate!: string | null;
  @ApiProperty({ enum: INTAKE_CHANNELS }) intakeChannel!: IntakeChannel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ enum: GRADINGS }) grading!: Grading;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) markedToUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) remarks!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ description: 'Its e-Office items summed up' }) eofficeSync!: RecordSyncSummaryView;
}

export class DakReceiptPage extends PageOf(DakReceiptView) {}
