import { ApiProperty } from '@nestjs/swagger';
import { PersonRefView } from '../../platform/auth';
import { INTAKE_CHANNELS, IntakeChannel } from '../../platform/eoffice';
import { PageOf, ResponseView } from '../../platform/http';
import { UnitRefView } from '../../platform/units';
import { VERIFY_STATUSES, VerifyStatus } from '../../platform/documents';
import { VERIFICATION_PAPER_KINDS, VerificationPaperKind } from './entities/verification-paper.entity';
import {
  APPEAL_DECISIONS,
  APPEAL_LEVELS,
  AppealDecision,
  AppealLevel,
  ATTACHMENT_KINDS,
  FEE_STATUSES,
  FeeStatus,
  GENDERS,
  Gender,
  HIT_DECISIONS,
  HitDecision,
  ID_DOCUMENT_TYPES,
  IdDocumentType,
  OUTCOMES,
  Outcome,
  PURPOSE_CODES,
  Purpose,
  RELATIONS,
  RelationKind,
  ROUTED_BY,
  RoutedBy,
  SMS_LANGUAGES,
  SmsLanguage,
  VerificationAttachmentKind,
  VISIT_OUTCOMES,
  VisitOutcome,
} from './verification-terms';
import { SLA_STATES, SlaState } from './rules/sla';
import { VERIFICATION_STATUSES, VERIFICATION_WORKFLOW, VerificationAction, VerificationStatus } from './verification-workflow';

const MATCH_BANDS = ['STRONG', 'POSSIBLE', 'WEAK'] as const;
const MATCH_FIELDS = ['name', 'relative', 'birth', 'address'] as const;
const MATCH_EFFECTS = ['RAISES', 'LOWERS', 'NEUTRAL'] as const;

export class VerificationLabelView extends ResponseView {
  @ApiProperty() hi!: string;
  @ApiProperty() en!: string;
}

export class VerificationApplicantView extends ResponseView {
  @ApiProperty() nameHi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: String, enum: ['hi', 'en'], nullable: true, description: 'Which of the two names was transliterated from the other (not as the applicant wrote it); null when both were given' })
  nameDerived!: 'hi' | 'en' | null;
  @ApiProperty() relativeName!: string;
  @ApiProperty({ enum: RELATIONS }) relation!: RelationKind;
  @ApiProperty({ format: 'date' }) dob!: string;
  @ApiProperty({ enum: GENDERS }) gender!: Gender;
  @ApiProperty() mobile!: string;
  @ApiProperty({ enum: SMS_LANGUAGES }) smsLanguage!: SmsLanguage;
  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) idDocumentType!: IdDocumentType;
  @ApiProperty({ description: 'Only the last 4 characters of the ID (Aadhaar Act s.29)' }) idLast4!: string;
}

export class VerificationAddressView extends ResponseView {
  @ApiProperty() address!: string;
  @ApiProperty() locality!: string;
  @ApiProperty() years!: number;
}

export class RequestingPartyView extends ResponseView {
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
}

export class VerificationIntakeView extends ResponseView {
  @ApiProperty({ enum: INTAKE_CHANNELS }) channel!: IntakeChannel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() enteredBy!: PersonRefView;
}

export class FeeView extends ResponseView {
  @ApiProperty({ enum: FEE_STATUSES }) status!: FeeStatus;
  @ApiProperty({ description: 'Rupees: 100, or 0 for a BPL applicant' }) amount!: number;
  @ApiProperty({ type: String, nullable: true }) challanNo!: string | null;
}

export class LokSevaView extends ResponseView {
  @ApiProperty({ description: 'The limit for its purpose when it was received' }) limitDays!: number;
  @ApiProperty({ format: 'date', description: 'The IST day by which it must be decided' }) dueOn!: string;
  @ApiProperty({ description: 'Whole IST days from today to dueOn: 0 on the day, negative once past it' }) daysLeft!: number;
  @ApiProperty({ type: String, enum: SLA_STATES, nullable: true, description: 'Null once signed off' }) sla!: SlaState | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the verifier and the DSP were told it is near its limit' }) warnedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When they were told it is past it' }) breachNoticedAt!: Date | null;
}

