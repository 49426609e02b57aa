import { ApiProperty } from '@nestjs/swagger';
import {
  EofficeSyncedView,
  INTAKE_CHANNELS,
  IntakeChannel,
  RECORD_SYNC_STATUSES,
  RecordSyncStatus,
  RecordSyncSummaryView,
} from '../../platform/eoffice';
import { PersonRefView } from '../../platform/auth';
import { PageOf, ResponseView } from '../../platform/http';
import { UnitRefView } from '../../platform/units';
import { ClashView } from './clash/clash.view';
import { ATTACHMENT_KINDS, AttachmentKind } from './entities/protest-attachment.entity';
import { LETTER_KINDS, LetterKind } from './entities/protest-letter.entity';
import {
  EVENT_TYPE_CODES,
  EventType,
  ID_DOCUMENT_TYPES,
  IdDocumentType,
  LINKED_RECORD_TYPES,
  LinkedRecordType,
  SMS_LANGUAGES,
  SmsLanguage,
  THANA_RECOMMENDATIONS,
  ThanaRecommendation,
} from './event-types';
import {
  PROTEST_STATUSES,
  PROTEST_WORKFLOW,
  ProtestAction,
  ProtestStatus,
} from './protest-workflow';
import { RULE_NAMES, RuleName } from './rules/rule-result';

export class BilingualLabelView extends ResponseView {
  @ApiProperty() hi!: string;
  @ApiProperty() en!: string;
}

export class RoutePointView extends ResponseView {
  @ApiProperty() name!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class GrantedConditionView extends ResponseView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The standard condition’s key; null for free text',
  })
  key!: string | null;
  @ApiProperty() hi!: string;
  @ApiProperty() en!: string;
}

export class RuleResultView extends ResponseView {
  @ApiProperty({ enum: RULE_NAMES }) rule!: RuleName;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'What was compared, with the numbers' }) detail!: string;
}

export class ApplicantView extends ResponseView {
  @ApiProperty({ type: String, nullable: true }) nameHi!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty() mobile!: string;
  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) idDocumentType!: IdDocumentType;
  @ApiProperty({ description: 'Only the last 4 digits of the ID document (Aadhaar Act s.29)' })
  idLast4!: string;
  @ApiProperty({ enum: SMS_LANGUAGES }) smsLanguage!: SmsLanguage;
}

export class EventVenueView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class LoudspeakerView extends ResponseView {
  @ApiProperty() from!: Date;
  @ApiProperty({ type: Date, nullable: true }) to!: Date | null;
}

export class VehiclesView extends ResponseView {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true }) details!: string | null;
}

export class EventView extends ResponseView {
  @ApiProperty({ enum: EVENT_TYPE_CODES }) type!: EventType;
  @ApiProperty() typeLabel!: BilingualLabelView;
  @ApiProperty() purpose!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty() expectedParticipants!: number;
  @ApiProperty({ type: EventVenueView, nullable: true }) venue!: EventVenueView | null;
  @ApiProperty({ type: [RoutePointView], nullable: true }) route!: RoutePointView[] | null;
  @ApiProperty({ type: LoudspeakerView, nullable: true }) loudspeaker!: LoudspeakerView | null;
  @ApiProperty() vehicles!: VehiclesView;
}

export class IntakeView extends ResponseView {
  @ApiProperty({ enum: INTAKE_CHANNELS }) channel!: IntakeChannel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ description: 'Who entered it (the control room)' }) enteredBy!: PersonRefView;
}

export class ProtestFlagsView extends ResponseView {
  @ApiProperty() late!: boolean;
  @ApiProperty() leadTimeHours!: number;
  @ApiProperty() slaAtRisk!: boolean;
  @ApiProperty({ description: 'Whether `clashes` has any; the list’s flag and `clash` filter say the same' })
  clash!: boolean;
}

export class ThanaReportView extends ResponseView {
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true }) requestedBy!: PersonRefView | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: THANA_RECOMMENDATIONS, nullable: true })
  recommendation!: ThanaRecommendation | null;
  @ApiProperty({ type: String, nullable: true }) report!: string | null;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'The thana user who entered the report' })
  reportedBy!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true }) reportedAt!: Date | null;
}

