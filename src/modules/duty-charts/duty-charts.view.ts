import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, ResponseView } from '../../platform/http';
import { Rank, RANKS } from '../../platform/ranks';
import { BANDOBAST_KINDS, BandobastKind } from './bandobast/bandobast.entity';
import { POST_KINDS, PostKind } from './bandobast/structure.entity';
import {
  CHART_STATUSES,
  ChartStatus,
  SOLVE_ENDINGS,
  SolveEnded,
  SolveResult,
} from './charts/chart-states';
import type { DutySlipStatus } from './slips/duty-slip.entity';
import { NOT_NOTIFIED_REASONS, NotNotifiedReason } from './slips/notice-summary';

const NOTICE_TEMPLATES = ['duty-slip', 'duty-slip-changed', 'duty-cancelled'];

const SOLVE_RESULTS = ['OK', 'INFEASIBLE', 'FAILED', 'STALE'];
const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

/** An event to be staffed (bandobast). */
export class BandobastView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BDB/2026/000001' }) ref!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ enum: BANDOBAST_KINDS }) kind!: BandobastKind;
  @ApiProperty({
    format: 'uuid',
    description: 'The organising unit; its subtree is the force drawn on',
  })
  unitId!: string;
  @ApiProperty() minRestHours!: number;
  @ApiProperty() maxHoursPer24h!: number;
  @ApiProperty() higherRankMayFillLower!: boolean;
  @ApiProperty() reportMinutesBefore!: number;
  @ApiProperty({ type: String, nullable: true }) briefing!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class BandobastPage extends PageOf(BandobastView) {}

/** How much of the structure was written. */
export class WrittenStructureView extends ResponseView {
  @ApiProperty() divisions!: number;
  @ApiProperty() sectors!: number;
  @ApiProperty() posts!: number;
  @ApiProperty() shifts!: number;
}

export class BandobastCreatedView extends BandobastView {
  @ApiProperty() structure!: WrittenStructureView;
}

export class InChargeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() beltNo!: string;
  @ApiProperty() rank!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
}

export class ShiftView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ format: 'uuid' }) postId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) reportAt!: Date | null;
  @ApiProperty({ ...COUNTS, description: 'Exact head count per rank' }) ranks!: Partial<
    Record<Rank, number>
  >;
  @ApiProperty() minWomen!: number;
  @ApiProperty({ ...COUNTS, description: 'At least this many holders of each skill' })
  skills!: Record<string, number>;
  @ApiProperty() armed!: boolean;
}

export class PostNodeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ format: 'uuid' }) sectorId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name in Hindi; null: the English name serves' })
  nameHi!: string | null;
  @ApiProperty({ enum: POST_KINDS }) kind!: PostKind;
  @ApiProperty() location!: string;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty({ type: String, nullable: true }) equipment!: string | null;
  @ApiProperty({ type: String, nullable: true }) briefing!: string | null;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [ShiftView] }) shifts!: ShiftView[];
}

export class SectorNodeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ format: 'uuid' }) divisionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inChargeOfficerId!: string | null;
  @ApiProperty() position!: number;
  @ApiProperty({ type: InChargeView, nullable: true }) inCharge!: InChargeView | null;
  @ApiProperty({ type: [PostNodeView] }) posts!: PostNodeView[];
}

export class DivisionNodeView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inChargeOfficerId!: string | null;
  @ApiProperty() position!: number;
  @ApiProperty({ type: InChargeView, nullable: true }) inCharge!: InChargeView | null;
  @ApiProperty({ type: [SectorNodeView] }) sectors!: SectorNodeView[];
}

/** The whole event as one tree, with in-charges resolved. */
export class BandobastTreeView extends BandobastView {
  @ApiProperty({ type: [DivisionNodeView] }) divisions!: DivisionNodeView[];
}

