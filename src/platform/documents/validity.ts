import { formatIstDate, formatIstDateTime, istMidnight, istDateKey, istStartOfDay } from '../time';

/**
 * When a paper valid for `months` calendar months from its issue stops being valid: 00:00 IST
 * on the same day of the month `months` later (the last day of that month when it is shorter),
 * so a certificate issued on 1 December is valid through 31 May and expired on 1 June. Never
 * more than `months` months.
 */
export function validUntilAfterMonths(issuedAt: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1) throw new Error(`validity of ${months} months`);
  const [y, m, d] = istDateKey(issuedAt).split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const key = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return istMidnight(key);
}

/**
 * A paper's validity as printed on it and on the verify page: the last day it is valid
 * ("31-05-2027") when it ends at IST midnight, else the date and time it ends.
 */
export function formatValidUntil(validUntil: Date): { en: string; hi: string } {
  if (istStartOfDay(validUntil).getTime() === validUntil.getTime()) {
    const day = formatIstDate(new Date(validUntil.getTime() - 1));
    return { en: `up to and including ${day}`, hi: `${day} तक (सहित)` };
  }
  const at = formatIstDateTime(validUntil);
  return { en: `until ${at}`, hi: `${at} तक` };
}
