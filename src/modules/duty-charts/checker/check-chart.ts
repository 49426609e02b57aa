/**
 * Independent checker of a duty chart against its instance. It re-derives every hard
 * constraint from the contract alone (no solver code), names the constraint each
 * violation breaks, and refuses charts that are silently partial: an unmet
 * requirement is only acceptable when the chart says INFEASIBLE and lists it.
 */
import {
  Assignment,
  BandobastInstance,
  DutyChartSolution,
  Officer,
  RANKS,
  Shift,
} from '../solver/types';
import { DAY_MS, HOUR_MS, instantOf } from './clock';
import { fairnessOf, FairnessFigures } from './fairness';

export type ViolatedConstraint =
  | 'unknown-officer'
  | 'unknown-shift'
  | 'duplicate-duty'
  | 'slot-rank'
  | 'rank-count'
  | 'min-women'
  | 'skill'
  | 'overlap'
  | 'rest'
  | 'max-hours-24h'
  | 'unavailable'
  | 'pinned-missing'
  | 'undeclared-shortfall'
  | 'wrong-shortfall'
  | 'status';

export interface Violation {
  constraint: ViolatedConstraint;
  message: string;
  officerId?: string;
  shiftId?: string;
}

export interface ChartCheck {
  violations: Violation[];
  fairness: FairnessFigures;
}

interface Duty {
  shiftId: string;
  start: number;
  end: number;
}

const DEFAULTS = { minRestHours: 8, maxHoursPer24h: 12, higherRankMayFillLower: false };

export function checkDutyChart(
  instance: BandobastInstance,
  solution: DutyChartSolution,
): ChartCheck {
  const rules = { ...DEFAULTS, ...instance.rules };
  const officers = new Map(instance.officers.map((officer) => [officer.id, officer]));
  const shifts = new Map<string, Shift>();
  for (const post of instance.posts) for (const shift of post.shifts) shifts.set(shift.id, shift);
  const violations: Violation[] = [];
  const known = solution.assignments.filter((assignment) => {
    if (!officers.has(assignment.officerId)) {
      violations.push({
        constraint: 'unknown-officer',
        officerId: assignment.officerId,
        message: `no officer ${assignment.officerId} on the roll`,
      });
      return false;
    }
    if (!shifts.has(assignment.shiftId)) {
      violations.push({
        constraint: 'unknown-shift',
        shiftId: assignment.shiftId,
        message: `no shift ${assignment.shiftId} in the instance`,
      });
      return false;
    }
    return true;
  });
  checkOfficerSide(known, officers, shifts, rules, violations);
  checkShiftSide(known, officers, shifts, rules.higherRankMayFillLower, solution, violations);
  for (const pin of instance.pinned ?? []) {
    if (!known.some((a) => a.officerId === pin.officerId && a.shiftId === pin.shiftId)) {
      violations.push({
        constraint: 'pinned-missing',
        officerId: pin.officerId,
        shiftId: pin.shiftId,
        message: `pinned duty ${pin.officerId} on ${pin.shiftId} is missing`,
      });
    }
  }
  return { violations, fairness: fairnessOf(instance, solution) };
}

function checkOfficerSide(
  assignments: Assignment[],
  officers: Map<string, Officer>,
  shifts: Map<string, Shift>,
  rules: typeof DEFAULTS,
  violations: Violation[],
): void {
  const duties = new Map<string, Duty[]>();
  for (const { officerId, shiftId } of assignments) {
    const shift = shifts.get(shiftId) as Shift;
    duties.set(officerId, [
      ...(duties.get(officerId) ?? []),
      { shiftId, start: instantOf(shift.start), end: instantOf(shift.end) },
    ]);
  }
  for (const [officerId, list] of duties) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const officer = officers.get(officerId) as Officer;
    for (const duty of list) {
      for (const window of officer.unavailable ?? []) {
        if (instantOf(window.from) < duty.end && duty.start < instantOf(window.to)) {
          violations.push({
            constraint: 'unavailable',
            officerId,
            shiftId: duty.shiftId,
            message: `${officerId} is unavailable ${window.from} to ${window.to} but has duty ${duty.shiftId}`,
          });
        }
      }
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.shiftId === b.shiftId) {
          violations.push({
            constraint: 'duplicate-duty',
            officerId,
            shiftId: a.shiftId,
            message: `${officerId} holds two slots on ${a.shiftId}`,
          });
        } else if (b.start < a.end) {
          violations.push({
            constraint: 'overlap',
            officerId,
            shiftId: b.shiftId,
            message: `${officerId}: ${a.shiftId} and ${b.shiftId} overlap`,
          });
        } else if (b.start - a.end < rules.minRestHours * HOUR_MS) {
          const rest = (b.start - a.end) / HOUR_MS;
          violations.push({
            constraint: 'rest',
            officerId,
            shiftId: b.shiftId,
            message: `${officerId}: only ${rest} h rest between ${a.shiftId} and ${b.shiftId} (minimum ${rules.minRestHours} h)`,
          });
        }
      }
    }
    const busiest = busiestWindow(list);
    if (busiest.hours > rules.maxHoursPer24h) {
      violations.push({
        constraint: 'max-hours-24h',
        officerId,
        message: `${officerId}: ${busiest.hours} duty hours in the 24 h from ${new Date(busiest.from).toISOString()} (maximum ${rules.maxHoursPer24h})`,
      });
    }
  }
}

