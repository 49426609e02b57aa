import { INDIAN_MOBILE } from '../../platform/http';

export const GENDERS = ['M', 'F', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

const GENDER_WORDS: Record<string, Gender> = {
  M: 'M',
  MALE: 'M',
  पुरुष: 'M',
  F: 'F',
  FEMALE: 'F',
  W: 'F',
  WOMAN: 'F',
  महिला: 'F',
  X: 'X',
  OTHER: 'X',
};

export function parseGender(text: string): Gender | null {
  return GENDER_WORDS[text.trim().toUpperCase()] ?? null;
}

/**
 * The bare 10 digits of an Indian mobile number, or null if it is not one. Excel turns
 * numbers into floats and people type +91 or spaces, so all of those are accepted.
 */
export function normaliseMobile(text: string): string | null {
  const compact = text
    .trim()
    .replace(/[\s()-]/g, '')
    .replace(/\.0+$/, '');
  if (!INDIAN_MOBILE.test(compact) && !/^0[6-9]\d{9}$/.test(compact)) return null;
  return compact.slice(-10);
}

/** Belt numbers are compared without case or inner spaces: "bpl 0412" is "BPL0412". */
export function normaliseBeltNo(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '');
}

export const BELT_NO = /^[A-Z0-9][A-Z0-9/-]{1,29}$/;
