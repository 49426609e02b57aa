// What may hang under what in the commissionerate's tree, and how codes are made from names.
import type { UnitKind } from './unit.entity';

/** The kinds an admin creates; the commissionerate is the one root and is never created. */
export const CREATABLE_UNIT_KINDS = ['ZONE', 'DIVISION', 'THANA', 'BRANCH'] as const;
export type CreatableUnitKind = (typeof CREATABLE_UNIT_KINDS)[number];

/** The kinds in the police's own words, for messages. */
export const UNIT_KIND_WORDS: Record<UnitKind, string> = {
  COMMISSIONERATE: 'commissionerate',
  ZONE: 'zone',
  DIVISION: 'ACP circle',
  THANA: 'thana',
  BRANCH: 'branch',
};

/**
 * Commissionerate → zone → ACP circle → thana. A thana may hang from its zone directly (not
 * every zone has circles); branches (control room, intelligence, a thana's outpost) hang
 * anywhere, also under each other.
 */
const CHILDREN: Record<UnitKind, readonly UnitKind[]> = {
  COMMISSIONERATE: ['ZONE', 'BRANCH'],
  ZONE: ['DIVISION', 'THANA', 'BRANCH'],
  DIVISION: ['THANA', 'BRANCH'],
  THANA: ['BRANCH'],
  BRANCH: ['BRANCH'],
};

/** Why a unit of `kind` cannot hang under a unit of `parentKind`, or null when it can. */
export function placementProblem(kind: UnitKind, parentKind: UnitKind): string | null {
  if (CHILDREN[parentKind].includes(kind)) return null;
  const allowed = (Object.keys(CHILDREN) as UnitKind[]).filter((p) => CHILDREN[p].includes(kind));
  return `a ${UNIT_KIND_WORDS[kind]} cannot be placed under a ${UNIT_KIND_WORDS[parentKind]}${
    allowed.length ? ` (only under a ${allowed.map((k) => UNIT_KIND_WORDS[k]).join(' or ')})` : ''
  }`;
}

export const UNIT_CODE = /^[A-Z0-9_]{2,40}$/;

/**
 * A code from an English name: `Koh-e-Fiza` → `KOH_E_FIZA`, `Zone-4 (inferred)` → `ZONE_4` (a
 * gloss in brackets is left out). `prefix` is put in front unless the name already starts
 * with it, so a circle "TT Nagar" (`ACP_TT_NAGAR`) does not take its thana's code. Null when
 * the name gives no usable code (Hindi only, or one letter).
 */
export function codeFromName(name: string, prefix = ''): string | null {
  const bare = name
    .replace(/\(.*?\)/g, ' ')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!bare) return null;
  const code = (
    prefix && !bare.startsWith(prefix.replace(/_$/, '')) ? `${prefix}${bare}` : bare
  ).slice(0, 40);
  return UNIT_CODE.test(code) ? code : null;
}

/** Devanagari letters: a Hindi name must have some. */
export const DEVANAGARI = /[\u0900-\u097F]/;