/** The 24-hour window with the most duty; windows starting at a duty start or ending at a duty end suffice. */
function busiestWindow(duties: Duty[]): { hours: number; from: number } {
  let best = { hours: 0, from: 0 };
  const starts = duties.flatMap((duty) => [duty.start, duty.end - DAY_MS]);
  for (const from of starts) {
    const to = from + DAY_MS;
    const ms = duties.reduce(
      (sum, duty) => sum + Math.max(0, Math.min(to, duty.end) - Math.max(from, duty.start)),
      0,
    );
    if (ms / HOUR_MS > best.hours) best = { hours: ms / HOUR_MS, from };
  }
  return best;
}

function checkShiftSide(
  assignments: Assignment[],
  officers: Map<string, Officer>,
  shifts: Map<string, Shift>,
  mayFillLower: boolean,
  solution: DutyChartSolution,
  violations: Violation[],
): void {
  const onShift = new Map<string, Assignment[]>();
  for (const assignment of assignments)
    onShift.set(assignment.shiftId, [...(onShift.get(assignment.shiftId) ?? []), assignment]);
  const declared = new Map(
    solution.shortfalls.map((shortfall) => [
      `${shortfall.shiftId}|${shortfall.requirement}`,
      shortfall,
    ]),
  );
  const deficits = new Set<string>();
  const requireMet = (
    shiftId: string,
    requirement: string,
    needed: number,
    assigned: number,
    constraint: ViolatedConstraint,
  ) => {
    if (assigned >= needed) return;
    const key = `${shiftId}|${requirement}`;
    deficits.add(key);
    const shortfall = declared.get(key);
    if (
      solution.status === 'INFEASIBLE' &&
      shortfall &&
      shortfall.needed === needed &&
      shortfall.assigned === assigned
    )
      return;
    violations.push({
      constraint: solution.status === 'INFEASIBLE' ? 'undeclared-shortfall' : constraint,
      shiftId,
      message: `${shiftId}: ${requirement} needs ${needed}, chart has ${assigned}${shortfall ? ` but the shortfall says ${shortfall.assigned}` : ''}`,
    });
  };
  for (const [shiftId, shift] of shifts) {
    const team = onShift.get(shiftId) ?? [];
    for (const assignment of team) {
      const officer = officers.get(assignment.officerId) as Officer;
      const own = RANKS.indexOf(officer.rank);
      const slot = RANKS.indexOf(assignment.slotRank);
      if (slot < 0 || !(own === slot || (mayFillLower && own < slot))) {
        violations.push({
          constraint: 'slot-rank',
          officerId: officer.id,
          shiftId,
          message: `${officer.id} (${officer.rank}) may not fill a ${assignment.slotRank} slot`,
        });
      }
    }
    for (const rank of RANKS) {
      const needed = shift.require.ranks[rank] ?? 0;
      const assigned = team.filter((assignment) => assignment.slotRank === rank).length;
      if (assigned > needed) {
        violations.push({
          constraint: 'rank-count',
          shiftId,
          message: `${shiftId}: ${assigned} ${rank} assigned, exactly ${needed} required`,
        });
      }
      requireMet(shiftId, `rank:${rank}`, needed, assigned, 'rank-count');
    }
    const women = team.filter(
      (assignment) => officers.get(assignment.officerId)?.gender === 'F',
    ).length;
    requireMet(shiftId, 'women', shift.require.minWomen ?? 0, women, 'min-women');
    for (const [skill, needed] of Object.entries(shift.require.skills ?? {})) {
      const holders = team.filter((assignment) =>
        officers.get(assignment.officerId)?.skills?.includes(skill),
      ).length;
      requireMet(shiftId, `skill:${skill}`, needed, holders, 'skill');
    }
  }
  for (const shortfall of solution.shortfalls) {
    if (!deficits.has(`${shortfall.shiftId}|${shortfall.requirement}`)) {
      violations.push({
        constraint: 'wrong-shortfall',
        shiftId: shortfall.shiftId,
        message: `shortfall ${shortfall.requirement} on ${shortfall.shiftId} is listed but the chart meets it`,
      });
    }
  }
  if ((solution.status === 'OK') !== (solution.shortfalls.length === 0)) {
    violations.push({
      constraint: 'status',
      message: `status ${solution.status} with ${solution.shortfalls.length} shortfalls`,
    });
  }
}
