import { routeLengthProblem } from '../../platform/geo';
import { fieldErrors, FieldProblem } from '../../platform/http';
import { formatIstDateTime, parseIstInstant } from '../../platform/time';
import { AIR_MODES, Leg } from './leg';
import { legPoints } from './units-along-route';
import { LegDto } from './vip.dto';

/**
 * A programme's legs must run forward in time: each ends after it starts, they are listed
 * in order, and they do not overlap. Errors name the leg and field (legs[2].end).
 */
export function checkLegTimes(legs: LegDto[]): void {
  const problems: FieldProblem[] = [];
  legs.forEach((leg, i) => {
    const start = parseIstInstant(leg.start).getTime();
    const end = parseIstInstant(leg.end).getTime();
    if (!(end > start)) problems.push({ field: `legs[${i}].end`, message: `legs[${i}].end must be after legs[${i}].start` });
    if (end - start > 36 * 3600_000) problems.push({ field: `legs[${i}].end`, message: `legs[${i}] may last at most 36 hours` });
    if (i === 0) return;
    const prev = legs[i - 1]!;
    if (start < parseIstInstant(prev.start).getTime()) {
      problems.push({ field: `legs[${i}].start`, message: `legs[${i}].start is before legs[${i - 1}].start: list legs in time order` });
    } else if (start < parseIstInstant(prev.end).getTime()) {
      problems.push({ field: `legs[${i}].start`, message: `legs[${i}] overlaps legs[${i - 1}], which ends at ${prev.end}` });
    }
  });
  const keys = legs.map((l) => l.key).filter(Boolean);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) problems.push({ field: 'legs', message: `legs has two legs with key ${dup}` });
  if (problems.length) throw fieldErrors(problems);
}

/**
 * A programme is planned ahead: a new leg may not start before `now`. A revision carries the
 * legs of the one before it (`previous`, matched by key): one already under way or over keeps
 * the times it had, but no start or end may be moved to a moment already past. Errors name the
 * leg and field (legs[1].start).
 */
export function checkLegsNotPast(legs: readonly LegDto[], now: Date, previous: readonly Leg[] = []): void {
  const before = new Map(previous.map((l) => [l.key, l]));
  const problems: FieldProblem[] = [];
  const past = `is in the past (now ${formatIstDateTime(now)} IST)`;
  legs.forEach((leg, i) => {
    const was = leg.key ? before.get(leg.key) : undefined;
    if (!was) {
      if (parseIstInstant(leg.start) < now) problems.push({ field: `legs[${i}].start`, message: `legs[${i}].start ${past}: a new leg must start later` });
      return;
    }
    for (const field of ['start', 'end'] as const) {
      const at = parseIstInstant(leg[field]);
      if (at.getTime() !== parseIstInstant(was[field]).getTime() && at < now) {
        problems.push({ field: `legs[${i}].${field}`, message: `legs[${i}].${field} ${past}: a leg may keep the time it had, but not be moved into the past` });
      }
    }
  });
  if (problems.length) throw fieldErrors(problems);
}

/**
 * A road leg is stored sampled every 100 m, and no more than MAX_ROUTE_POINTS of them: a longer
 * one is refused naming the leg (legs[2].route). Flown legs are stored as their two ends, so
 * their length does not matter.
 */
export function checkLegRoutes(legs: LegDto[]): void {
  const problems: FieldProblem[] = [];
  legs.forEach((leg, i) => {
    if (AIR_MODES.includes(leg.mode)) return;
    const problem = routeLengthProblem(legPoints(leg));
    if (problem) problems.push({ field: `legs[${i}].route`, message: `legs[${i}].route ${problem}` });
  });
  if (problems.length) throw fieldErrors(problems);
}
