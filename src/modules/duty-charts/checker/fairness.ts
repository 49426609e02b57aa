/**
 * Fairness figures of a chart: duty hours and night duties per officer, for this chart
 * and over the rolling 30 days (history + chart). Officers with no duty count as
 * zero, as in Timefold's load balance; otherwise an idle officer would look "fair".
 */
import { BandobastInstance, DutyChartSolution, Officer, RANKS } from '../solver/types';
import { HOUR_MS, instantOf, isNightDuty } from './clock';

export interface Spread {
  min: number;
  max: number;
  mean: number;
  stddev: number;
}

export interface FairnessFigures {
  /** Officers who could serve at least one shift (fitting rank, not unavailable then). */
  eligibleOfficers: number;
  /** This chart's duty hours: over every officer on the roll, and over eligible officers. */
  dutyHoursAll: Spread;
  dutyHours: Spread;
  nightDuties: Spread;
  /** History plus this chart, over eligible officers. */
  rolling30dHours: Spread;
  rolling30dNights: Spread;
  /** Mean officer-to-post distance of the duties, km (duties where both have a location). */
  meanDistanceKm: number;
  /** Mean, over sectors, of the share of the sector's duties done by its most common unit. */
  sectorUnitCohesion: number;
  /** Officers moved to a different post on the next day. */
  postChanges: number;
}

export function fairnessOf(
  instance: BandobastInstance,
  solution: DutyChartSolution,
): FairnessFigures {
  const shifts = new Map<
    string,
    { start: string; end: string; postId: string; sector: string; lat?: number; lng?: number }
  >();
  for (const post of instance.posts) {
    for (const shift of post.shifts) {
      shifts.set(shift.id, {
        start: shift.start,
        end: shift.end,
        postId: post.id,
        sector: post.sector,
        ...post.location,
      });
    }
  }
  const hours = new Map<string, number>();
  const nights = new Map<string, number>();
  const dutiesOf = new Map<string, string[]>();
  for (const assignment of solution.assignments) {
    const shift = shifts.get(assignment.shiftId);
    if (!shift) continue;
    hours.set(
      assignment.officerId,
      (hours.get(assignment.officerId) ?? 0) +
        (instantOf(shift.end) - instantOf(shift.start)) / HOUR_MS,
    );
    if (isNightDuty(shift.start, shift.end))
      nights.set(assignment.officerId, (nights.get(assignment.officerId) ?? 0) + 1);
    dutiesOf.set(assignment.officerId, [
      ...(dutiesOf.get(assignment.officerId) ?? []),
      assignment.shiftId,
    ]);
  }
  const windows = shiftWindows(instance);
  const eligible = instance.officers.filter((officer) => isEligible(instance, officer, windows));
  const chartHours = (id: string) => hours.get(id) ?? 0;
  return {
    eligibleOfficers: eligible.length,
    dutyHoursAll: spreadOf(instance.officers.map((officer) => chartHours(officer.id))),
    dutyHours: spreadOf(eligible.map((officer) => chartHours(officer.id))),
    nightDuties: spreadOf(eligible.map((officer) => nights.get(officer.id) ?? 0)),
    rolling30dHours: spreadOf(
      eligible.map((officer) => (officer.history?.dutyHours30d ?? 0) + chartHours(officer.id)),
    ),
    rolling30dNights: spreadOf(
      eligible.map(
        (officer) => (officer.history?.nightDuties30d ?? 0) + (nights.get(officer.id) ?? 0),
      ),
    ),
    meanDistanceKm: meanDistance(instance, solution, shifts),
    sectorUnitCohesion: cohesion(instance, solution, shifts),
    postChanges: postChanges(dutiesOf, shifts),
  };
}

