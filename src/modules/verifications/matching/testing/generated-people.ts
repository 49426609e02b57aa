import type { Birth } from '../birth';
import type { Relation } from '../name-key';
import type { Particulars } from '../score';
import * as P from './name-parts';
import type { NamePart } from './name-parts';

/** A deterministic random source (mulberry32), so two runs generate the same people. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated entry of a criminal-records index, as an import would give it. */
export interface GeneratedRecord {
  name: string;
  relative: string | null;
  relation: Relation | null;
  birth: Birth | null;
  address: string | null;
  firRef: string;
  policeStation: string;
  sections: string;
}

const POLICE_STATIONS = [
  'Jahangirabad',
  'Hanumanganj',
  'Shahjahanabad',
  'Koh-e-Fiza',
  'Talaiya',
  'Kotwali',
  'Ashoka Garden',
  'Govindpura',
  'Piplani',
  'Ayodhya Nagar',
  'Bagh Sewania',
  'Misrod',
  'Kolar Road',
  'Shahpura',
  'TT Nagar',
  'Kamla Nagar',
  'Habibganj',
  'MP Nagar',
  'Aishbagh',
  'Chhola Mandir',
  'Nishatpura',
  'Bairagarh',
  'Gandhi Nagar',
  'Berasia',
  'Chunabhatti',
  'Katara Hills',
  'Jatkhedi',
];
const SECTIONS = [
  'IPC 379',
  'IPC 323, 294, 506',
  'IPC 457, 380',
  'IPC 420',
  'IPC 498A',
  'IPC 307',
  'IPC 354',
  'BNS 303(2)',
  'BNS 115(2), 352',
  'NDPS 8/20',
  'Arms Act 25',
  'Excise Act 34(2)',
  'Gambling Act 13',
];

type Script = 'hi' | 'en';

