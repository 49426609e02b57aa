import { ApiProperty } from '@nestjs/swagger';
import { PersonRefView } from '../../platform/auth';
import { EofficeSyncedView, GRADINGS, Grading, INTAKE_CHANNELS, IntakeChannel, RecordSyncSummaryView } from '../../platform/eoffice';
import { PageOf, ResponseView } from '../../platform/http';
import { UnitRefView } from '../../platform/units';
import { DAK_LANGUAGES, DAK_PRIORITIES, DakLanguage, DakPriority } from './dak-settings';
import { DAK_STATUSES, DAK_WORKFLOW, DakAction, DakStatus } from './dak-workflow';
import { DAK_MOVEMENT_ACTIONS, DakMovementAction } from './entities/dak-movement.entity';

/** The local file an item was put into. */
export class DakFileRefView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FILE/2026/000007' }) ref!: string;
  @ApiProperty({ example: 'धरना-प्रदर्शन अनुमति / Protest permissions' }) subjectHead!: string;
}

/** One entry of the dak register, as the API gives it. */
export class DakReceiptView extends EofficeSyncedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DAK/2026/000042', description: 'Our diary number; `eofficeRef` is e-Office’s receipt number once diarised there' }) ref!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() senderName!: string;
  @ApiProperty({ type: String, nullable: true }) senderOffice!: string | null;
  @ApiProperty({ type: String, nullable: true }) letterNo!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) letterDate!: string | null;
  @ApiProperty({ enum: DAK_LANGUAGES }) language!: DakLanguage;
  @ApiProperty({ enum: INTAKE_CHANNELS }) intakeChannel!: IntakeChannel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ enum: GRADINGS }) grading!: Grading;
  @ApiProperty({ enum: DAK_PRIORITIES }) priority!: DakPriority;
  @ApiProperty({ enum: DAK_STATUSES }) status!: DakStatus;
  @ApiProperty({ enum: DAK_WORKFLOW.actions, isArray: true, description: 'What this user may do with it now' }) allowedActions!: DakAction[];
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: 'The unit that diarised it' }) unit!: UnitRefView;
  @ApiProperty({ description: 'Who holds it now: the unit (or section), and the officer in `holderUser` when one holds it' }) holderUnit!: UnitRefView;
  @ApiProperty({ type: PersonRefView, nullable: true }) holderUser!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When it was last marked or forwarded' }) markedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When its holder must have acted, by its priority' }) dueAt!: Date | null;
  @ApiProperty({ description: 'It waits on its holder past its due time' }) overdue!: boolean;
  @ApiProperty({ type: DakFileRefView, nullable: true }) file!: DakFileRefView | null;
  @ApiProperty({ type: String, nullable: true }) closedReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) remarks!: string | null;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Null when the application diarised it from e-mail' }) createdBy!: PersonRefView | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ description: 'Its e-Office items summed up' }) eofficeSync!: RecordSyncSummaryView;
}

export class DakReceiptPage extends PageOf(DakReceiptView) {}

/** A page of the register's search: its total counted up to a cap. */
export class DakSearchPage extends DakReceiptPage {
  @ApiProperty({ description: 'A search counts its matches up to 1,000: when more match, this is true and `total` is a lower bound' })
  totalCapped!: boolean;
}

/** A scan of the item (PDF, JPEG or PNG); its bytes from `GET /dak/:id/scans/:scanId`. */
export class DakScanView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Null for an e-mail’s attachment' }) uploadedBy!: PersonRefView | null;
  @ApiProperty() createdAt!: Date;
}

/** One step of the movement history. */
export class DakMovementView extends ResponseView {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: DAK_MOVEMENT_ACTIONS }) action!: DakMovementAction;
  @ApiProperty({ enum: DAK_STATUSES, nullable: true }) fromStatus!: DakStatus | null;
  @ApiProperty({ enum: DAK_STATUSES }) toStatus!: DakStatus;
  @ApiProperty({ type: UnitRefView, nullable: true }) fromUnit!: UnitRefView | null;
  @ApiProperty({ type: PersonRefView, nullable: true }) fromUser!: PersonRefView | null;
  @ApiProperty() toUnit!: UnitRefView;
  @ApiProperty({ type: PersonRefView, nullable: true }) toUser!: PersonRefView | null;
  @ApiProperty({ type: String, nullable: true }) instruction!: string | null;
  @ApiProperty({ type: Date, nullable: true }) dueAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason (close, reopen), the file, the reply’s number' }) note!: string | null;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Null when the application acted (e-mail diarisation)' }) actor!: PersonRefView | null;
  @ApiProperty() at!: Date;
}

/** An outward letter answering the item; its PDF from `GET /dak/:id/replies/:replyId/pdf`. */
export class DakReplyView extends EofficeSyncedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DAK-OUT/2026/000012' }) ref!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid', description: 'The issued document (PDF)' }) documentId!: string;
  @ApiProperty({ description: 'The QR code’s link: /verify answers for the paper in hand' }) verifyUrl!: string;
  @ApiProperty() createdBy!: PersonRefView;
  @ApiProperty() createdAt!: Date;
}

/** An item with its scans, its replies and its movement history. */
export class DakReceiptDetailView extends DakReceiptView {
  @ApiProperty({ type: [DakScanView] }) scans!: DakScanView[];
  @ApiProperty({ type: [DakReplyView] }) replies!: DakReplyView[];
  @ApiProperty({ type: [DakMovementView] }) movements!: DakMovementView[];
}

/** A local file receipts are put into. */
export class DakFileView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FILE/2026/000007' }) ref!: string;
  @ApiProperty() subjectHead!: string;
  @ApiProperty({ description: 'The unit whose file it is' }) unit!: UnitRefView;
  @ApiProperty() createdBy!: PersonRefView;
  @ApiProperty() createdAt!: Date;
}

export class DakFilePage extends PageOf(DakFileView) {}

/** A file with the receipts in it that you may see. */
export class DakFileDetailView extends DakFileView {
  @ApiProperty({ type: [DakReceiptView] }) receipts!: DakReceiptView[];
}