/** Shifts grouped by time window, with the ranks each window asks for. */
function shiftWindows(
  instance: BandobastInstance,
): { start: number; end: number; ranks: Set<number> }[] {
  const windows = new Map<string, { start: number; end: number; ranks: Set<number> }>();
  for (const post of instance.posts) {
    for (const shift of post.shifts) {
      const key = `${shift.start}|${shift.end}`;
      const window = windows.get(key) ?? {
        start: instantOf(shift.start),
        end: instantOf(shift.end),
        ranks: new Set<number>(),
      };
      windows.set(key, window);
      for (const [rank, count] of Object.entries(shift.require.ranks)) {
        if ((count ?? 0) > 0) window.ranks.add(RANKS.indexOf(rank as (typeof RANKS)[number]));
      }
    }
  }
  return [...windows.values()];
}

function isEligible(
  instance: BandobastInstance,
  officer: Officer,
  windows: { start: number; end: number; ranks: Set<number> }[],
): boolean {
  const own = RANKS.indexOf(officer.rank);
  const mayFillLower = instance.rules?.higherRankMayFillLower ?? false;
  const leave = (officer.unavailable ?? []).map((window) => ({
    from: instantOf(window.from),
    to: instantOf(window.to),
  }));
  return windows.some(
    (window) =>
      [...window.ranks].some((slot) => slot === own || (mayFillLower && own < slot)) &&
      !leave.some((off) => off.from < window.end && window.start < off.to),
  );
}

export function spreadOf(values: number[]): Spread {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, stddev: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
  }
  const mean = sum / values.length;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length;
  return { min, max, mean: round2(mean), stddev: round2(Math.sqrt(variance)) };
}

type ShiftInfo = { start: string; postId: string; sector: string; lat?: number; lng?: number };

function meanDistance(
  instance: BandobastInstance,
  solution: DutyChartSolution,
  shifts: Map<string, ShiftInfo>,
): number {
  const officers = new Map(instance.officers.map((officer) => [officer.id, officer]));
  let total = 0;
  let count = 0;
  for (const assignment of solution.assignments) {
    const home = officers.get(assignment.officerId)?.location;
    const post = shifts.get(assignment.shiftId);
    if (!home || post?.lat === undefined || post.lng === undefined) continue;
    total += haversineKm(home.lat, home.lng, post.lat, post.lng);
    count++;
  }
  return count === 0 ? 0 : round2(total / count);
}

function cohesion(
  instance: BandobastInstance,
  solution: DutyChartSolution,
  shifts: Map<string, ShiftInfo>,
): number {
  const units = new Map(instance.officers.map((officer) => [officer.id, officer.unit]));
  const bySector = new Map<string, Map<string, number>>();
  for (const assignment of solution.assignments) {
    const sector = shifts.get(assignment.shiftId)?.sector;
    const unit = units.get(assignment.officerId);
    if (sector === undefined || unit === undefined) continue;
    const counts = bySector.get(sector) ?? new Map<string, number>();
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
    bySector.set(sector, counts);
  }
  if (bySector.size === 0) return 1;
  let share = 0;
  for (const counts of bySector.values()) {
    const values = [...counts.values()];
    share += Math.max(...values) / values.reduce((a, b) => a + b, 0);
  }
  return round2(share / bySector.size);
}

function postChanges(dutiesOf: Map<string, string[]>, shifts: Map<string, ShiftInfo>): number {
  let changes = 0;
  for (const duties of dutiesOf.values()) {
    const ordered = duties
      .map((id) => shifts.get(id) as ShiftInfo)
      .sort((a, b) => instantOf(a.start) - instantOf(b.start));
    for (let i = 1; i < ordered.length; i++) {
      if (
        localDate(ordered[i].start) - localDate(ordered[i - 1].start) === 1 &&
        ordered[i].postId !== ordered[i - 1].postId
      )
        changes++;
    }
  }
  return changes;
}

/** Whole days since the epoch on the timestamp's own local calendar. */
function localDate(iso: string): number {
  const date = iso.slice(0, 10);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const round2 = (value: number) => Math.round(value * 100) / 100;
