import { formatIstDateTime, formatIstTime } from '../../platform/time';
import { ACTIVITY_LABELS, Leg, MODE_LABELS } from './leg';

export type LegChangeKind = 'LEG_ADDED' | 'LEG_REMOVED' | 'TIME_CHANGED' | 'ROUTE_CHANGED' | 'PLACE_CHANGED' | 'MODE_CHANGED' | 'VENUE_CHANGED' | 'ACTIVITY_CHANGED' | 'REMARKS_CHANGED';

/** One human-readable change between revision N and N+1, in both languages. */
export interface LegChange {
  kind: LegChangeKind;
  legKey: string;
  en: string;
  hi: string;
}

const legName = (l: Leg) => `${l.from.name} → ${l.to.name}`;
const when = (l: Leg) => `${formatIstDateTime(new Date(l.start))}–${formatIstTime(new Date(l.end))}`;
const routeText = (l: Leg) => (l.route.length ? l.route.map((p) => p.name).join(' → ') : '—');
const samePlace = (a: { lat: number; lng: number; name: string }, b: { lat: number; lng: number; name: string }) =>
  a.name === b.name && a.lat === b.lat && a.lng === b.lng;

/**
 * What changed from one revision's legs to the next, leg by leg (matched by key), in the
 * order of the new programme. This text is shown in the app and printed on the revision's
 * PDF as "changes since revision N".
 */
export function diffLegs(previous: Leg[], next: Leg[]): LegChange[] {
  const changes: LegChange[] = [];
  const before = new Map(previous.map((l) => [l.key, l]));
  const afterKeys = new Set(next.map((l) => l.key));
  for (const leg of previous) {
    if (!afterKeys.has(leg.key)) {
      changes.push({ kind: 'LEG_REMOVED', legKey: leg.key, en: `Leg removed: ${legName(leg)} (${when(leg)})`, hi: `चरण हटाया गया: ${legName(leg)} (${when(leg)})` });
    }
  }
  for (const leg of next) {
    const old = before.get(leg.key);
    if (!old) {
      changes.push({ kind: 'LEG_ADDED', legKey: leg.key, en: `Leg added: ${legName(leg)} (${when(leg)})`, hi: `नया चरण जोड़ा गया: ${legName(leg)} (${when(leg)})` });
      continue;
    }
    const name = legName(leg);
    if (old.start !== leg.start || old.end !== leg.end) {
      changes.push({ kind: 'TIME_CHANGED', legKey: leg.key, en: `${name}: time changed from ${when(old)} to ${when(leg)}`, hi: `${name}: समय ${when(old)} से बदलकर ${when(leg)}` });
    }
    if (!samePlace(old.from, leg.from) || !samePlace(old.to, leg.to)) {
      changes.push({ kind: 'PLACE_CHANGED', legKey: leg.key, en: `Leg changed from ${legName(old)} to ${name}`, hi: `चरण ${legName(old)} से बदलकर ${name}` });
    }
    if (old.route.length !== leg.route.length || old.route.some((p, i) => !samePlace(p, leg.route[i]!))) {
      changes.push({ kind: 'ROUTE_CHANGED', legKey: leg.key, en: `${name}: route changed from ${routeText(old)} to ${routeText(leg)}`, hi: `${name}: मार्ग ${routeText(old)} से बदलकर ${routeText(leg)}` });
    }
    if (old.mode !== leg.mode || (old.registration ?? null) !== (leg.registration ?? null)) {
      const m = (l: Leg) => `${MODE_LABELS[l.mode].en}${l.registration ? ` ${l.registration}` : ''}`;
      const mh = (l: Leg) => `${MODE_LABELS[l.mode].hi}${l.registration ? ` ${l.registration}` : ''}`;
      changes.push({ kind: 'MODE_CHANGED', legKey: leg.key, en: `${name}: mode changed from ${m(old)} to ${m(leg)}`, hi: `${name}: साधन ${mh(old)} से बदलकर ${mh(leg)}` });
    }
    if ((old.venue ?? null) !== (leg.venue ?? null)) {
      changes.push({ kind: 'VENUE_CHANGED', legKey: leg.key, en: `${name}: venue changed from ${old.venue ?? '—'} to ${leg.venue ?? '—'}`, hi: `${name}: स्थल ${old.venue ?? '—'} से बदलकर ${leg.venue ?? '—'}` });
    }
    if (old.activity !== leg.activity) {
      changes.push({ kind: 'ACTIVITY_CHANGED', legKey: leg.key, en: `${name}: activity changed from ${ACTIVITY_LABELS[old.activity].en} to ${ACTIVITY_LABELS[leg.activity].en}`, hi: `${name}: कार्यक्रम ${ACTIVITY_LABELS[old.activity].hi} से बदलकर ${ACTIVITY_LABELS[leg.activity].hi}` });
    }
    if ((old.remarks ?? '') !== (leg.remarks ?? '')) {
      changes.push({ kind: 'REMARKS_CHANGED', legKey: leg.key, en: `${name}: remarks changed`, hi: `${name}: टिप्पणी बदली गई` });
    }
  }
  return changes;
}

