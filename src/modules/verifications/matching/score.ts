import { Birth, BirthAgreement, compareBirths, indianDate } from './birth';
import { addressTokens, KeyedName, keyName, parseRelative, Relation } from './name-key';
import { compareNames, jaroWinkler, NameComparison } from './name-similarity';

/**
 * Scores an applicant's particulars against a criminal record's: is this the same person?
 *
 * Each field adds evidence for or against (a weight, in the spirit of Fellegi–Sunter record
 * linkage): the name by how closely its parts agree; the father's or husband's name likewise;
 * the date of birth or age by how far apart they are; the address only for (people move).
 * The sum maps to 0–1 through a logistic curve. A STRONG match also needs the name to agree,
 * every part of it the same sound, an initial or absent, and enough besides it to agree (the
 * father's name and a fitting age, the exact date of birth …; see BIRTH_CORROBORATION), with
 * nothing disagreeing: a same-named stranger born the same year is not STRONG.
 */

export interface Particulars {
  /** As written, in Devanagari or Latin or both. */
  name: string;
  /** Father's or husband's name as written; "S/o", "W/o", "पुत्र", "पत्नी" … in front are read. */
  relative?: string | null;
  /** When the relation is known from elsewhere (a form's field). */
  relation?: Relation | null;
  birth?: Birth | null;
  address?: string | null;
}

/** Particulars with their keys computed: what the records index stores. */
export interface KeyedParticulars {
  name: KeyedName;
  relative: KeyedName | null;
  relation: Relation | null;
  birth: Birth | null;
  address: string[];
}

export function keyParticulars(p: Particulars): KeyedParticulars {
  const parsed = parseRelative(p.relative);
  const relative = keyName(parsed.name);
  return {
    name: keyName(p.name),
    relative: relative.alternatives.length ? relative : null,
    relation: p.relation ?? parsed.relation,
    birth: p.birth ?? null,
    address: addressTokens(p.address),
  };
}

export type MatchBand = 'STRONG' | 'POSSIBLE' | 'WEAK';
export type MatchField = 'name' | 'relative' | 'birth' | 'address';
export type MatchEffect = 'RAISES' | 'LOWERS' | 'NEUTRAL';

export type NameReason =
  'SAME_KEY' | 'SAME_SKELETON' | 'INITIALS_FIT' | 'PART_OF' | 'CLOSE' | 'DIFFERS';
export type ReasonCode =
  | `NAME_${NameReason}`
  | `RELATIVE_${NameReason}`
  | 'RELATIVE_NOT_COMPARABLE'
  | 'RELATIVE_MISSING'
  | `DOB_${Exclude<BirthAgreement, `AGE_${string}`>}`
  | Extract<BirthAgreement, `AGE_${string}`>
  | 'BIRTH_MISSING'
  | 'ADDRESS_SHARES'
  | 'ADDRESS_NOTHING_SHARED';

/** Why a candidate scored as it did, one field at a time, in English and Hindi. */
export interface MatchReason {
  field: MatchField;
  code: ReasonCode;
  effect: MatchEffect;
  /** The evidence this field added (log-odds-like; positive raises). */
  weight: number;
  en: string;
  hi: string;
}

export interface MatchScore {
  /** 0–1. */
  score: number;
  band: MatchBand;
  /** 0–1: how closely the names agree. */
  nameSimilarity: number;
  why: MatchReason[];
}

export const STRONG_AT = 0.95;
export const POSSIBLE_AT = 0.5;
/** The evidence at which the score is one half. */
const MIDPOINT = 3;

