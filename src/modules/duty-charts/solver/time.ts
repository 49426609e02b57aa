/**
 * Time arithmetic for the solver. Everything inside the solver is in minutes since
 * the Unix epoch, so shifts crossing midnight or a date line need no special case.
 */

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/** Why a timestamp is unusable, or null when it is a valid ISO 8601 time with an offset. */
export function isoProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be an ISO 8601 time with an offset';
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? `"${value}" has no UTC offset (write e.g. "${value}+05:30")`
      : `"${value}" is not an ISO 8601 time with an offset`;
  }
  if (Number.isNaN(Date.parse(value))) return `"${value}" is not a real date and time`;
  return null;
}

/** Minutes since the epoch. Call only on strings that passed `isoProblem`. */
export function toEpochMinutes(value: string): number {
  return Date.parse(value) / 60_000;
}

/** The offset written in the timestamp, in minutes east of UTC. */
export function offsetMinutes(value: string): number {
  const match = ISO_WITH_OFFSET.exec(value);
  const zone = match?.[7] ?? 'Z';
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** Minutes of [start, end) that fall between 22:00 and 06:00 on the local clock. */
export function nightMinutes(start: number, end: number, offset: number): number {
  let total = 0;
  const localStart = start + offset;
  const localEnd = end + offset;
  // Night windows start at 22:00 local; walk every one that could touch the shift.
  const firstNight =
    Math.floor(localStart / MINUTES_PER_DAY) * MINUTES_PER_DAY - 2 * MINUTES_PER_HOUR;
  for (let nightStart = firstNight; nightStart < localEnd; nightStart += MINUTES_PER_DAY) {
    const nightEnd = nightStart + 8 * MINUTES_PER_HOUR;
    total += Math.max(0, Math.min(localEnd, nightEnd) - Math.max(localStart, nightStart));
  }
  return total;
}

/** A night duty is one with at least half of its time between 22:00 and 06:00 local. */
export function isNightDuty(start: number, end: number, offset: number): boolean {
  return nightMinutes(start, end, offset) * 2 >= end - start;
}

/** Local calendar day number (days since the epoch), used for "consecutive days" on a post. */
export function localDay(minute: number, offset: number): number {
  return Math.floor((minute + offset) / MINUTES_PER_DAY);
}
