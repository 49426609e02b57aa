import { istMinuteOfDay, istStartOfDay, parseTimeOfDay } from '../../../platform/time';

/**
 * A venue's hours are one window per IST day (Jantar Mantar: 10:00–17:00), so the event must
 * begin and end on the same IST day inside that window.
 */
export function withinVenueHours(startsAt: Date, endsAt: Date, opensAt: string, closesAt: string): boolean {
  const sameDay = istStartOfDay(startsAt).getTime() === istStartOfDay(endsAt).getTime();
  return sameDay && istMinuteOfDay(startsAt) >= parseTimeOfDay(opensAt) && istMinuteOfDay(endsAt) <= parseTimeOfDay(closesAt);
}