/**
 * What changed, for records that travel beyond the VIP desk (the e-Office item's metadata,
 * the audit log): a leg's key and the names of its fields, never the places and times
 * themselves. The full text stays on the revision and its PDF, behind need-to-know.
 */
export interface LegChangeSummary {
  legKey: string;
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  /** For a changed leg, which of its fields changed. */
  fields: Array<keyof Omit<Leg, 'key'>>;
}

export function summariseChanges(previous: Leg[], next: Leg[]): LegChangeSummary[] {
  const summary: LegChangeSummary[] = [];
  const before = new Map(previous.map((l) => [l.key, l]));
  const afterKeys = new Set(next.map((l) => l.key));
  for (const leg of previous) if (!afterKeys.has(leg.key)) summary.push({ legKey: leg.key, kind: 'REMOVED', fields: [] });
  for (const leg of next) {
    const old = before.get(leg.key);
    if (!old) {
      summary.push({ legKey: leg.key, kind: 'ADDED', fields: [] });
      continue;
    }
    const fields: LegChangeSummary['fields'] = [];
    if (old.start !== leg.start) fields.push('start');
    if (old.end !== leg.end) fields.push('end');
    if (!samePlace(old.from, leg.from)) fields.push('from');
    if (!samePlace(old.to, leg.to)) fields.push('to');
    if (old.route.length !== leg.route.length || old.route.some((p, i) => !samePlace(p, leg.route[i]!))) fields.push('route');
    if (old.mode !== leg.mode) fields.push('mode');
    if ((old.registration ?? null) !== (leg.registration ?? null)) fields.push('registration');
    if ((old.venue ?? null) !== (leg.venue ?? null)) fields.push('venue');
    if (old.activity !== leg.activity) fields.push('activity');
    if ((old.remarks ?? '') !== (leg.remarks ?? '')) fields.push('remarks');
    if (fields.length) summary.push({ legKey: leg.key, kind: 'CHANGED', fields });
  }
  return summary;
}

/**
 * The changes one unit is told of (its view and its movement sheet): those of the legs that
 * concern it now, the removal of a leg it had, and for a leg that moved away from it only that
 * the leg no longer concerns the unit, in the words of the revision before (where the leg goes
 * now is not the unit's to know). A unit is never told "no changes" when it lost a leg.
 */
export function changesForUnits(
  previous: ReadonlyArray<Leg & { units: string[] }> | null,
  next: ReadonlyArray<Leg & { units: string[] }>,
  changes: readonly LegChange[],
  unitIds: ReadonlySet<string>,
): LegChange[] {
  const touches = (l: { units: string[] }) => l.units.some((u) => unitIds.has(u));
  const mine = new Set(next.filter(touches).map((l) => l.key));
  const hadBefore = (previous ?? []).filter(touches);
  const had = new Set(hadBefore.map((l) => l.key));
  const told = changes.filter((c) => mine.has(c.legKey) || (c.kind === 'LEG_REMOVED' && had.has(c.legKey)));
  const nextKeys = new Set(next.map((l) => l.key));
  for (const old of hadBefore) {
    if (!nextKeys.has(old.key) || mine.has(old.key)) continue;
    told.push({
      kind: 'LEG_REMOVED',
      legKey: old.key,
      en: `Leg no longer concerns your unit: ${legName(old)} (${when(old)})`,
      hi: `यह चरण अब आपकी इकाई से संबंधित नहीं: ${legName(old)} (${when(old)})`,
    });
  }
  return told;
}