export class DecisionView extends ResponseView {
  @ApiProperty() decidedAt!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'The approving officer (DCP)' })
  decidedBy!: PersonRefView | null;
  @ApiProperty({ type: [GrantedConditionView], nullable: true }) conditions!:
    GrantedConditionView[] | null;
  @ApiProperty({ type: String, nullable: true }) grounds!: string | null;
  @ApiProperty({ type: String, nullable: true }) lateOverrideReason!: string | null;
  @ApiProperty({
    type: [RuleResultView],
    nullable: true,
    description: 'What the DCP was shown when deciding',
  })
  rulesAtDecision!: RuleResultView[] | null;
  @ApiProperty({ type: [ClashView], nullable: true }) clashesAtDecision!: ClashView[] | null;
}

export class WithdrawalView extends ResponseView {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Who took the request (the control room)' })
  by!: PersonRefView | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class LinkedRecordView extends ResponseView {
  @ApiProperty({ enum: LINKED_RECORD_TYPES }) type!: LinkedRecordType;
  @ApiProperty({ type: String, nullable: true }) ref!: string | null;
}

export class RevocationView extends ResponseView {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true }) by!: PersonRefView | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: LinkedRecordView, nullable: true }) linkedRecord!: LinkedRecordView | null;
}

/** A decision letter: the issued PDF and where its outbox item stands with e-Office. */
export class ProtestLetterView extends EofficeSyncedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: LetterKind;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'uuid' }) outboxId!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() verifyUrl!: string;
}

/** A scan that came with the application (its bytes come from the download route). */
export class ProtestAttachmentView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind!: AttachmentKind;
  @ApiProperty() filename!: string;
  @ApiProperty({ description: 'From the file’s first bytes, never from its name' })
  contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: PersonRefView;
  @ApiProperty() createdAt!: Date;
}

/**
 * One application as the DCP and the control room see it: the record, its rules, clashes and
 * papers, with who took each step. `GET /protests/:id` answers with it, and so does every
 * workflow action (the same body a GET right after would give).
 */
export class ProtestDetailView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'PRT/2026/000042' }) ref!: string;
  @ApiProperty({ enum: PROTEST_STATUSES }) status!: ProtestStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: PROTEST_STATUSES, isArray: true, description: 'The states it may move to' })
  allowedNext!: readonly ProtestStatus[];
  @ApiProperty({
    enum: PROTEST_WORKFLOW.actions,
    isArray: true,
    description: 'What this user may do with it now (the routes under /protests/:id)',
  })
  allowedActions!: ProtestAction[];
  @ApiProperty() applicant!: ApplicantView;
  @ApiProperty() event!: EventView;
  @ApiProperty() intake!: IntakeView;
  @ApiProperty({ description: 'The thana whose area it is in' }) thana!: UnitRefView;
  @ApiProperty() flags!: ProtestFlagsView;
  @ApiProperty({ type: [RuleResultView] }) rules!: RuleResultView[];
  @ApiProperty({
    type: [ClashView],
    description: 'What stands in its way now, as this user may see it; none once refused, withdrawn or revoked (the decision keeps its own)',
  })
  clashes!: ClashView[];
  @ApiProperty({ type: ThanaReportView, nullable: true }) thanaReport!: ThanaReportView | null;
  @ApiProperty({ type: DecisionView, nullable: true }) decision!: DecisionView | null;
  @ApiProperty({ type: WithdrawalView, nullable: true }) withdrawal!: WithdrawalView | null;
  @ApiProperty({ type: RevocationView, nullable: true }) revocation!: RevocationView | null;
  @ApiProperty({ type: [ProtestLetterView] }) letters!: ProtestLetterView[];
  @ApiProperty({ type: [ProtestAttachmentView] }) attachments!: ProtestAttachmentView[];
  @ApiProperty({ enum: RECORD_SYNC_STATUSES, description: 'Its letters in e-Office, summed up' })
  eofficeStatus!: RecordSyncStatus;
  @ApiProperty() eofficeSync!: RecordSyncSummaryView;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** What an application would be shown with if entered now: checked before saving, nothing written. */
