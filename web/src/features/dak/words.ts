import type { components } from '../../api/schema';
import { personName, type PersonRef } from '../../lib/people';

type UnitRef = components['schemas']['UnitRefView'];

export function unitName(u: UnitRef, lang: 'hi' | 'en'): string {
  return lang === 'hi' ? u.nameHi : u.nameEn;
}

/** Who holds an item (or is marked it): the officer with their unit, or the unit (section) itself. */
export function holderName(unit: UnitRef, user: PersonRef | null, lang: 'hi' | 'en'): string {
  return user ? personName(user, lang) : unitName(unit, lang);
}
