/**
 * Officer-side hard rules on plain intervals (minutes): no two duties at once, rest
 * between duties, and a cap on duty hours in any 24-hour window. Kept free of solver
 * state so validation of pinned duties and the solver apply the very same rules.
 */
import { MINUTES_PER_DAY } from './time';

export interface Interval {
  start: number;
  end: number;
}

export interface RestRules {
  minRestMinutes: number;
  maxMinutesPer24h: number;
}

/** True when two duties overlap or leave less than the minimum rest between them. */
export function breaksRest(a: Interval, b: Interval, rules: RestRules): boolean {
  const gap = a.start >= b.end ? a.start - b.end : b.start - a.end;
  // Overlapping duties give a negative gap, so one test covers both rules.
  return gap < rules.minRestMinutes;
}

/**
 * Most duty minutes inside any 24-hour window. The busiest window can always be slid
 * until its start meets a duty start or its end meets a duty end, so only those
 * candidate windows need checking.
 */
export function busiestDayMinutes(duties: readonly Interval[]): number {
  let best = 0;
  for (const anchor of duties) {
    for (const windowStart of [anchor.start, anchor.end - MINUTES_PER_DAY]) {
      const windowEnd = windowStart + MINUTES_PER_DAY;
      let load = 0;
      for (const duty of duties) {
        load += Math.max(0, Math.min(windowEnd, duty.end) - Math.max(windowStart, duty.start));
      }
      if (load > best) best = load;
    }
  }
  return best;
}

/**
 * True when two duties cannot both be worked by one officer: they overlap, leave too
 * little rest, or together exceed the cap inside some 24-hour window.
 */
export function dutiesClash(a: Interval, b: Interval, rules: RestRules): boolean {
  if (breaksRest(a, b, rules)) return true;
  const span = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  const total = a.end - a.start + (b.end - b.start);
  if (total <= rules.maxMinutesPer24h) return false;
  // Far enough apart that no 24-hour window holds more than the longer duty.
  if (span - Math.min(a.end - a.start, b.end - b.start) >= MINUTES_PER_DAY) return false;
  return busiestDayMinutes([a, b]) > rules.maxMinutesPer24h;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
