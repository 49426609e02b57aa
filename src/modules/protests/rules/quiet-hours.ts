import { addDays, istStartOfDay } from '../../../platform/time';

/**
 * Where [from, to) first meets the daily quiet window (Noise Rules 2000 r.5: 22:00–06:00 IST),
 * or null if it never does. The window may wrap midnight; both ends are IST minutes of the day.
 */
export function firstQuietOverlap(from: Date, to: Date, quietFromMinute: number, quietToMinute: number): Date | null {
  const wraps = quietFromMinute > quietToMinute;
  // Start a day early: yesterday's window may still be open after midnight.
  for (let day = addDays(istStartOfDay(from), -1); day < to; day = addDays(day, 1)) {
    const windowStart = new Date(day.getTime() + quietFromMinute * 60_000);
    const windowEnd = new Date(addDays(day, wraps ? 1 : 0).getTime() + quietToMinute * 60_000);
    if (windowStart < to && from < windowEnd) return from > windowStart ? from : windowStart;
  }
  return null;
}
