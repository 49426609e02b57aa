// The platform's time: India Standard Time calendar and clock arithmetic, and the app's clock.
export {
  IST_OFFSET_MINUTES,
  addDays,
  formatIstDate,
  formatIstDateTime,
  formatIstTime,
  formatIstWindow,
  formatMinuteOfDay,
  istDateKey,
  istEndOfDay,
  istIso,
  istMidnight,
  istMinuteOfDay,
  istStartOfDay,
  istYear,
  parseIstDateTime,
  parseTimeOfDay,
} from './ist';
export { CLOCK, fixedClock, systemClock } from './clock';
export type { Clock } from './clock';
export { TimeModule } from './time.module';
