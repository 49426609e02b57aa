/**
 * The checker's own time arithmetic. Deliberately not shared with the solver: an
 * independent checker that reused the solver's helpers would share its bugs.
 */

const OFFSET = /(Z|([+-])(\d{2}):?(\d{2}))$/;

/** Milliseconds since the epoch; throws on a timestamp without an offset. */
export function instantOf(iso: string): number {
  if (!OFFSET.test(iso)) throw new Error(`timestamp "${iso}" has no UTC offset`);
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) throw new Error(`timestamp "${iso}" is not a valid date`);
  return ms;
}

export function offsetMsOf(iso: string): number {
  const match = OFFSET.exec(iso);
  if (!match || match[1] === 'Z') return 0;
  const sign = match[2] === '-' ? -1 : 1;
  return sign * (Number(match[3]) * 3_600_000 + Number(match[4]) * 60_000);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A night duty has at least half its length between 22:00 and 06:00 on the local
 * clock of its start time (the same definition the README gives for the solver).
 */
export function isNightDuty(startIso: string, endIso: string): boolean {
  const offset = offsetMsOf(startIso);
  const start = instantOf(startIso) + offset;
  const end = instantOf(endIso) + offset;
  let night = 0;
  // Step through local midnights; each night runs from 22:00 before to 06:00 after.
  for (
    let midnight = Math.floor(start / DAY_MS) * DAY_MS;
    midnight - 2 * HOUR_MS < end;
    midnight += DAY_MS
  ) {
    night += Math.max(
      0,
      Math.min(end, midnight + 6 * HOUR_MS) - Math.max(start, midnight - 2 * HOUR_MS),
    );
  }
  return night * 2 >= end - start;
}
