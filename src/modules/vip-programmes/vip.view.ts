import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EofficeSyncedView,
  RECORD_SYNC_STATUSES,
  RecordSyncStatus,
  RecordSyncSummaryView,
} from '../../platform/eoffice';
import { PersonRefView } from '../../platform/auth';
import { ResponseView } from '../../platform/http';
import { UnitRefView } from '../../platform/units';
import { ClashView } from '../protests';
import { LEG_ACTIVITIES, LEG_MODES, LegActivity, LegMode } from './leg';
import type { LegChangeKind } from './revision-diff';
import { SECURITY_CATEGORIES, SecurityCategory } from './vip.entity';
import { VIP_ACCESS_ACTIONS } from './vip-access';

const CHANGE_KINDS = [
  'LEG_ADDED',
  'LEG_REMOVED',
  'TIME_CHANGED',
  'ROUTE_CHANGED',
  'PLACE_CHANGED',
  'MODE_CHANGED',
  'VENUE_CHANGED',
  'ACTIVITY_CHANGED',
  'REMARKS_CHANGED',
];

/** A person on the ranked VIP list. */
export class ProtecteeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() designationEn!: string;
  @ApiProperty() designationHi!: string;
  @ApiProperty({ enum: SECURITY_CATEGORIES }) category!: SecurityCategory;
  @ApiProperty({ type: String, nullable: true, description: 'Wireless call sign' }) callSign!:
    string | null;
  @ApiProperty() listRank!: number;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** Personnel and vehicle norms for a security category (data an admin keeps). */
export class SecurityCategoryView extends ResponseView {
  @ApiProperty({ enum: SECURITY_CATEGORIES }) code!: SecurityCategory;
  @ApiProperty() rankOrder!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) norms!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) normsSource!: string | null;
  @ApiProperty() version!: number;
}

/** A programme as the list shows it. */
export class ProgrammeListItemView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VIP/2026/000001' }) ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['ISSUED', 'CANCELLED'] }) status!: string;
  @ApiProperty() currentRevision!: number;
  @ApiProperty({ format: 'date' }) firstDay!: string;
  @ApiProperty({ format: 'date' }) lastDay!: string;
  @ApiProperty({ enum: RECORD_SYNC_STATUSES }) eofficeStatus!: RecordSyncStatus;
}

/** A VIP movement programme's record, with where its items stand in e-Office. */
class ProgrammeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ format: 'uuid' }) protecteeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['ISSUED', 'CANCELLED'] }) status!: 'ISSUED' | 'CANCELLED';
  @ApiProperty() currentRevision!: number;
  @ApiProperty({ format: 'date' }) firstDay!: string;
  @ApiProperty({ format: 'date' }) lastDay!: string;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ description: 'Who issued revision 1 (the VIP desk)' }) createdBy!: PersonRefView;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({
    enum: RECORD_SYNC_STATUSES,
    description: 'Its items summed up: one revision still waiting keeps it from DIARISED',
  })
  eofficeStatus!: RecordSyncStatus;
  @ApiProperty() eofficeSync!: RecordSyncSummaryView;
}

export class PlaceView extends ResponseView {
  @ApiProperty() name!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

/** One stretch of a programme, with the units it concerns. */
export class LegView extends ResponseView {
  @ApiProperty({ description: 'Stable across revisions' }) key!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty() from!: PlaceView;
  @ApiProperty() to!: PlaceView;
  @ApiProperty({ enum: LEG_MODES }) mode!: LegMode;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Aircraft or helicopter registration',
  })
  registration?: string | null;
  @ApiProperty({ type: [PlaceView] }) route!: PlaceView[];
  @ApiPropertyOptional({ type: String, nullable: true }) venue?: string | null;
  @ApiProperty({ enum: LEG_ACTIVITIES }) activity!: LegActivity;
  @ApiPropertyOptional({ type: String, nullable: true }) remarks?: string | null;
  @ApiProperty({ type: [UnitRefView], description: 'Units (thanas) this leg concerns, in tree order' })
  units!: UnitRefView[];
}

/** One change since the previous revision, in both languages. */
export class LegChangeView extends ResponseView {
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: LegChangeKind;
  @ApiProperty() legKey!: string;
  @ApiProperty() en!: string;
  @ApiProperty() hi!: string;
}

