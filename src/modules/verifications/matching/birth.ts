/**
 * What is known of when someone was born: a date of birth, or an age stated on a date (an FIR
 * gives the accused's age on the day it was written, "उम्र 35 वर्ष").
 */
export type Birth = { dob: string } | { age: number; on: string };

/** How two births agree, from "the same date" to "years apart". */
export type BirthAgreement =
  | 'SAME_DATE'
  | 'DAY_MONTH_SWAPPED'
  | 'SAME_MONTH'
  | 'YEAR_TYPO'
  | 'SAME_YEAR_PLACEHOLDER'
  | 'SAME_YEAR'
  | 'ONE_YEAR'
  | 'TWO_YEARS'
  | 'YEARS_APART'
  | 'DECADE_APART'
  | 'AGE_FITS'
  | 'AGE_NEAR'
  | 'AGE_OFF'
  | 'AGE_FAR'
  | 'AGE_DECADE';

export interface BirthComparison {
  agreement: BirthAgreement;
  /** Whole years between the two (0 when they overlap). */
  yearsApart: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseIsoDate(s: string): Ymd | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

const YMD = new Map<string, Ymd>();
function ymdOf(iso: string): Ymd {
  let d = YMD.get(iso);
  if (!d) {
    d = parseIsoDate(iso)!;
    if (YMD.size > 50_000) YMD.clear();
    YMD.set(iso, d);
  }
  return d;
}

/** A calendar date as a day number (days since 1970-01-01), for differences. */
function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const DAYS_PER_YEAR = 365.2425;

const WINDOWS = new WeakMap<Birth, [number, number] | null>();

/** Earliest and latest day of birth the particulars allow (remembered per object). */
function birthWindow(b: Birth): [number, number] | null {
  let w = WINDOWS.get(b);
  if (w === undefined) {
    w = computeWindow(b);
    WINDOWS.set(b, w);
  }
  return w;
}

function computeWindow(b: Birth): [number, number] | null {
  if ('dob' in b) {
    const d = parseIsoDate(b.dob);
    if (!d) return null;
    const n = dayNumber(d);
    return [n, n];
  }
  const on = parseIsoDate(b.on);
  if (!on || !Number.isFinite(b.age) || b.age < 0) return null;
  // Aged A on date D: born after D − (A + 1) years and on or before D − A years.
  const latest = dayNumber({ ...on, y: on.y - b.age });
  const earliest = dayNumber({ ...on, y: on.y - b.age - 1 }) + 1;
  return [earliest, latest];
}

/**
 * Compares two births. Dates of birth: the same date; day and month swapped (05-03 ~ 03-05,
 * a common slip); the same month; the same day and month a year off (a typed year); the same
 * year where one side is 1 January (often written when the date is not known); the same year;
 * one, two, three to nine, or ten and more years apart. With an age on either side: the age
 * fits, is off by up to 2 years (ages in records are estimates), up to 5, up to 9, or more.
 */
export function compareBirths(a: Birth, b: Birth): BirthComparison | null {
  const wa = birthWindow(a);
  const wb = birthWindow(b);
  if (!wa || !wb) return null;
  const gapDays = Math.max(0, wa[0] - wb[1], wb[0] - wa[1]);
  if ('dob' in a && 'dob' in b) {
    const x = ymdOf(a.dob);
    const y = ymdOf(b.dob);
    if (x.y === y.y && x.m === y.m && x.d === y.d) return { agreement: 'SAME_DATE', yearsApart: 0 };
    if (x.y === y.y && x.m === y.d && x.d === y.m && x.d <= 12 && x.m <= 12)
      return { agreement: 'DAY_MONTH_SWAPPED', yearsApart: 0 };
    if (x.y === y.y && x.m === y.m) return { agreement: 'SAME_MONTH', yearsApart: 0 };
    if (x.m === y.m && x.d === y.d && Math.abs(x.y - y.y) === 1)
      return { agreement: 'YEAR_TYPO', yearsApart: 1 };
    const placeholder = (v: Ymd) => v.m === 1 && v.d === 1;
    if (x.y === y.y && (placeholder(x) || placeholder(y)))
      return { agreement: 'SAME_YEAR_PLACEHOLDER', yearsApart: 0 };
    if (x.y === y.y) return { agreement: 'SAME_YEAR', yearsApart: 0 };
    const years = gapDays / DAYS_PER_YEAR;
    if (years < 1.5) return { agreement: 'ONE_YEAR', yearsApart: Math.max(1, Math.round(years)) };
    if (years < 2.5) return { agreement: 'TWO_YEARS', yearsApart: 2 };
    return {
      agreement: years < 9.5 ? 'YEARS_APART' : 'DECADE_APART',
      yearsApart: Math.round(years),
    };
  }
  if (gapDays === 0) return { agreement: 'AGE_FITS', yearsApart: 0 };
  const years = Math.max(1, Math.ceil(gapDays / DAYS_PER_YEAR - 1e-9));
  if (years <= 2) return { agreement: 'AGE_NEAR', yearsApart: years };
  if (years <= 5) return { agreement: 'AGE_OFF', yearsApart: years };
  return { agreement: years < 10 ? 'AGE_FAR' : 'AGE_DECADE', yearsApart: years };
}

/** "1985-03-12" → "12-03-1985", as dates are written in India. */
export function indianDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${String(d.d).padStart(2, '0')}-${String(d.m).padStart(2, '0')}-${d.y}` : iso;
}
