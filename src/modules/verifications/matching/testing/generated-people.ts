import type { Birth } from '../birth';
import type { Relation } from '../name-key';
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

export function peopleGenerator(seed: number): () => GeneratedRecord {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const write = (parts: NamePart[], script: Script, caps: boolean): string => {
    const text = parts.map((p) => (script === 'hi' ? p.hi : pick(p.en))).join(' ');
    return caps ? text.toUpperCase() : text;
  };
  let serial = 0;

  return () => {
    serial++;
    const script: Script = chance(0.5) ? 'hi' : 'en';
    const caps = script === 'en' && chance(0.1);
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
        : [
            chance(0.6) ? pick(P.TRIBAL_MALE) : pick(P.HINDU_MALE),
            ...(chance(0.2) ? [P.SINGH] : []),
          ];
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
    const full = surname ? [...name, surname] : name;

    // Three in four records name a relative: a woman's often her husband.
    let relative: string | null = null;
    let relation: Relation | null = null;
    if (chance(0.75)) {
      relation = female && chance(0.5) ? 'HUSBAND' : 'FATHER';
      const rel = surname && chance(0.6) ? [...fatherFirst, surname] : fatherFirst;
      const marker =
        relation === 'HUSBAND'
          ? script === 'hi'
            ? 'पत्नी'
            : 'W/o'
          : script === 'hi'
            ? female
              ? 'पुत्री'
              : 'पुत्र'
            : female
              ? 'D/o'
              : 'S/o';
      relative = chance(0.7) ? `${marker} ${write(rel, script, caps)}` : write(rel, script, caps);
      if (relative.startsWith(marker)) relation = null; // read from the marker
    }

    // FIRs give an age on the day; some records a date of birth (a tenth of them 1 January).
    let birth: Birth | null = null;
    const roll = random();
    if (roll < 0.65) {
      const on = new Date(
        Date.UTC(
          2005 + Math.floor(random() * 20),
          Math.floor(random() * 12),
          1 + Math.floor(random() * 28),
        ),
      );
      birth = { age: 18 + Math.floor(random() * 50), on: on.toISOString().slice(0, 10) };
    } else if (roll < 0.95) {
      const year = 1950 + Math.floor(random() * 56);
      const dob = chance(0.1)
        ? new Date(Date.UTC(year, 0, 1))
        : new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      birth = { dob: dob.toISOString().slice(0, 10) };
    }

    const locality = pick(P.LOCALITIES);
    const address = chance(0.8)
      ? script === 'hi'
        ? `मकान नं. ${1 + Math.floor(random() * 300)}, ${locality.hi}, भोपाल`
        : `H.No. ${1 + Math.floor(random() * 300)}, ${pick(locality.en)}, Bhopal`
      : null;
    const station = pick(POLICE_STATIONS);
    return {
      name: write(full, script, caps),
      relative,
      relation,
      birth,
      address,
      firRef: `${String(1 + (serial % 999)).padStart(3, '0')}/${2005 + (serial % 20)}`,
      policeStation: station,
      sections: pick(SECTIONS),
    };
  };
}
