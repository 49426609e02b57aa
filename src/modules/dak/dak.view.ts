import { ApiProperty } from '@nestjs/swagger';
import { GRADINGS, Grading, INTAKE_CHANNELS, IntakeChannel } from '../../platform/eoffice';
import { PageOf, ResponseView } from '../../platform/http';
import { DAK_EOFFICE_STATUSES, DakEofficeStatus } from './dak-receipt.entity';

/** One entry of the dak register, as the API gives it. */
export class DakReceiptView extends ResponseView {
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
  @ApiProperty({
    enum: DAK_EOFFICE_STATUSES,
    description: 'PENDING_SYNC until e-Office has it: an entry made during an outage is not final there yet',
  })
  eofficeStatus!: DakEofficeStatus;
  @ApiProperty({ type: String, nullable: true }) eofficeRef!: string | null;
  @ApiProperty({ type: String, nullable: true }) eofficeChannelRef!: string | null;
  @ApiProperty({ type: Date, nullable: true }) eofficeSyncedAt!: Date | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class DakReceiptPage extends PageOf(DakReceiptView) {}