/** A requirement the chart could not meet, with its place in the order. */
export class ChartShortfallView extends ResponseView {
  @ApiProperty() divisionCode!: string;
  @ApiProperty() sectorCode!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() postName!: string;
  @ApiProperty() shiftCode!: string;
  @ApiProperty({
    example: 'rank:CONSTABLE',
    description: '"rank:<RANK>", "women" or "skill:<skill>"',
  })
  requirement!: string;
  @ApiProperty() needed!: number;
  @ApiProperty() assigned!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ description: 'Where the people who could have filled it are' }) reason!: string;
}

/** A post that goes short, with its unmet units: what to ask reinforcements for. */
export class ShortPostView extends ResponseView {
  @ApiProperty() divisionCode!: string;
  @ApiProperty() sectorCode!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() postName!: string;
  @ApiProperty({ description: 'Unmet units over the post’s shifts (slots, women, skill holders)' })
  missing!: number;
  @ApiProperty({ type: [String] }) shiftCodes!: string[];
  @ApiProperty({ ...COUNTS, example: { 'rank:CONSTABLE': 3, women: 1 } })
  byRequirement!: Record<string, number>;
}

/** A requirement the roll cannot meet whatever the chart, proven before solving. */
export class RollShortageView extends ResponseView {
  @ApiProperty({ example: 'rank:CONSTABLE' }) requirement!: string;
  @ApiProperty({ description: 'Units still to cover after the pinned duties' }) needed!: number;
  @ApiProperty({ description: 'At least this many of them stay unmet' }) unmetAtLeast!: number;
}

/** What the roll can cover, checked before the solve proper. */
export class RollCheckView extends ResponseView {
  @ApiProperty({ description: 'Officers of the needed ranks, off leave for some shift' })
  officers!: number;
  @ApiProperty() slots!: number;
  @ApiProperty({ description: 'Proven: no chart leaves fewer requirement units unmet' })
  lowerBound!: number;
  @ApiProperty({ type: [RollShortageView] }) shortages!: RollShortageView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example:
      'the roll has 1,417 officers of the needed ranks for 5,556 slots: at least 4,139 requirement units will go unmet whatever the chart (…)',
  })
  message!: string | null;
}

export class ReleasedPinView extends ResponseView {
  @ApiProperty() beltNo!: string;
  @ApiProperty() shiftCode!: string;
  @ApiProperty() reason!: string;
}

/** One version of a bandobast's duty chart. */
export class DutyChartView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ description: '1, 2, 3… per bandobast' }) versionNo!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) basedOnId!: string | null;
  @ApiProperty({ enum: CHART_STATUSES }) status!: ChartStatus;
  @ApiProperty({ enum: SOLVE_RESULTS, nullable: true }) solveResult!: SolveResult | null;
  @ApiProperty() solveSeq!: number;
  @ApiProperty() seed!: number;
  @ApiProperty({ type: [ChartShortfallView] }) shortfalls!: ChartShortfallView[];
  @ApiProperty({ type: [String] }) solveErrors!: string[];
  @ApiProperty({ type: [ReleasedPinView] }) releasedPins!: ReleasedPinView[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) stats!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: String, nullable: true }) solveJobId!: string | null;
  @ApiProperty({ type: Date, nullable: true }) solveRequestedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) solveStartedAt!: Date | null;
  @ApiProperty({
    enum: SOLVE_ENDINGS,
    nullable: true,
    description:
      'How the last solve ended: COMPLETED, CUT_SHORT (the time limit: best chart so far), CANCELLED, INTERRUPTED (its job died), FAILED',
  })
  solveEnded!: SolveEnded | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'How the last solve ended, in a sentence',
  })
  solveNote!: string | null;
  @ApiProperty({ type: RollCheckView, nullable: true }) rollCheck!: RollCheckView | null;
  @ApiProperty({ type: String, nullable: true }) publishJobId!: string | null;
  @ApiProperty() publishDone!: number;
  @ApiProperty() publishTotal!: number;
  @ApiProperty({ type: Date, nullable: true }) publishRequestedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) solvedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) publishedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) masterDocumentId!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class BilingualTextView extends ResponseView {
  @ApiProperty() hi!: string;
  @ApiProperty() en!: string;
}