export class RoutingView extends ResponseView {
  @ApiProperty({ enum: ROUTED_BY }) routedBy!: RoutedBy;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class NeighbourView extends ResponseView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() statement!: string;
}

export class FieldVisitView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) visitedOn!: string;
  @ApiProperty() officerName!: string;
  @ApiProperty({ type: String, nullable: true }) officerRank!: string | null;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ description: 'Metres' }) accuracyM!: number;
  @ApiProperty({ type: [NeighbourView] }) neighbours!: NeighbourView[];
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome!: VisitOutcome;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() recordedBy!: PersonRefView;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Attachments of kind VISIT_PHOTO taken at this visit' }) photoIds!: string[];
}

export class MatchReasonView extends ResponseView {
  @ApiProperty({ enum: MATCH_FIELDS }) field!: string;
  @ApiProperty({ description: 'A reason code of the matching core, e.g. NAME_SAME, DOB_SAME' }) code!: string;
  @ApiProperty({ enum: MATCH_EFFECTS }) effect!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() en!: string;
  @ApiProperty() hi!: string;
}

export class RecordAgeView extends ResponseView {
  @ApiProperty() years!: number;
  @ApiProperty({ format: 'date' }) on!: string;
}

export class CriminalRecordView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) relativeName!: string | null;
  @ApiProperty({ type: String, enum: RELATIONS, nullable: true }) relation!: RelationKind | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dob!: string | null;
  @ApiProperty({ type: RecordAgeView, nullable: true }) age!: RecordAgeView | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() firRef!: string;
  @ApiProperty() policeStation!: string;
  @ApiProperty({ type: String, nullable: true }) sections!: string | null;
}

export class RecordHitView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Its place in the search that found it, best first' }) rank!: number;
  @ApiProperty({ description: '0–1' }) score!: number;
  @ApiProperty({ enum: MATCH_BANDS }) band!: string;
  @ApiProperty() nameSimilarity!: number;
  @ApiProperty({ type: [MatchReasonView], description: 'Why it matched, field by field, in English and Hindi' }) why!: MatchReasonView[];
  @ApiProperty({ description: 'The index entry as it was found' }) record!: CriminalRecordView;
  @ApiProperty({ type: String, enum: HIT_DECISIONS, nullable: true }) decision!: HitDecision | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ type: PersonRefView, nullable: true }) decidedBy!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
}

export class RecordsCheckView extends ResponseView {
  @ApiProperty() checkedAt!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true }) checkedBy!: PersonRefView | null;
  @ApiProperty({ type: [RecordHitView] }) hits!: RecordHitView[];
}

export class VerificationReportView extends ResponseView {
  @ApiProperty({ enum: OUTCOMES }) outcome!: Outcome;
  @ApiProperty({ type: String, nullable: true }) grounds!: string | null;
  @ApiProperty({ type: String, nullable: true }) missing!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'ADVERSE: the hits (ruled the same person) it rests on' }) citedHitIds!: string[];
  @ApiProperty() reportedAt!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true }) reportedBy!: PersonRefView | null;
}

export class SignOffView extends ResponseView {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'The DSP (ACP) of the circle' }) by!: PersonRefView | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class VerificationAttachmentView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind!: VerificationAttachmentKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) visitId!: string | null;
  @ApiProperty() filename!: string;
  @ApiProperty({ description: 'From the file’s first bytes, never from its name' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: PersonRefView;
  @ApiProperty() createdAt!: Date;
}

export class VerificationAppealView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPEAL_LEVELS, description: 'FIRST: to the Addl. SP; SECOND: to the SP' }) level!: AppealLevel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ enum: INTAKE_CHANNELS }) channel!: IntakeChannel;
  @ApiProperty() grounds!: string;
  @ApiProperty() enteredBy!: PersonRefView;
  @ApiProperty({ description: 'The limit for this appeal when it was received' }) limitDays!: number;
  @ApiProperty({ format: 'date', description: 'The IST day by which it must be decided' }) dueOn!: string;
  @ApiProperty({ description: 'Whole IST days from today to dueOn: 0 on the day, negative once past it' }) daysLeft!: number;
  @ApiProperty({ type: String, enum: SLA_STATES, nullable: true, description: 'Null once decided' }) sla!: SlaState | null;
  @ApiProperty({ type: String, enum: APPEAL_DECISIONS, nullable: true }) decision!: AppealDecision | null;
  @ApiProperty({ type: String, nullable: true }) reasons!: string | null;
  @ApiProperty({ type: PersonRefView, nullable: true }) decidedBy!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
}

