import type { components } from '../../api/schema';
import { personName, type PersonRef } from '../../lib/people';
import { addDaysToKey, formatDateKey, formatDateTime, formatTime, istDateKey } from '../../lib/time';

type UnitRef = components['schemas']['UnitRefView'];

export function unitName(u: UnitRef, lang: 'hi' | 'en'): string {
  return lang === 'hi' ? u.nameHi : u.nameEn;
}

/** Who holds an item (or is marked it): the officer with their unit, or the unit (section) itself. */
export function holderName(unit: UnitRef, user: PersonRef | null, lang: 'hi' | 'en'): string {
  return user ? personName(user, lang) : unitName(unit, lang);
}

/**
 * When an item is due, as a clerk says it: the API's due instant is 00:00 IST after the last
 * day, which reads better as "by the end of" that day; any other instant as it is.
 */
export function dueWords(at: string, t: (key: string, values: Record<string, string>) => string): string {
  if (formatTime(at) !== '00:00') return formatDateTime(at);
  return t('dak.dueEndOf', { day: formatDateKey(addDaysToKey(istDateKey(at), -1)) });
}

/** The `lang` of a text the item carries (its subject): Hindi or English when the API says so. */
export function textLang(language: 'hi' | 'en' | 'other'): 'hi' | 'en' | undefined {
  return language === 'other' ? undefined : language;
}