export class ProtestCheckView extends ResponseView {
  @ApiProperty({ description: 'The thana that would report on it: the venue’s, or the route’s' })
  thana!: UnitRefView;
  @ApiProperty({ type: EventVenueView, nullable: true }) venue!: EventVenueView | null;
  @ApiProperty({ description: 'Received less than the lead time before the start: the DCP must give a reason to approve' })
  late!: boolean;
  @ApiProperty() leadTimeHours!: number;
  @ApiProperty({ type: [RuleResultView] }) rules!: RuleResultView[];
  @ApiProperty({ type: [ClashView] }) clashes!: ClashView[];
}

export class VenueRefView extends ResponseView {
  @ApiProperty() code!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameHi!: string | null;
}

export class SummaryFlagsView extends ResponseView {
  @ApiProperty() late!: boolean;
  @ApiProperty() leadTimeHours!: number;
  @ApiProperty({ description: 'Its record shows this user clashes (other protests, VIP movement), as `flags.clash` there' })
  clash!: boolean;
  @ApiProperty() slaAtRisk!: boolean;
}

/** One line of the control room's list. */
export class ProtestSummaryView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ enum: PROTEST_STATUSES }) status!: ProtestStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: EVENT_TYPE_CODES }) eventType!: EventType;
  @ApiProperty() eventTypeLabel!: BilingualLabelView;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() expectedParticipants!: number;
  @ApiProperty({ type: String, nullable: true }) applicantName!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty({ description: 'The venue, or the route as "from → to"' }) place!: string;
  @ApiProperty({ type: VenueRefView, nullable: true }) venue!: VenueRefView | null;
  @ApiProperty({ description: 'The thana whose area it is in' }) thana!: UnitRefView;
  @ApiProperty() flags!: SummaryFlagsView;
}

export class ProtestPage extends PageOf(ProtestSummaryView) {}

export class BoardVenueView extends ResponseView {
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameHi!: string | null;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class BoardLocationView extends ResponseView {
  @ApiProperty({ type: BoardVenueView, nullable: true }) venue!: BoardVenueView | null;
  @ApiProperty({ type: [RoutePointView], nullable: true }) route!: RoutePointView[] | null;
}

/** An approved event on the board, with the points to put on a map. */
export class BoardEventView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ enum: PROTEST_STATUSES }) status!: ProtestStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: EVENT_TYPE_CODES }) eventType!: EventType;
  @ApiProperty() eventTypeLabel!: BilingualLabelView;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() expectedParticipants!: number;
  @ApiProperty({ type: String, nullable: true }) applicantName!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty() place!: string;
  @ApiProperty({ type: VenueRefView, nullable: true }) venue!: VenueRefView | null;
  @ApiProperty({ description: 'The thana whose area it is in' }) thana!: UnitRefView;
  @ApiProperty() location!: BoardLocationView;
  @ApiProperty({ type: [GrantedConditionView] }) conditions!: GrantedConditionView[];
}

export class BoardDayView extends ResponseView {
  @ApiProperty({ format: 'date', description: 'The IST date' }) date!: string;
  @ApiProperty({ type: [BoardEventView] }) events!: BoardEventView[];
}

/** Today's and tomorrow's approved events (IST dates). */
export class BoardView extends ResponseView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [BoardDayView] }) days!: BoardDayView[];
}

export class StandardConditionView extends ResponseView {
  @ApiProperty() key!: string;
  @ApiProperty() hi!: string;
  @ApiProperty() en!: string;
}

/** The standard conditions to pick from when approving, and the event types. */
export class ConditionsView extends ResponseView {
  @ApiProperty({ type: [StandardConditionView] }) conditions!: StandardConditionView[];
  @ApiProperty({
    type: 'object',
    description: 'Event type code → its Hindi and English words',
    additionalProperties: {
      type: 'object',
      properties: { hi: { type: 'string' }, en: { type: 'string' } },
    },
  })
  eventTypes!: Record<string, { hi: string; en: string }>;
}
