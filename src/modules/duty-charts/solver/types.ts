/**
 * The duty-chart (bandobast) contract, exactly as docs/duty-chart-format.md
 * describes it. The solver, the independent checker and the NestJS module all speak
 * these types, so nothing here may depend on how the solver works inside.
 */
import { RANKS, Rank } from '../../../platform/ranks';

// Rank ladder from the top (one list for the whole app). A smaller index is a higher rank.
export { RANKS };
export type { Rank };

/** 'F' is counted for `minWomen`; 'X' is for officers who record neither. */
export const GENDERS = ['F', 'M', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Half-open window [from, to): a duty ending exactly at `from` does not clash. */
export interface TimeWindow {
  from: string;
  to: string;
}

export interface OfficerHistory {
  dutyHours30d?: number;
  nightDuties30d?: number;
}

export interface Officer {
  id: string;
  rank: Rank;
  gender: Gender;
  /** Thana or other unit the officer belongs to, e.g. "TT_NAGAR". */
  unit: string;
  skills?: string[];
  location?: GeoPoint;
  unavailable?: TimeWindow[];
  history?: OfficerHistory;
}

export interface ShiftRequirement {
  /** Exact number of officers per rank. */
  ranks: Partial<Record<Rank, number>>;
  minWomen?: number;
  /** Minimum number of officers holding each skill. */
  skills?: Record<string, number>;
}

export interface Shift {
  id: string;
  start: string;
  end: string;
  require: ShiftRequirement;
}

/** A fixed point, check-point (naka), patrol beat, arrest party... of one sector. */
export interface Post {
  id: string;
  sector: string;
  location?: GeoPoint;
  shifts: Shift[];
}

export interface DutyRules {
  minRestHours?: number;
  maxHoursPer24h?: number;
  higherRankMayFillLower?: boolean;
}

export interface Assignment {
  officerId: string;
  shiftId: string;
  /** The rank of the slot filled; differs from the officer's rank only when a higher rank fills a lower slot. */
  slotRank: Rank;
}

/**
 * Extension to the shared format: assignments that must survive a re-solve (for
 * example, duty slips already handed out). `slotRank` may be omitted when the
 * officer fills a slot of their own rank.
 */
export interface PinnedAssignment {
  officerId: string;
  shiftId: string;
  slotRank?: Rank;
}

export interface BandobastInstance {
  seed?: number;
  rules?: DutyRules;
  officers: Officer[];
  posts: Post[];
  pinned?: PinnedAssignment[];
}

export const DEFAULT_RULES: Required<DutyRules> = {
  minRestHours: 8,
  maxHoursPer24h: 12,
  higherRankMayFillLower: false,
};

/** "rank:CONSTABLE", "women" or "skill:armed". */
export type RequirementKey = `rank:${Rank}` | 'women' | `skill:${string}`;

export interface Shortfall {
  shiftId: string;
  requirement: RequirementKey;
  needed: number;
  assigned: number;
  reason: string;
}

export interface HoursSpread {
  min: number;
  max: number;
  stddev: number;
}

/** Where an unavoidable shortfall goes: on as few posts as possible, or evened out over them. */
export const SHORTFALL_SHAPES = ['concentrated', 'spread'] as const;
export type ShortfallShape = (typeof SHORTFALL_SHAPES)[number];

/** One requirement the roll cannot meet whatever the chart, as proven before solving. */
export interface RollShortage {
  requirement: RequirementKey;
  /** Units still to cover after the pinned duties (slots of the rank, or women / skill holders). */
  needed: number;
  /** At least this many of them must stay unmet. */
  unmetAtLeast: number;
}

/** What the roll can cover, checked before the solver starts. */
export interface RollCheck {
  /** Officers who could serve some shift: a rank some slot needs, and not on leave for it. */
  officers: number;
  /** Slots in the chart, pinned duties included. */
  slots: number;
  /** Proven: no chart leaves fewer requirement units unmet. 0 when nothing proves a shortfall. */
  lowerBound: number;
  shortages: RollShortage[];
  /** "the roll has N officers of the needed ranks for M slots: …" when the request is short, else null. */
  message: string | null;
}

/** How one phase of the solve ended (see the solver README, "Budgets"). */
export interface PhaseStats {
  phase: string;
  /** Work done, in officer-side checks (local search: moves). */
  work: number;
  budget: number;
  /** bound: the chart met the proven lower bound; budget: its work ran out; time: the time limit or a cancel; complete: nothing left to try. */
  stoppedBy: 'bound' | 'budget' | 'time' | 'complete';
  unmetBefore: number;
  unmetAfter: number;
}

export interface SolutionStats {
  solveMs: number;
  dutyHours: HoursSpread;
  /** Unmet requirement units of this chart (the sum of needed - assigned over the shortfalls). */
  unmet?: number;
  /** Proven minimum of unmet units: when `unmet` equals it, no chart can do better. */
  lowerBound?: number;
  /** The time limit (or a cancel) stopped a phase early: the chart is the best found so far. */
  cutShort?: boolean;
  roll?: RollCheck;
  phases?: PhaseStats[];
}

export type SolutionStatus = 'OK' | 'INFEASIBLE';

export interface DutyChartSolution {
  status: SolutionStatus;
  assignments: Assignment[];
  shortfalls: Shortfall[];
  stats: SolutionStats;
}