/** An officer the publication did not tell of their duty, and why. */
export class NotNotifiedOfficerView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty() beltNo!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ enum: RANKS }) rank!: string;
  @ApiProperty() unitNameEn!: string;
  @ApiProperty() unitNameHi!: string;
  @ApiProperty({ description: 'Their (first) post on the slip they were to be told of' }) postCode!: string;
  @ApiProperty() postName!: string;
  @ApiPropertyOptional() postNameHi?: string;
  @ApiProperty({ enum: NOTICE_TEMPLATES, description: 'The SMS they were due: new duty, changed duty, or cancelled' })
  template!: string;
  @ApiProperty({
    enum: NOT_NOTIFIED_REASONS,
    description:
      'NO_MOBILE: none on the roll; INVALID_NUMBER: not a mobile number, or the gateway said so; SMS_FAILED: the gateway refused it or never took it',
  })
  reason!: NotNotifiedReason;
  @ApiProperty({ type: BilingualTextView }) reasonText!: BilingualTextView;
  @ApiProperty({ type: String, nullable: true, description: 'The gateway’s answer, for a failed SMS' }) detail!: string | null;
}

export class NotNotifiedCountsView extends ResponseView {
  @ApiProperty() NO_MOBILE!: number;
  @ApiProperty() INVALID_NUMBER!: number;
  @ApiProperty() SMS_FAILED!: number;
}

/** Who a published version told of their duty by SMS, and who it did not. */
export class ChartNoticesView extends ResponseView {
  @ApiProperty({ description: 'Officers the version had to tell: on it, or taken off by it' }) officers!: number;
  @ApiProperty({ description: 'Their SMS was handed to the gateway' }) sent!: number;
  @ApiProperty({ description: 'Development only: kept in the sink, received by nobody' }) keptInSink!: number;
  @ApiProperty({ description: 'Queued or being retried' }) pending!: number;
  @ApiProperty() notNotified!: number;
  @ApiProperty({ type: NotNotifiedCountsView }) byReason!: NotNotifiedCountsView;
  @ApiProperty({ type: [NotNotifiedOfficerView], description: 'By unit, then belt number' })
  notNotifiedOfficers!: NotNotifiedOfficerView[];
  @ApiProperty({
    type: BilingualTextView,
    example: {
      hi: '120 में से 117 अधिकारियों को एसएमएस भेजा गया; 3 को सूचना नहीं (2 मोबाइल नंबर दर्ज नहीं, 1 एसएमएस नहीं भेजा जा सका)',
      en: '117 of 120 officers notified by SMS; 3 not notified (2 no mobile number on the roll, 1 SMS failed)',
    },
  })
  message!: BilingualTextView;
}

/** A version with its duty counts. */
export class ChartSummaryView extends DutyChartView {
  @ApiProperty() assignments!: number;
  @ApiProperty() pinned!: number;
  @ApiProperty() officers!: number;
  @ApiProperty({ type: [ShortPostView], description: 'The posts that go short, most short first' })
  shortPosts!: ShortPostView[];
  @ApiProperty({ type: ChartNoticesView, nullable: true, description: 'Who the publication told by SMS; null until published' })
  notices!: ChartNoticesView | null;
}

/** A solve or publish accepted as a background job. */
export class ChartJobView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) chartId!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: CHART_STATUSES }) status!: string;
}

export class JobStateView extends ResponseView {
  @ApiProperty({ type: String, nullable: true }) jobId!: string | null;
  @ApiProperty({ example: 'active', description: 'none, removed, or the queue’s state' })
  state!: string;
  @ApiProperty({ nullable: true, description: 'The job’s progress report' }) progress!: unknown;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
}

export class PublishJobStateView extends JobStateView {
  @ApiProperty() done!: number;
  @ApiProperty() total!: number;
}