export class VerificationPaperView extends ResponseView {
  @ApiProperty({ format: 'uuid', description: 'For GET /verifications/:id/papers/:paperId/pdf' }) id!: string;
  @ApiProperty({ enum: VERIFICATION_PAPER_KINDS, description: 'CERTIFICATE (CLEAR, or an appeal overturned), REPORT (ADVERSE, INCOMPLETE), APPEAL_ORDER' })
  kind!: VerificationPaperKind;
  @ApiProperty({ type: String, enum: APPEAL_LEVELS, nullable: true }) appealLevel!: AppealLevel | null;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'A certificate: the instant it stops being valid (00:00 IST after its last day)' }) validUntil!: Date | null;
  @ApiProperty({ enum: VERIFY_STATUSES, description: 'What /verify answers of it now' }) verifyStatus!: VerifyStatus;
  @ApiProperty({ description: 'The signed public link its QR code carries' }) verifyUrl!: string;
  @ApiProperty() sha256!: string;
}

export class CertificateWithdrawalView extends ResponseView {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true }) by!: PersonRefView | null;
  @ApiProperty() reason!: string;
}

/**
 * One application as its verifier, the circle's DSP and an auditor see it. `GET
 * /verifications/:id` answers with it, and so does every action (the body a GET right after
 * would give).
 */
export class VerificationDetailView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CV/2026/000042' }) ref!: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: VerificationStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: VERIFICATION_WORKFLOW.actions, isArray: true, description: 'What this user may do with it now (the routes under /verifications/:id)' })
  allowedActions!: VerificationAction[];
  @ApiProperty({ enum: PURPOSE_CODES }) purpose!: Purpose;
  @ApiProperty() purposeLabel!: VerificationLabelView;
  @ApiProperty() applicant!: VerificationApplicantView;
  @ApiProperty() presentAddress!: VerificationAddressView;
  @ApiProperty({ type: VerificationAddressView, nullable: true }) permanentAddress!: VerificationAddressView | null;
  @ApiProperty({ type: RequestingPartyView, nullable: true }) requestingParty!: RequestingPartyView | null;
  @ApiProperty() intake!: VerificationIntakeView;
  @ApiProperty() fee!: FeeView;
  @ApiProperty({ description: 'The Lok Seva Guarantee counter' }) lokSeva!: LokSevaView;
  @ApiProperty({ description: 'The thana handling it' }) thana!: UnitRefView;
  @ApiProperty() routing!: RoutingView;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Its verifier; null while the thana has none' }) assignedTo!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true }) assignedAt!: Date | null;
  @ApiProperty({ description: 'Whether the signed consent letter is attached; no report without it' }) consentLetterOnFile!: boolean;
  @ApiProperty({ type: [FieldVisitView] }) visits!: FieldVisitView[];
  @ApiProperty({ type: RecordsCheckView, nullable: true }) recordsCheck!: RecordsCheckView | null;
  @ApiProperty({ type: VerificationReportView, nullable: true }) report!: VerificationReportView | null;
  @ApiProperty({ type: SignOffView, nullable: true }) signOff!: SignOffView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the DSP last sent the report back' }) sentBackReason!: string | null;
  @ApiProperty({ type: [VerificationAppealView], description: 'The first and second appeals, each with its own Lok Seva counter' }) appeals!: VerificationAppealView[];
  @ApiProperty({ type: [VerificationPaperView], description: 'The papers issued: certificate, report letter, appeal orders' }) papers!: VerificationPaperView[];
  @ApiProperty({ type: CertificateWithdrawalView, nullable: true }) certificateWithdrawal!: CertificateWithdrawalView | null;
  @ApiProperty({ type: [VerificationAttachmentView] }) attachments!: VerificationAttachmentView[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** An application in a list: no ID digits, the mobile masked (lists get exported and printed). */
export class VerificationSummaryView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: VerificationStatus;
  @ApiProperty({ enum: PURPOSE_CODES }) purpose!: Purpose;
  @ApiProperty() nameHi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ example: '******3210' }) mobileMasked!: string;
  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) idDocumentType!: IdDocumentType;
  @ApiProperty() thana!: UnitRefView;
  @ApiProperty({ type: PersonRefView, nullable: true }) assignedTo!: PersonRefView | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty() daysLeft!: number;
  @ApiProperty({ type: String, enum: SLA_STATES, nullable: true, description: 'Null once signed off' }) sla!: SlaState | null;
  @ApiProperty({ type: String, enum: OUTCOMES, nullable: true }) outcome!: Outcome | null;
}