/** Piecewise-linear through the points (x ascending); flat outside them. */
function curve(points: Array<[number, number]>, x: number): number {
  if (x <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return points[points.length - 1]![1];
}

/** Name similarity → evidence: the same key +4; 0.9 +2.5; 0.8 +0.5; 0.7 −1.5; 0.6 and below −3. */
const NAME_EVIDENCE: Array<[number, number]> = [
  [0.6, -3],
  [0.7, -1.5],
  [0.8, 0.5],
  [0.85, 1.5],
  [0.9, 2.5],
  [0.95, 3.5],
  [1, 4],
];
/** The relative's name: the same key +3; below 0.7 −1.5 and less. */
const RELATIVE_EVIDENCE: Array<[number, number]> = [
  [0.6, -2.5],
  [0.7, -1.5],
  [0.8, 0],
  [0.85, 1],
  [0.9, 2],
  [0.95, 2.7],
  [1, 3],
];

const BIRTH_EVIDENCE: Record<BirthAgreement, number> = {
  SAME_DATE: 3,
  DAY_MONTH_SWAPPED: 2.5,
  SAME_MONTH: 2,
  YEAR_TYPO: 1.5,
  SAME_YEAR_PLACEHOLDER: 1.5,
  SAME_YEAR: 1,
  ONE_YEAR: 0,
  TWO_YEARS: -1,
  YEARS_APART: -3,
  DECADE_APART: -4,
  AGE_FITS: 1.5,
  AGE_NEAR: 0.5,
  AGE_OFF: -0.5,
  AGE_FAR: -2.5,
  AGE_DECADE: -3.5,
};
/**
 * What each agreeing identifier besides the name counts towards STRONG, which needs
 * CORROBORATION_FOR_STRONG: the relative's name 1; the date of birth to the day (or with day
 * and month swapped) 1.5; an age that fits, the same month, a one-year slip or 1 January of the
 * same year 0.5; a shared address 0.5. So the name with the father's name and a fitting age, or
 * with the exact date of birth, is STRONG; the name with the father's name alone is not (a
 * common name and a common father's name meet often in a district's records).
 */
const BIRTH_CORROBORATION: Partial<Record<BirthAgreement, number>> = {
  SAME_DATE: 1.5,
  DAY_MONTH_SWAPPED: 1.5,
  SAME_MONTH: 0.5,
  YEAR_TYPO: 0.5,
  SAME_YEAR_PLACEHOLDER: 0.5,
  AGE_FITS: 0.5,
};
const RELATIVE_CORROBORATION = 1;
const ADDRESS_CORROBORATION = 0.5;
const CORROBORATION_FOR_STRONG = 1.5;

/**
 * A part of a name that only resembles its partner (Rajesh ~ Rakesh, Arif ~ Asif) is another
 * name, perhaps a brother's or a twin's: it never makes a STRONG match.
 */
function resemblesOnly(c: NameComparison): boolean {
  return c.pairs.some((p) => p.agreement === 'SIMILAR' && Math.max(p.a.weight, p.b.weight) >= 0.5);
}

const effectOf = (w: number): MatchEffect =>
  w > 0.05 ? 'RAISES' : w < -0.05 ? 'LOWERS' : 'NEUTRAL';
const pct = (s: number) => Math.round(s * 100);
const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

interface Label {
  en: string;
  hi: string;
}

const NAME_LABEL: Label = { en: 'name', hi: 'नाम' };

function relativeLabel(q: Relation | null, r: Relation | null): Label {
  const rel = q ?? r;
  if (q && r && q !== r) return { en: "father's/husband's name", hi: 'पिता/पति का नाम' };
  if (rel === 'FATHER') return { en: "father's name", hi: 'पिता का नाम' };
  if (rel === 'HUSBAND') return { en: "husband's name", hi: 'पति का नाम' };
  return { en: "father's/husband's name", hi: 'पिता/पति का नाम' };
}

/** What kind of agreement a name comparison shows, and its words. */
function describeNames(
  c: NameComparison,
  label: Label,
): { kind: NameReason; en: string; hi: string } {
  const extra = [...c.onlyA, ...c.onlyB];
  const extraFillers = extra.filter((t) => t.weight < 0.5);
  const extraParts = extra.filter((t) => t.weight >= 0.5);
  const kinds = new Set(c.pairs.map((p) => p.agreement));
  const a = `'${c.keyA}'`;
  const b = `'${c.keyB}'`;
  const oneSide = extraFillers.length
    ? `; '${extraFillers.map((t) => t.key).join(' ')}' on one side only`
    : '';
  const oneSideHi = extraFillers.length
    ? `; '${extraFillers.map((t) => t.key).join(' ')}' केवल एक ओर`
    : '';
  if (c.pairs.length > 0 && extraParts.length === 0) {
    if (kinds.size === 1 && kinds.has('SAME')) {
      const common = `'${c.pairs.map((p) => p.a.key).join(' ')}'`;
      const order = c.reordered ? ', parts in another order' : '';
      const orderHi = c.reordered ? ', भाग दूसरे क्रम में' : '';
      return {
        kind: 'SAME_KEY',
        en: `${label.en}: same sound key ${common}${order}${oneSide}`,
        hi: `${label.hi}: ध्वनि-कुंजी एक ही ${common}${orderHi}${oneSideHi}`,
      };
    }
    if ([...kinds].every((k) => k === 'SAME' || k === 'SKELETON'))
      return {
        kind: 'SAME_SKELETON',
        en: `${label.en}: same sound once short a and h are set aside: ${a} ~ ${b}${oneSide}`,
        hi: `${label.hi}: छोटा 'अ' और 'ह' छोड़कर ध्वनि एक ही: ${a} ~ ${b}${oneSideHi}`,
      };
    if ([...kinds].every((k) => k === 'SAME' || k === 'SKELETON' || k === 'INITIAL'))
      return {
        kind: 'INITIALS_FIT',
        en: `${label.en}: initials fit: ${a} ~ ${b}${oneSide}`,
        hi: `${label.hi}: आद्याक्षर मेल खाते हैं: ${a} ~ ${b}${oneSideHi}`,
      };
  }
  const oneSided =
    (c.onlyA.filter((t) => t.weight >= 0.5).length === 0) !==
    (c.onlyB.filter((t) => t.weight >= 0.5).length === 0);
  if (
    c.pairs.length > 0 &&
    oneSided &&
    [...kinds].every((k) => k === 'SAME' || k === 'SKELETON' || k === 'INITIAL')
  ) {
    const [short, long] = c.onlyA.some((t) => t.weight >= 0.5) ? [b, a] : [a, b];
    return {
      kind: 'PART_OF',
      en: `${label.en}: ${short} is part of ${long}`,
      hi: `${label.hi}: ${short}, ${long} का भाग है`,
    };
  }
  if (c.similarity >= 0.85)
    return {
      kind: 'CLOSE',
      en: `${label.en}: close (${pct(c.similarity)}%): ${a} ~ ${b}`,
      hi: `${label.hi}: मिलता-जुलता (${pct(c.similarity)}%): ${a} ~ ${b}`,
    };
  return {
    kind: 'DIFFERS',
    en: `${label.en}: differs (${pct(c.similarity)}%): ${a} ~ ${b}`,
    hi: `${label.hi}: भिन्न (${pct(c.similarity)}%): ${a} ~ ${b}`,
  };
}

/**
 * A relative's name usually repeats the family name ("Rajesh Sharma, s/o Ramesh Sharma"),
 * which says nothing once the names have been compared: those parts are set aside, unless
 * nothing else would be left.
 */
function withoutFamilyName(relative: KeyedName, familyNames: Set<string>): KeyedName {
  const alternatives = relative.alternatives.map((alt) => {
    const rest = alt.filter((t) => !familyNames.has(t.key));
    return rest.length > 0 ? rest : alt;
  });
  return { key: relative.key, alternatives };
}

function familyNamesOf(name: KeyedName): string[] {
  return name.alternatives.filter((a) => a.length > 1).map((a) => a[a.length - 1]!.key);
}

function describeBirth(b: Birth): Label {
  if ('dob' in b) return { en: `DOB ${indianDate(b.dob)}`, hi: `जन्मतिथि ${indianDate(b.dob)}` };
  return {
    en: `age ${b.age} on ${indianDate(b.on)}`,
    hi: `${indianDate(b.on)} को आयु ${b.age} वर्ष`,
  };
}

function birthReason(
  q: Birth,
  r: Birth,
  agreement: BirthAgreement,
  yearsApart: number,
): Pick<MatchReason, 'code' | 'en' | 'hi'> {
  const dq = describeBirth(q);
  const dr = describeBirth(r);
  const both = `(${dq.en.replace(/^DOB /, '')} ~ ${dr.en.replace(/^DOB /, '')})`;
  const bothHi = `(${dq.hi.replace(/^जन्मतिथि /, '')} ~ ${dr.hi.replace(/^जन्मतिथि /, '')})`;
  switch (agreement) {
    case 'SAME_DATE':
      return {
        code: 'DOB_SAME_DATE',
        en: `DOB: same date (${dq.en.slice(4)})`,
        hi: `जन्मतिथि: एक ही (${dq.hi.slice(9)})`,
      };
    case 'DAY_MONTH_SWAPPED':
      return {
        code: 'DOB_DAY_MONTH_SWAPPED',
        en: `DOB: day and month swapped ${both}`,
        hi: `जन्मतिथि: दिन और महीना उलटे ${bothHi}`,
      };
    case 'SAME_MONTH':
      return {
        code: 'DOB_SAME_MONTH',
        en: `DOB: same year and month, day differs ${both}`,
        hi: `जन्मतिथि: वर्ष और महीना एक, दिन भिन्न ${bothHi}`,
      };
    case 'YEAR_TYPO':
      return {
        code: 'DOB_YEAR_TYPO',
        en: `DOB: same day and month, year 1 apart ${both}`,
        hi: `जन्मतिथि: दिन और महीना एक, वर्ष में 1 का अंतर ${bothHi}`,
      };
    case 'SAME_YEAR_PLACEHOLDER':
      return {
        code: 'DOB_SAME_YEAR_PLACEHOLDER',
        en: `DOB: same year; 1 January is often written when the date is not known ${both}`,
        hi: `जन्मतिथि: वर्ष एक; तारीख़ ज्ञात न होने पर अक्सर 1 जनवरी लिखी जाती है ${bothHi}`,
      };
    case 'SAME_YEAR':
      return {
        code: 'DOB_SAME_YEAR',
        en: `DOB: same year, month differs ${both}`,
        hi: `जन्मतिथि: वर्ष एक, महीना भिन्न ${bothHi}`,
      };
    case 'ONE_YEAR':
      return {
        code: 'DOB_ONE_YEAR',
        en: `DOB: about 1 year apart ${both}`,
        hi: `जन्मतिथि: लगभग 1 वर्ष का अंतर ${bothHi}`,
      };
    case 'TWO_YEARS':
      return {
        code: 'DOB_TWO_YEARS',
        en: `DOB: 2 years apart ${both}`,
        hi: `जन्मतिथि: 2 वर्ष का अंतर ${bothHi}`,
      };
    case 'YEARS_APART':
    case 'DECADE_APART':
      return {
        code: `DOB_${agreement}`,
        en: `DOB: ${yearsApart} years apart ${both}`,
        hi: `जन्मतिथि: ${yearsApart} वर्ष का अंतर ${bothHi}`,
      };
    case 'AGE_FITS':
      return {
        code: 'AGE_FITS',
        en: `age: ${ageFirst(dq, dr, q, 'en')} fit`,
        hi: `आयु: ${ageFirst(dq, dr, q, 'hi')} मेल खाते हैं`,
      };
    default: {
      const years = `${yearsApart} year${yearsApart === 1 ? '' : 's'}`;
      return {
        code: agreement,
        en: `age: ${ageFirst(dq, dr, q, 'en')} are ${years} apart`,
        hi: `आयु: ${ageFirst(dq, dr, q, 'hi')} में ${yearsApart} वर्ष का अंतर`,
      };
    }
  }
}

/** "age 35 on 02-03-2015 and DOB 12-03-1980": the age first. */
function ageFirst(dq: Label, dr: Label, q: Birth, lang: 'en' | 'hi'): string {
  const [first, second] = 'age' in q ? [dq, dr] : [dr, dq];
  return lang === 'en' ? `${first.en} and ${second.en}` : `${first.hi} और ${second.hi}`;
}

function sharedAddress(a: string[], b: string[]): string[] {
  const shared: string[] = [];
  for (const t of new Set(a)) {
    if (
      /^\d+$/.test(t)
        ? b.includes(t)
        : b.some((u) => u === t || (!/^\d+$/.test(u) && jaroWinkler(t, u) >= 0.9))
    )
      shared.push(t);
  }
  return shared;
}

export interface ScoreOptions {
  /** Build the reasons (the default). Ranking many candidates can leave them out and explain the top ones. */
  explain?: boolean;
}

/** Scores a query (an applicant) against a record. Both sides keyed; see keyParticulars. */
export function scoreMatch(
  query: KeyedParticulars,
  record: KeyedParticulars,
  options: ScoreOptions = {},
): MatchScore {
  return scoreWith(query, record, options, null);
}

/**
 * Scores many records against one query, remembering the comparisons of names already seen
 * (the rows of a records search share names and fathers' names a great deal).
 */
export function matchScorer(
  query: KeyedParticulars,
): (record: KeyedParticulars, options?: ScoreOptions) => MatchScore {
  const memo: Memo = { names: new Map(), relatives: new Map() };
  return (record, options = {}) => scoreWith(query, record, options, memo);
}

interface Memo {
  names: Map<string, NameComparison | null>;
  relatives: Map<string, NameComparison>;
}

function remembered<T>(map: Map<string, T> | undefined, key: string, compute: () => T): T {
  if (!map) return compute();
  if (map.has(key)) return map.get(key)!;
  const value = compute();
  map.set(key, value);
  return value;
}

function scoreWith(
  query: KeyedParticulars,
  record: KeyedParticulars,
  { explain = true }: ScoreOptions,
  memo: Memo | null,
): MatchScore {
  const why: MatchReason[] = [];
  let evidence = 0;

  const name = remembered(memo?.names, record.name.key, () =>
    compareNames(query.name, record.name),
  );
  const nameSimilarity = name?.similarity ?? 0;
  const nameWeight = name ? curve(NAME_EVIDENCE, nameSimilarity) : -3;
  evidence += nameWeight;
  if (name && explain)
    why.push({
      field: 'name',
      weight: round(nameWeight, 2),
      effect: effectOf(nameWeight),
      ...codeAs('NAME', describeNames(name, NAME_LABEL)),
    });

  let corroboration = 0;
  let disagreement = false;
  if (!query.relative || !record.relative) {
    if (explain) {
      const label = relativeLabel(query.relation, record.relation);
      why.push({
        field: 'relative',
        code: 'RELATIVE_MISSING',
        weight: 0,
        effect: 'NEUTRAL',
        en: `${label.en}: not on both sides`,
        hi: `${label.hi}: दोनों ओर नहीं`,
      });
    }
  } else if (query.relation && record.relation && query.relation !== record.relation) {
    if (explain)
      why.push({
        field: 'relative',
        code: 'RELATIVE_NOT_COMPARABLE',
        weight: 0,
        effect: 'NEUTRAL',
        en: "father's name on one side, husband's on the other: not compared",
        hi: 'एक ओर पिता का नाम, दूसरी ओर पति का: तुलना नहीं की',
      });
  } else {
    const family = new Set([...familyNamesOf(query.name), ...familyNamesOf(record.name)]);
    const recordRelative = record.relative;
    const rel = remembered(memo?.relatives, `${record.name.key}\n${recordRelative.key}`, () =>
      compareNames(
        withoutFamilyName(query.relative!, family),
        withoutFamilyName(recordRelative, family),
      )!,
    );
    let w = curve(RELATIVE_EVIDENCE, rel.similarity);
    // With the relation unknown on one side, a different name may be the other relative.
    if (w < 0 && (!query.relation || !record.relation)) w /= 2;
    evidence += w;
    if (rel.similarity >= 0.9 && !resemblesOnly(rel)) corroboration += RELATIVE_CORROBORATION;
    disagreement ||= w < 0 || resemblesOnly(rel);
    if (explain)
      why.push({
        field: 'relative',
        weight: round(w, 2),
        effect: effectOf(w),
        ...codeAs('RELATIVE', describeNames(rel, relativeLabel(query.relation, record.relation))),
      });
  }

  const birth = query.birth && record.birth ? compareBirths(query.birth, record.birth) : null;
  if (!birth) {
    if (explain)
      why.push({
        field: 'birth',
        code: 'BIRTH_MISSING',
        weight: 0,
        effect: 'NEUTRAL',
        en: 'DOB/age: not on both sides',
        hi: 'जन्मतिथि/आयु: दोनों ओर नहीं',
      });
  } else {
    const w = BIRTH_EVIDENCE[birth.agreement];
    evidence += w;
    corroboration += BIRTH_CORROBORATION[birth.agreement] ?? 0;
    disagreement ||= w < 0;
    if (explain)
      why.push({
        field: 'birth',
        weight: w,
        effect: effectOf(w),
        ...birthReason(query.birth!, record.birth!, birth.agreement, birth.yearsApart),
      });
  }

  if (query.address.length && record.address.length) {
    const shared = sharedAddress(query.address, record.address);
    const words = shared.filter((t) => !/^\d+$/.test(t)).length;
    const w = words >= 2 || (words >= 1 && shared.length >= 2) ? 1 : shared.length >= 1 ? 0.5 : 0;
    evidence += w;
    if (w >= 1) corroboration += ADDRESS_CORROBORATION;
    if (explain)
      why.push(
        w > 0
          ? {
              field: 'address',
              code: 'ADDRESS_SHARES',
              weight: w,
              effect: 'RAISES',
              en: `address: both mention '${shared.join(' ')}'`,
              hi: `पता: दोनों में '${shared.join(' ')}'`,
            }
          : {
              field: 'address',
              code: 'ADDRESS_NOTHING_SHARED',
              weight: 0,
              effect: 'NEUTRAL',
              en: 'address: nothing in common (not counted against: people move)',
              hi: 'पता: कुछ समान नहीं (विरुद्ध नहीं गिना: लोग घर बदलते हैं)',
            },
      );
  }

  let score = 1 / (1 + Math.exp(-(evidence - MIDPOINT)));
  const strongAllowed =
    nameSimilarity >= 0.9 &&
    !!name &&
    !resemblesOnly(name) &&
    !disagreement &&
    corroboration >= CORROBORATION_FOR_STRONG;
  if (!strongAllowed) score = Math.min(score, STRONG_AT - 0.01);
  score = round(score);
  const band: MatchBand =
    score >= STRONG_AT ? 'STRONG' : score >= POSSIBLE_AT ? 'POSSIBLE' : 'WEAK';
  return { score, band, nameSimilarity: round(nameSimilarity), why };
}

function codeAs(
  prefix: 'NAME' | 'RELATIVE',
  d: { kind: NameReason; en: string; hi: string },
): Pick<MatchReason, 'code' | 'en' | 'hi'> {
  return { code: `${prefix}_${d.kind}`, en: d.en, hi: d.hi };
}

/** Scores particulars as written (keys them first). */
export function scoreParticulars(query: Particulars, record: Particulars): MatchScore {
  return scoreMatch(keyParticulars(query), keyParticulars(record));
}
