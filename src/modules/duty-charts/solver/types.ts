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

export interface SolutionStats {
  solveMs: number;
  dutyHours: HoursSpread;
}

export type SolutionStatus = 'OK' | 'INFEASIBLE';

export interface DutyChartSolution {
  status: SolutionStatus;
  assignments: Assignment[];
  shortfalls: Shortfall[];
  stats: SolutionStats;
}
