import type { Birth } from '../matching/birth';
import {
  addressTokens,
  KEY_VERSION,
  KeyedName,
  keyName,
  keyedFromKey,
  parseRelative,
  Relation,
  skeletonOf,
} from '../matching/name-key';
import { KeyedParticulars } from '../matching/score';

/** One entry of a criminal-records index as an import gives it. */
export interface CriminalRecordEntry {
  /** As written, in either script. */
  name: string;
  /** Father's or husband's name as written ("S/o …", "पत्नी …" are read). */
  relative?: string | null;
  relation?: Relation | null;
  birth?: Birth | null;
  address?: string | null;
  /** FIR or case reference as the police station writes it: "112/2019". */
  firRef: string;
  policeStation: string;
  /** Sections of law: "IPC 379", "BNS 303(2)". */
  sections?: string | null;
}

/** The columns of `criminal_record` an entry becomes. */
export interface CriminalRecordRow {
  name: string;
  nameKey: string;
  searchKey: string;
  relativeName: string | null;
  relativeKey: string | null;
  kinKeys: string[];
  relation: Relation | null;
  dob: string | null;
  ageYears: number | null;
  ageOn: string | null;
  bornKeys: string[];
  address: string | null;
  addressKey: string | null;
  firRef: string;
  policeStation: string;
  sections: string | null;
  keyVersion: number;
}

/**
 * What the trigram prefilter matches on: each alternative's distinctive parts, without those
 * that are everywhere or often left out (Kumar, Bai, Singh, Mohammad, initials). A name of
 * only such parts keeps them all.
 */
export function searchKeyOf(name: KeyedName): string {
  return name.alternatives
    .map((alt) => {
      const distinctive = alt.filter((t) => t.weight >= 1);
      return (distinctive.length ? distinctive : alt).map((t) => t.key).join(' ');
    })
    .join(' / ');
}

/**
 * The distinctive parts of a relative's name that are not also parts of the person's own (the
 * family name): "Ramesh Chandra Sharma" for Rajesh Sharma gives rames, chandar.
 */
export function relativeTokensOf(relative: KeyedName | null, name: KeyedName): string[] {
  if (!relative) return [];
  const own = new Set(name.alternatives.flat().map((t) => t.key));
  const parts = relative.alternatives.flat().filter((t) => t.weight >= 1 && !own.has(t.key));
  return [...new Set(parts.map((t) => t.key))];
}

/** The parts of a search key, every alternative's, as skeletons (Binod and Vinod alike). */
function searchParts(searchKey: string): string[] {
  return [
    ...new Set(
      searchKey
        .split(/ \/ | /)
        .filter(Boolean)
        .map(skeletonOf),
    ),
  ];
}

/**
 * Blocking keys by kin: each part of the name with each part of the relative's name that is
 * not the family name, as skeletons, "srma>rmes" for Rajesh Sharma son of Ramesh Sharma. An entry that
 * shares one with an applicant shares a name part and a father's name part, whatever else
 * was misspelt.
 */
export function kinKeysOf(searchKey: string, relativeTokens: readonly string[]): string[] {
  const kin = [...new Set(relativeTokens.map(skeletonOf))];
  return searchParts(searchKey).flatMap((n) => kin.map((f) => `${n}>${f}`));
}

/**
 * Blocking keys by birth: the whole name, its parts as skeletons in alphabetical order, with
 * each year the person may have been born in, "rjes srma@1984". `spread` years either side of the likely
 * one (an age gives the year to about one).
 */
export function bornKeysOf(searchKey: string, year: number | null, spread: number): string[] {
  if (year === null) return [];
  const names = searchKey
    .split(' / ')
    .map((alt) => alt.split(' ').filter(Boolean).map(skeletonOf).sort().join(' '));
  const keys: string[] = [];
  for (const n of new Set(names))
    for (let y = year - spread; y <= year + spread; y++) keys.push(`${n}@${y}`);
  return keys;
}