/** Solve and publish progress, for the duty officer's screen. */
export class ChartProgressView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) chartId!: string;
  @ApiProperty({ enum: CHART_STATUSES }) status!: string;
  @ApiProperty({ enum: SOLVE_RESULTS, nullable: true }) solveResult!: string | null;
  @ApiProperty({ enum: SOLVE_ENDINGS, nullable: true }) solveEnded!: SolveEnded | null;
  @ApiProperty({ type: String, nullable: true }) solveNote!: string | null;
  @ApiProperty({
    type: RollCheckView,
    nullable: true,
    description: 'Said before the solve proper when the roll cannot cover the order',
  })
  rollCheck!: RollCheckView | null;
  @ApiProperty({ type: [ShortPostView] }) shortPosts!: ShortPostView[];
  @ApiProperty({
    type: [String],
    example: ['solve', 'cancel-solve', 'discard'],
    description: 'What the caller may do with the chart now (cancel-solve while it is SOLVING)',
  })
  allowedActions!: string[];
  @ApiProperty() solve!: JobStateView;
  @ApiProperty() publish!: PublishJobStateView;
  @ApiProperty({
    type: ChartNoticesView,
    nullable: true,
    description: 'The publish result: who was told by SMS and who was not, and why. Null until published',
  })
  notices!: ChartNoticesView | null;
}

/** One duty of a version, with the officer and the shift. */
export class AssignmentRowView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty() shiftCode!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty() beltNo!: string;
  @ApiProperty({ enum: RANKS }) rank!: string;
  @ApiProperty({ enum: RANKS }) slotRank!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() pinned!: boolean;
}

export class AssignmentPage extends PageOf(AssignmentRowView) {}

/** One officer on one shift in one chart version. */
export class DutyAssignmentView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) chartId!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty({ enum: RANKS }) slotRank!: Rank;
  @ApiProperty({ description: 'Kept as it is by every re-solve' }) pinned!: boolean;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ description: 'False once the version is superseded or discarded' }) live!: boolean;
  @ApiProperty() createdAt!: Date;
}

/** A paper issued for a version: the master chart or a thana's chart. */
export class ChartPaperView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'thana-TT_NAGAR' }) variant!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['VALID', 'SUPERSEDED', 'REVOKED'] }) status!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() pageCount!: number;
}

export class SlipInChargeView extends ResponseView {
  @ApiProperty() rank!: string;
  @ApiProperty() beltNo!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
}

export class SlipDutyView extends ResponseView {
  @ApiProperty() shiftCode!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() postName!: string;
  @ApiPropertyOptional({ description: 'The post’s Hindi name, when it has one' }) postNameHi?: string;
  @ApiProperty() postKind!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty() sector!: string;
  @ApiProperty() division!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() reportAt!: string;
  @ApiProperty() slotRank!: string;
  @ApiProperty({ type: SlipInChargeView, nullable: true }) inCharge!: SlipInChargeView | null;
  @ApiProperty() equipment!: string;
  @ApiProperty({ type: String, nullable: true }) briefing!: string | null;
}

export class SlipBandobastView extends ResponseView {
  @ApiProperty() ref!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
}

export class SlipOfficerView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() beltNo!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() rank!: string;
  @ApiProperty() unitNameEn!: string;
  @ApiProperty() unitNameHi!: string;
}

/** Exactly what an officer's slip says. */
export class SlipContentView extends ResponseView {
  @ApiProperty() bandobast!: SlipBandobastView;
  @ApiProperty() officer!: SlipOfficerView;
  @ApiProperty({ type: [SlipDutyView] }) duties!: SlipDutyView[];
}

/** One of the officer's own duty slips. */
export class MySlipView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bandobastId!: string;
  @ApiProperty({ enum: ['ACTIVE', 'CANCELLED'] }) status!: DutySlipStatus;
  @ApiProperty({ type: SlipContentView, nullable: true }) content!: SlipContentView | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId!: string | null;
  @ApiProperty() updatedAt!: Date;
}
