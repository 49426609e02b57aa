import type { components } from '../api/schema';

export type PersonRef = components['schemas']['PersonRefView'];

/**
 * A person as a record names them, in the screen's language: "Ramesh Kumar (Sub-Inspector,
 * TT Nagar)" / "रमेश कुमार (उप निरीक्षक, टीटी नगर)". Rank and unit as the API resolved them.
 */
export function personName(p: PersonRef, lang: 'hi' | 'en'): string {
  const name = lang === 'hi' ? p.nameHi || p.nameEn : p.nameEn || p.nameHi;
  const rank = p.rank ? (lang === 'hi' ? p.rank.hi : p.rank.en) : null;
  const unit = p.unit ? (lang === 'hi' ? p.unit.nameHi : p.unit.nameEn) : null;
  const about = [rank, unit].filter(Boolean).join(', ');
  return about ? `${name} (${about})` : name;
}