/** The year someone was most likely born in. */
export function birthYearOf(birth: Birth | null | undefined): number | null {
  if (!birth) return null;
  if ('dob' in birth) return Number(birth.dob.slice(0, 4));
  const on = Number(birth.on.slice(0, 4));
  // Aged A on a date in the first half of the year: most likely born in year − A − 1.
  return Number(birth.on.slice(5, 7)) <= 6 ? on - birth.age - 1 : on - birth.age;
}

/** Years either side of an entry's likely birth year in its blocking keys. */
export const ENTRY_BIRTH_SPREAD = 1;

export function rowOf(entry: CriminalRecordEntry): CriminalRecordRow {
  const name = keyName(entry.name);
  const parsed = parseRelative(entry.relative);
  const relative = keyName(parsed.name);
  const birth = entry.birth ?? null;
  const searchKey = searchKeyOf(name);
  return {
    name: entry.name.trim(),
    nameKey: name.key,
    searchKey,
    relativeName: relative.alternatives.length ? entry.relative!.trim() : null,
    relativeKey: relative.alternatives.length ? relative.key : null,
    kinKeys: kinKeysOf(
      searchKey,
      relativeTokensOf(relative.alternatives.length ? relative : null, name),
    ),
    relation: entry.relation ?? parsed.relation,
    dob: birth && 'dob' in birth ? birth.dob : null,
    ageYears: birth && 'age' in birth ? birth.age : null,
    ageOn: birth && 'age' in birth ? birth.on : null,
    bornKeys: bornKeysOf(searchKey, birthYearOf(birth), ENTRY_BIRTH_SPREAD),
    address: entry.address?.trim() || null,
    addressKey: addressTokens(entry.address).join(' ') || null,
    firRef: entry.firRef.trim(),
    policeStation: entry.policeStation.trim(),
    sections: entry.sections?.trim() || null,
    keyVersion: KEY_VERSION,
  };
}

/** An entry of the index as read back. */
export interface IndexedRecord {
  id: string;
  importBatchId: string;
  name: string;
  relativeName: string | null;
  relation: Relation | null;
  dob: string | null;
  age: { years: number; on: string } | null;
  address: string | null;
  firRef: string;
  policeStation: string;
  sections: string | null;
}

/** A row as the search reads it (dates as text). */
export interface StoredRow {
  id: string;
  import_batch_id: string;
  name: string;
  name_key: string;
  relative_name: string | null;
  relative_key: string | null;
  relation: Relation | null;
  dob: string | null;
  age_years: number | null;
  age_on: string | null;
  address: string | null;
  address_key: string | null;
  fir_ref: string;
  police_station: string;
  sections: string | null;
  key_version: number;
}

export function indexedRecordOf(row: StoredRow): IndexedRecord {
  return {
    id: row.id,
    importBatchId: row.import_batch_id,
    name: row.name,
    relativeName: row.relative_name,
    relation: row.relation,
    dob: row.dob,
    age:
      row.age_years !== null && row.age_on !== null
        ? { years: row.age_years, on: row.age_on }
        : null,
    address: row.address,
    firRef: row.fir_ref,
    policeStation: row.police_station,
    sections: row.sections,
  };
}

/**
 * A stored row keyed for scoring: its stored keys, or, when an older version of the key
 * computed them, keys computed again from the names as written.
 */
export function keyedRow(row: StoredRow): KeyedParticulars {
  const current = row.key_version === KEY_VERSION;
  const relative = row.relative_name
    ? current && row.relative_key
      ? keyedFromKey(row.relative_key)
      : keyName(parseRelative(row.relative_name).name)
    : null;
  const birth: Birth | null = row.dob
    ? { dob: row.dob }
    : row.age_years !== null && row.age_on
      ? { age: row.age_years, on: row.age_on }
      : null;
  return {
    name: current ? keyedFromKey(row.name_key) : keyName(row.name),
    relative: relative && relative.alternatives.length ? relative : null,
    relation: row.relation,
    birth,
    address: current ? (row.address_key?.split(' ') ?? []) : addressTokens(row.address),
  };
}