export class LegClashesView extends ResponseView {
  @ApiProperty() legKey!: string;
  @ApiProperty({ type: [ClashView] }) clashes!: ClashView[];
}

export class ProtecteeSummaryView extends ResponseView {
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() designationEn!: string;
  @ApiProperty() designationHi!: string;
  @ApiProperty({ enum: SECURITY_CATEGORIES }) category!: SecurityCategory;
  @ApiProperty({ type: String, nullable: true }) callSign!: string | null;
}

/** Where a revision stands with one unit concerned: sent, and acknowledged by whom. */
export class AcknowledgementView extends ResponseView {
  @ApiProperty() unit!: UnitRefView;
  @ApiProperty({ description: 'How many times it was sent to the unit (re-sends count)' }) sentCount!: number;
  @ApiProperty() lastSentAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ type: PersonRefView, nullable: true }) acknowledgedBy!: PersonRefView | null;
}

/** The revision as the reader may see it: a unit sees only its own legs and their changes. */
export class RevisionReadView extends EofficeSyncedView {
  @ApiProperty() revisionNo!: number;
  @ApiProperty() isCurrent!: boolean;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() issuedBy!: PersonRefView;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: [LegChangeView] }) changes!: LegChangeView[];
  @ApiProperty({ type: [LegView] }) legs!: LegView[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a unit (it gets a movement sheet)',
  })
  documentId!: string | null;
  @ApiProperty({
    type: [AcknowledgementView],
    description: 'The distribution: the desk sees every unit concerned (those still to acknowledge first); a unit only its own row',
  })
  distribution!: AcknowledgementView[];
}

export class RevokedProtestView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty() status!: string;
}

/** A revision's own standing in e-Office, for the desk's list of revisions. */
export class RevisionSyncView extends EofficeSyncedView {
  @ApiProperty() revisionNo!: number;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() issuedBy!: PersonRefView;
  @ApiProperty() isCurrent!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) outboxId!: string | null;
}

/** The cancellation's own item in e-Office. */
export class CancellationSyncView extends EofficeSyncedView {
  @ApiProperty({ format: 'uuid' }) outboxId!: string;
}

/**
 * One programme as the reader may see it; clashes, revoked protests and revisions for the desk
 * only. `GET /vip-programmes/:id` (and `…/revisions/:revision`) answers with it, and so does
 * every action on the programme: issue, revise, cancel, acknowledge, resend (the same body a
 * GET right after would give that user).
 */
export class ProgrammeReadView extends ProgrammeView {
  @ApiProperty() protectee!: ProtecteeSummaryView;
  @ApiProperty() revision!: RevisionReadView;
  @ApiPropertyOptional({ type: [LegClashesView], description: 'Desk only' })
  clashes?: LegClashesView[];
  @ApiPropertyOptional({ type: [RevokedProtestView], description: 'Desk only' })
  revokedProtests?: RevokedProtestView[];
  @ApiPropertyOptional({ type: [RevisionSyncView], description: 'Desk only' })
  revisions?: RevisionSyncView[];
  @ApiPropertyOptional({ type: CancellationSyncView, nullable: true, description: 'Desk only' })
  cancellation?: CancellationSyncView | null;
}

/** What revising would send, before it is sent: the diff against the current revision and the units it adds or drops. */
export class RevisionCheckView extends ResponseView {
  @ApiProperty({ description: 'The revision the changes are counted from (the current one)' }) basedOn!: number;
  @ApiProperty({ description: 'The number the revision would get' }) revisionNo!: number;
  @ApiProperty({ type: [LegChangeView], description: 'As the revision would print them; empty when nothing changed' }) changes!: LegChangeView[];
  @ApiProperty({ type: [UnitRefView], description: 'Units that would receive it and did not receive the current revision' }) unitsAdded!: UnitRefView[];
  @ApiProperty({ type: [UnitRefView], description: 'Units of the current revision that would be dropped (and told so)' }) unitsDropped!: UnitRefView[];
}

export class BandobastDraftView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
}

/** Who saw, checked changes to or downloaded which revision, and when; and who was refused (answered 404). */
export class AccessLogEntryView extends ResponseView {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ enum: VIP_ACCESS_ACTIONS }) action!: string;
  @ApiProperty({ type: Number, nullable: true }) revision!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'unit or whole' }) scope!:
    string | null;
}
