import { istMinuteOfDay, istStartOfDay } from '../ist-time';

/** Minutes of the day from `HH:MM`. */
export function parseMinute(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * A venue's hours are one window per IST day (Jantar Mantar: 10:00–17:00), so the event must
 * begin and end on the same IST day inside that window.
 */
export function withinVenueHours(startsAt: Date, endsAt: Date, opensAt: string, closesAt: string): boolean {
  const sameDay = istStartOfDay(startsAt).getTime() === istStartOfDay(endsAt).getTime();
  return sameDay && istMinuteOfDay(startsAt) >= parseMinute(opensAt) && istMinuteOfDay(endsAt) <= parseMinute(closesAt);
}
