// India has kept UTC+05:30 without daylight saving since 1945, so fixed-offset arithmetic is
// exact and independent of the server's TZ (the same reasoning as the PDF engine's ist-date).
const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 24 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes since IST midnight, 0–1439. */
export function istMinuteOfDay(at: Date): number {
  const ms = (at.getTime() + IST_OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / 60_000);
}

/** The instant of 00:00 IST on the IST calendar day of `at`. */
export function istStartOfDay(at: Date): Date {
  const shifted = at.getTime() + IST_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - IST_OFFSET_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** yyyy-mm-dd of the IST calendar day, for grouping. */
export function istDateKey(at: Date): string {
  const d = new Date(at.getTime() + IST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** dd-mm-yyyy HH:MM in IST, as letters and SMS print it. */
export function formatIst(at: Date): string {
  const d = new Date(at.getTime() + IST_OFFSET_MS);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${formatIstTime(at)}`;
}

export function formatIstTime(at: Date): string {
  const m = istMinuteOfDay(at);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export function formatMinute(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
