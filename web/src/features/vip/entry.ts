import { useQueryClient } from '@tanstack/react-query';
import type { DateTimeValue } from '../../components/DateTimeField';
import { istEntry, parseIstEntry } from '../../lib/time';
import type { CreateProgramme, LegActivity, LegInput, LegMode, Programme, ReviseProgramme } from './api';

/** A place as typed: its name and, from a click on the map or typed, its coordinates. */
export interface PlaceEntry {
  name: string;
  lat: string;
  lng: string;
}

export interface LegEntry {
  /** The leg's key in the revision being revised; none for a new leg. */
  key?: string;
  start: DateTimeValue;
  end: DateTimeValue;
  mode: LegMode;
  registration: string;
  activity: LegActivity;
  venue: string;
  remarks: string;
  from: PlaceEntry;
  to: PlaceEntry;
  route: PlaceEntry[];
}

/** The programme as the desk is typing it: kept as typed until it is issued (a refused send keeps all of it). */
export interface ProgrammeEntry {
  protecteeId: string;
  title: string;
  legs: LegEntry[];
  /** Units beyond those along the route (codes). */
  addUnits: string[];
  /** Why it is revised (a revision only). */
  reason: string;
}

const NO_PLACE: PlaceEntry = { name: '', lat: '', lng: '' };
const NO_TIME: DateTimeValue = { date: '', time: '' };

export function freshLeg(after?: LegEntry): LegEntry {
  // A new leg starts on the day the one before it ends, from where it arrived.
  const day = after?.end.date ?? '';
  return {
    start: { date: day, time: '' },
    end: { date: day, time: '' },
    mode: 'ROAD_CONVOY',
    registration: '',
    activity: 'TRANSIT',
    venue: '',
    remarks: '',
    from: after ? { ...after.to } : { ...NO_PLACE },
    to: { ...NO_PLACE },
    route: [],
  };
}

export function freshEntry(): ProgrammeEntry {
  return { protecteeId: '', title: '', legs: [{ ...freshLeg(), start: NO_TIME, end: NO_TIME }], addUnits: [], reason: '' };
}

const place = (p: { name: string; lat: number; lng: number }): PlaceEntry => ({ name: p.name, lat: String(p.lat), lng: String(p.lng) });

/** The current revision, ready to be revised: its legs keep their keys, so the diff tells "changed" from "removed and added". */
export function entryFromProgramme(p: Programme): ProgrammeEntry {
  return {
    protecteeId: p.protecteeId,
    title: p.title,
    addUnits: [],
    reason: '',
    legs: p.revision.legs.map((l) => ({
      key: l.key,
      start: istEntry(l.start),
      end: istEntry(l.end),
      mode: l.mode,
      registration: l.registration ?? '',
      activity: l.activity,
      venue: l.venue ?? '',
      remarks: l.remarks ?? '',
      from: place(l.from),
      to: place(l.to),
      route: l.route.map(place),
    })),
  };
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const placeBody = (p: PlaceEntry) => ({ name: p.name.trim(), lat: num(p.lat), lng: num(p.lng) });

/** The legs as the API takes them; a date or time that cannot be read is our own field error (`legs[0].start`). */
export function legsBody(entry: ProgrammeEntry): { legs: LegInput[]; unreadable: Set<string> } {
  const unreadable = new Set<string>();
  const when = (field: string, v: DateTimeValue) => {
    const iso = parseIstEntry(v.date, v.time);
    if (!iso) unreadable.add(field);
    return iso ?? '';
  };
  const legs = entry.legs.map(
    (l, i): LegInput => ({
      ...(l.key ? { key: l.key } : {}),
      start: when(`legs[${i}].start`, l.start),
      end: when(`legs[${i}].end`, l.end),
      mode: l.mode,
      registration: text(l.registration),
      activity: l.activity,
      venue: text(l.venue),
      remarks: text(l.remarks),
      from: placeBody(l.from),
      to: placeBody(l.to),
      route: l.route.map(placeBody),
    }),
  );
  return { legs, unreadable };
}

export function createBody(entry: ProgrammeEntry, legs: LegInput[]): CreateProgramme {
  return { protecteeId: entry.protecteeId, title: entry.title.trim(), legs, ...(entry.addUnits.length ? { addUnits: entry.addUnits } : {}) };
}

export function reviseBody(entry: ProgrammeEntry, legs: LegInput[], revision: number): ReviseProgramme {
  return { revision, legs, reason: text(entry.reason), ...(entry.addUnits.length ? { addUnits: entry.addUnits } : {}) };
}

/** The points a leg is drawn with, of those typed that can be read. */
export function legPoints(l: LegEntry): Array<{ name: string; lat: number; lng: number }> {
  return [l.from, ...l.route, l.to].map(placeBody).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
}

/** Six decimals: about 10 cm, as the API stores them. */
export const round6 = (x: number) => String(Math.round(x * 1e6) / 1e6);

const DRAFT = ['vip', 'draft'] as const;
/** The draft of a programme not issued yet (a revision's draft is keyed by the programme and its revision). */
export const NEW_DRAFT = 'new';

/**
 * The desk's draft of a programme (or of a revision of one), kept in this tab's memory until it
 * is issued or the session ends: movement details are never written to the browser's storage,
 * and nothing is sent to anyone until the desk issues it. The query cache holds it, so it goes
 * with the session (cleared at logout) like every other thing this user read.
 */
export function useDrafts() {
  const client = useQueryClient();
  client.setQueryDefaults(DRAFT, { gcTime: Infinity, staleTime: Infinity });
  return {
    get: (key: string) => client.getQueryData<ProgrammeEntry>([...DRAFT, key]),
    save: (key: string, entry: ProgrammeEntry) => client.setQueryData([...DRAFT, key], entry),
    discard: (key: string) => client.removeQueries({ queryKey: [...DRAFT, key], exact: true }),
  };
}
