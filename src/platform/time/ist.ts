// India Standard Time (Asia/Kolkata). India has kept a fixed UTC+05:30 offset with no daylight
// saving since 1945, so plain offset arithmetic is exact, and the output depends neither on the
// server's TZ nor on the ICU data shipped with Node. This is the app's one IST technique:
// every IST day, midnight, print-out and reading of a local time goes through here.

/** Minutes east of UTC. */
export const IST_OFFSET_MINUTES = 330;
const OFFSET_MS = IST_OFFSET_MINUTES * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant shifted so that its UTC fields read the IST wall clock. */
function wallClock(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

/** `at` plus whole 24-hour days (IST has no DST, so a day is always 24 h). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** yyyy-mm-dd of the IST calendar day `at` falls on (for grouping, and `date` columns); four-digit years, as ISO 8601 writes them. */
export function istDateKey(at: Date): string {
  const d = wallClock(at);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar year in India, which is what a reference number's year means. */
export function istYear(at: Date): number {
  return wallClock(at).getUTCFullYear();
}

/** The instant of 00:00 IST on the IST calendar day of `at`. */
export function istStartOfDay(at: Date): Date {
  const shifted = at.getTime() + OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS);
}

/** The instant of the next 00:00 IST after the day of `at`: the exclusive end of its IST day. */
export function istEndOfDay(at: Date): Date {
  return addDays(istStartOfDay(at), 1);
}

/** Minutes since IST midnight, 0–1439. */
export function istMinuteOfDay(at: Date): number {
  const ms = (at.getTime() + OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / MINUTE_MS);
}

/** dd-mm-yyyy, as Indian government papers print a date. */
export function formatIstDate(at: Date): string {
  const d = wallClock(at);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** HH:mm on the 24-hour IST clock. */
export function formatIstTime(at: Date): string {
  return formatMinuteOfDay(istMinuteOfDay(at));
}

/** dd-mm-yyyy HH:mm in IST, as letters, slips and SMS print a moment. */
export function formatIstDateTime(at: Date): string {
  return `${formatIstDate(at)} ${formatIstTime(at)}`;
}

/** "27-11-2026 22:00 – 28-11-2026 06:00", or "27-11-2026 06:00–14:00" when it stays within one IST day. */
export function formatIstWindow(from: Date, to: Date): string {
  return formatIstDate(from) === formatIstDate(to)
    ? `${formatIstDateTime(from)}–${formatIstTime(to)}`
    : `${formatIstDateTime(from)} – ${formatIstDateTime(to)}`;
}

/**
 * ISO 8601 with the +05:30 offset, e.g. `2026-11-27T22:00:00+05:30` (with `.250` only when the
 * instant has milliseconds). Whoever reads the local clock from the offset (the duty-chart
 * solver's "night duty") sees the IST clock, not UTC's.
 */
export function istIso(at: Date): string {
  const d = wallClock(at);
  const ms = d.getUTCMilliseconds();
  return `${istDateKey(at)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}+05:30`;
}

/** HH:mm for a minute of the day (0–1439), e.g. quiet hours' 1320 → `22:00`. */
export function formatMinuteOfDay(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight from a 24-hour `HH:mm`, or null when it is not one. */
export function readTimeOfDay(hhmm: string): number | null {
  const match = TIME_OF_DAY.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes since midnight from a 24-hour `HH:mm`; throws on anything else. */
export function parseTimeOfDay(hhmm: string): number {
  const minute = readTimeOfDay(hhmm);
  if (minute === null) throw new Error(`"${hhmm}" is not a 24-hour HH:mm time`);
  return minute;
}

/**
 * ISO 8601 in its extended form as people and programs write it: a date, or a date and a time
 * of day (`T` or a space between), with seconds and a fraction optional, and an optional UTC
 * offset (`Z`, `+05:30`, `+0530`, `+05`).
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

type Reading = { at: Date; hasOffset: boolean } | { problem: 'form' | 'unreal' };

/** The one reading of a date-time, offset or none: the wall clock written, at the offset written or IST's. */
function readDateTime(text: string): Reading {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return { problem: 'form' };
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = match[7] ?? '';
  const zone = match[8];
  let offset = IST_OFFSET_MINUTES;
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || 0);
    if (hours > 14 || minutes > 59) return { problem: 'unreal' };
    offset = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else if (zone === 'Z') offset = 0;
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (
    wall.getUTCFullYear() !== y ||
    wall.getUTCMonth() !== mo - 1 ||
    wall.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return { problem: 'unreal' };
  }
  return { at: new Date(wall.getTime() - offset * MINUTE_MS), hasOffset: zone !== undefined };
}

/**
 * The app's one rule for a date-time written as text (every DTO field, query filter and service
 * reads it here): ISO 8601 with an offset means that offset; without one it is the wall clock
 * in Asia/Kolkata; a date alone is 00:00 IST that day. `2026-12-06T11:00:00` is 05:30 UTC,
 * `2026-12-06` is 2026-12-05T18:30Z. Null when the text is not such a date-time, or not a real
 * one (2026-02-30, 24:00, an offset beyond ±14:00).
 */
export function readIstInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const reading = readDateTime(text);
  return 'at' in reading ? reading.at : null;
}

/** `readIstInstant`, throwing on what it cannot read: for strings a DTO has already checked. */
export function parseIstInstant(text: string): Date {
  const at = readIstInstant(text);
  if (!at) throw new Error(`"${text}" is not an ISO 8601 date-time`);
  return at;
}

/**
 * The instant a local IST date-time names: `2026-11-27` (midnight), `2026-11-27T22:00` or
 * `2026-11-27 22:00:30`. Unlike `readIstInstant` it refuses an offset: for files and fixtures
 * that are IST by definition. Throws on anything else, or on a date that does not exist.
 */
export function parseIstDateTime(local: string): Date {
  const reading = readDateTime(local);
  if ('problem' in reading && reading.problem === 'unreal')
    throw new Error(`"${local}" is not a real date and time`);
  if (!('at' in reading) || reading.hasOffset)
    throw new Error(`"${local}" is not a local date-time (yyyy-mm-dd[THH:mm[:ss]])`);
  return reading.at;
}

/**
 * The IST calendar day (yyyy-mm-dd) a date or date-time names: a date as written, a date-time
 * the day it falls on in IST (`2026-12-05T20:00:00Z` is 2026-12-06). Null when it is neither.
 */
export function readIstDate(text: unknown): string | null {
  const at = readIstInstant(text);
  return at ? istDateKey(at) : null;
}

const TIME_OF_DAY_WITH_SECONDS = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

/**
 * A time of day on the IST wall clock as `HH:mm` (`HH:mm:00` read the same), or null. Seconds
 * other than :00 are refused, not dropped: the times of day we keep are whole minutes.
 */
export function readIstTimeOfDay(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = TIME_OF_DAY_WITH_SECONDS.exec(text);
  return match ? `${match[1]}:${match[2]}` : null;
}

/** 00:00 IST of the IST calendar day `dateKey` (yyyy-mm-dd) as an instant. */
export function istMidnight(dateKey: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateKey))
    throw new Error(`"${dateKey}" is not a yyyy-mm-dd date`);
  return parseIstDateTime(dateKey);
}

const HOUR_MS = 60 * MINUTE_MS;

/** The instant of the IST clock hour `at` falls in (IST hours begin at :30 UTC). */
export function istStartOfHour(at: Date): Date {
  const shifted = at.getTime() + OFFSET_MS;
  return new Date(shifted - (((shifted % HOUR_MS) + HOUR_MS) % HOUR_MS) - OFFSET_MS);
}

/** The first IST clock hour boundary at or after `at`: the exclusive end of the hours it touches. */
export function istEndOfHour(at: Date): Date {
  const start = istStartOfHour(at);
  return start.getTime() === at.getTime() ? start : new Date(start.getTime() + HOUR_MS);
}
