/**
 * Every date and time the app shows, in Asia/Kolkata whatever the browser's own zone: dates
 * dd-mm-yyyy, times 24-hour. The one place that formats them; components never call
 * toLocaleString themselves.
 */
export const IST = 'Asia/Kolkata';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: IST,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function istParts(value: Date | string | number): Parts {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  const parts = {} as Parts;
  for (const p of partsFormat.formatToParts(date)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute') parts[p.type] = p.value;
  }
  return parts;
}

/** 05-03-2026 */
export function formatDate(value: Date | string | number): string {
  const p = istParts(value);
  return `${p.day}-${p.month}-${p.year}`;
}

/** 18:30 (24-hour, IST) */
export function formatTime(value: Date | string | number): string {
  const p = istParts(value);
  return `${p.hour}:${p.minute}`;
}

/** 05-03-2026 18:30 */
export function formatDateTime(value: Date | string | number): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** The IST calendar date as the API writes it: 2026-03-05. */
export function istDateKey(value: Date | string | number): string {
  const p = istParts(value);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An API date (2026-03-05, already an IST date) as dd-mm-yyyy, without any zone arithmetic. */
export function formatDateKey(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a date key: ${key}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The IST date key `days` after the one given (calendar arithmetic, no zone involved). */
export function addDaysToKey(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** A duration in whole hours and minutes, for "waiting for 2 h 05 min". */
export function splitDuration(seconds: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.floor(seconds / 60));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * A date typed as the app writes it (dd-mm-yyyy; "/" or "." also taken, one-digit day and
 * month too) as the API's date key 2026-03-05; undefined when it is no calendar date.
 */
export function parseDateInput(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The instant an IST date begins, as the API takes it: 2026-03-05T00:00:00+05:30. */
export function istDayStart(key: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) throw new RangeError(`not a date key: ${key}`);
  return `${key}T00:00:00+05:30`;
}

/** What a form's date and time boxes show for an instant: dd-mm-yyyy and HH:MM, in IST. */
export function istEntry(value: Date | string | number): { date: string; time: string } {
  return { date: formatDate(value), time: formatTime(value) };
}

/**
 * A date (dd-mm-yyyy, as parseDateInput takes it) and a 24-hour time (HH:MM) typed as IST
 * wall-clock, as the API's ISO-8601 with +05:30; null when either is not a real date or time.
 */
export function parseIstEntry(date: string, time: string): string | null {
  const key = parseDateInput(date);
  const t = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(time);
  if (!key || !t) return null;
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) return null;
  return `${key}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+05:30`;
}