export class VerificationPage extends PageOf(VerificationSummaryView) {}

export class VerificationQueueView extends ResponseView {
  @ApiProperty({ type: [VerificationSummaryView], description: 'Your open applications, the fewest days left first' }) items!: VerificationSummaryView[];
}

export class VerifierLoadView extends ResponseView {
  @ApiProperty() verifier!: PersonRefView;
  @ApiProperty({ description: 'Open applications (under enquiry or awaiting sign-off)' }) open!: number;
}

export class ThanaWorkloadView extends ResponseView {
  @ApiProperty() thana!: UnitRefView;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open and past their Lok Seva day' }) overdue!: number;
  @ApiProperty({ description: 'Open with no verifier (the thana has none)' }) unassigned!: number;
  @ApiProperty({ type: [VerifierLoadView], description: 'Every VERIFIER of the thana, those with no open work too' }) verifiers!: VerifierLoadView[];
}

export class VerificationWorkloadView extends ResponseView {
  @ApiProperty({ type: [ThanaWorkloadView] }) thanas!: ThanaWorkloadView[];
}

/** An undecided appeal on the board: no applicant's details, only where it stands. */
export class AppealAtRiskView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ enum: APPEAL_LEVELS }) level!: AppealLevel;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty() daysLeft!: number;
  @ApiProperty({ enum: SLA_STATES }) sla!: SlaState;
  @ApiProperty() thana!: UnitRefView;
}

export class ThanaSlaView extends ResponseView {
  @ApiProperty() thana!: UnitRefView;
  @ApiProperty({ type: [VerificationSummaryView], description: 'Open, within the warning days of the limit' }) nearBreach!: VerificationSummaryView[];
  @ApiProperty({ type: [VerificationSummaryView], description: 'Open and past the limit' }) breached!: VerificationSummaryView[];
  @ApiProperty({ type: [AppealAtRiskView], description: 'Undecided appeals within VERIFICATION_APPEAL_WARNING_DAYS_LEFT of their own limit' }) appealsNearBreach!: AppealAtRiskView[];
  @ApiProperty({ type: [AppealAtRiskView], description: 'Undecided appeals past their limit' }) appealsBreached!: AppealAtRiskView[];
}

export class VerificationSlaBoardView extends ResponseView {
  @ApiProperty({ type: [ThanaSlaView], description: 'Thanas with an application or an appeal near or past its limit, the most breached first' }) thanas!: ThanaSlaView[];
}

export class VerificationLocalityView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() thana!: UnitRefView;
}

export class VerificationLocalityListView extends ResponseView {
  @ApiProperty({ type: [VerificationLocalityView] }) items!: VerificationLocalityView[];
}