/** A generated person: who they are, before anyone writes them down. */
export interface Person {
  female: boolean;
  name: NamePart[];
  relative: NamePart[] | null;
  relation: Relation | null;
  /** The true date of birth. */
  dob: string;
  locality: NamePart;
  houseNo: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Age in whole years on a date. */
function ageOn(dob: string, on: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
}

/**
 * People of Madhya Pradesh (70% Hindu, 15% Muslim, 10% tribal, 3% Sikh, 2% Christian; 15%
 * women, as in criminal records), and the two ways they get written: as an entry of a
 * criminal-records index (either script, any listed spelling, a tenth in capitals; an age on
 * the FIR's date, or a date of birth, a tenth of them 1 January; a relative three times in
 * four), and as an applicant (the other script, the true date of birth).
 */
export function peopleWriter(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const write = (parts: NamePart[], script: Script, caps: boolean): string => {
    const text = parts.map((p) => (script === 'hi' ? p.hi : pick(p.en))).join(' ');
    return caps ? text.toUpperCase() : text;
  };
  let serial = 0;

  const person = (): Person => {
    const female = chance(0.15);
    const community = random();
    let name: NamePart[];
    let surname: NamePart | null;
    let fatherFirst: NamePart[];
    if (community < 0.7) {
      surname = chance(0.9) ? pick(P.HINDU_SURNAME) : null;
      name = female
        ? [pick(P.HINDU_FEMALE), ...(chance(0.4) ? [pick(P.FEMALE_SUFFIX)] : [])]
        : [pick(P.HINDU_MALE), ...(chance(0.25) ? [pick(P.HINDU_MIDDLE)] : [])];
      fatherFirst = [pick(P.HINDU_MALE)];
    } else if (community < 0.85) {
      surname = chance(female ? 0.3 : 0.8) ? pick(P.MUSLIM_SURNAME) : null;
      name = female
        ? [pick(P.MUSLIM_FEMALE), ...(chance(0.5) ? [pick(P.MUSLIM_FEMALE_SUFFIX)] : [])]
        : [...(chance(0.3) ? [pick(P.MUSLIM_PREFIX)] : []), pick(P.MUSLIM_MALE)];
      fatherFirst = [...(chance(0.3) ? [pick(P.MUSLIM_PREFIX)] : []), pick(P.MUSLIM_MALE)];
    } else if (community < 0.95) {
      surname = pick(P.TRIBAL_SURNAME);
      name = female
        ? [pick(P.HINDU_FEMALE), ...(chance(0.5) ? [pick(P.FEMALE_SUFFIX)] : [])]
        : [chance(0.6) ? pick(P.TRIBAL_MALE) : pick(P.HINDU_MALE), ...(chance(0.2) ? [P.SINGH] : [])];
      fatherFirst = [pick(P.TRIBAL_MALE)];
    } else if (community < 0.98) {
      surname = chance(0.3) ? pick(P.SIKH_SURNAME) : null;
      name = female ? [pick(P.SIKH_FEMALE), P.KAUR] : [pick(P.SIKH_MALE), P.SINGH];
      fatherFirst = [pick(P.SIKH_MALE), P.SINGH];
    } else {
      surname = pick(P.CHRISTIAN_SURNAME);
      name = [female ? pick(P.CHRISTIAN_FEMALE) : pick(P.CHRISTIAN_MALE)];
      fatherFirst = [pick(P.CHRISTIAN_MALE)];
    }
    const relation: Relation | null = chance(0.75) ? (female && chance(0.5) ? 'HUSBAND' : 'FATHER') : null;
    return {
      female,
      name: surname ? [...name, surname] : name,
      relative: relation ? (surname && chance(0.6) ? [...fatherFirst, surname] : fatherFirst) : null,
      relation,
      dob: isoDay(new Date(Date.UTC(1950 + Math.floor(random() * 56), Math.floor(random() * 12), 1 + Math.floor(random() * 28)))),
      locality: pick(P.LOCALITIES),
      houseNo: 1 + Math.floor(random() * 300),
    };
  };

  const relativeText = (p: Person, script: Script, caps: boolean): { relative: string | null; relation: Relation | null } => {
    if (!p.relative || !p.relation) return { relative: null, relation: null };
    const marker = p.relation === 'HUSBAND' ? (script === 'hi' ? 'पत्नी' : 'W/o') : script === 'hi' ? (p.female ? 'पुत्री' : 'पुत्र') : p.female ? 'D/o' : 'S/o';
    // Seven in ten write the marker ("S/o …"), which says the relation; the rest a bare name.
    return chance(0.7) ? { relative: `${marker} ${write(p.relative, script, caps)}`, relation: null } : { relative: write(p.relative, script, caps), relation: p.relation };
  };

  /** The person as a police station's records index has them. */
  const record = (p: Person): GeneratedRecord & { script: Script } => {
    serial++;
    const script: Script = chance(0.5) ? 'hi' : 'en';
    const caps = script === 'en' && chance(0.1);
    // FIRs give an age on the day; some records a date of birth (a tenth of them 1 January).
    let birth: Birth | null = null;
    const roll = random();
    if (roll < 0.65) {
      const earliest = Date.parse(`${Number(p.dob.slice(0, 4)) + 18}-01-01`);
      const latest = Math.max(earliest, Date.parse('2024-12-31'));
      const on = isoDay(new Date(earliest + Math.floor(random() * (latest - earliest + 1))));
      birth = { age: ageOn(p.dob, on), on };
    } else if (roll < 0.95) birth = { dob: chance(0.1) ? `${p.dob.slice(0, 4)}-01-01` : p.dob };
    const address = chance(0.8)
      ? script === 'hi'
        ? `मकान नं. ${p.houseNo}, ${p.locality.hi}, भोपाल`
        : `H.No. ${p.houseNo}, ${pick(p.locality.en)}, Bhopal`
      : null;
    return {
      script,
      name: write(p.name, script, caps),
      ...relativeText(p, script, caps),
      birth,
      address,
      firRef: `${String(1 + (serial % 999)).padStart(3, '0')}/${2005 + (serial % 20)}`,
      policeStation: pick(POLICE_STATIONS),
      sections: pick(SECTIONS),
    };
  };

  /** The person applying for a certificate: written in the given script, with the true date of birth. */
  const applicant = (p: Person, script: Script): Particulars => ({
    name: write(p.name, script, false),
    ...relativeText(p, script, false),
    birth: { dob: p.dob },
    address: script === 'hi' ? `${p.locality.hi}, भोपाल` : `${pick(p.locality.en)}, Bhopal`,
  });

  return { person, record, applicant };
}

/** Entries of a records index, one generated person each. */
export function peopleGenerator(seed: number): () => GeneratedRecord {
  const w = peopleWriter(seed);
  return () => {
    const { script: _script, ...entry } = w.record(w.person());
    return entry;
  };
}
