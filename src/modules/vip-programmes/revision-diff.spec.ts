import { Leg } from './leg';
import { changesForUnits, diffLegs, summariseChanges } from './revision-diff';

const hangar = { name: 'State Hangar, Bhopal', lat: 23.2875, lng: 77.3374 };
const vidhanSabha = { name: 'Vidhan Sabha', lat: 23.2403, lng: 77.4135 };
const lalParade = { name: 'Lal Parade Ground', lat: 23.2609, lng: 77.4106 };
const roshanpura = { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 };

const leg = (over: Partial<Leg> = {}): Leg => ({
  key: 'L1',
  start: '2026-11-27T10:00:00+05:30',
  end: '2026-11-27T10:40:00+05:30',
  from: hangar,
  to: vidhanSabha,
  mode: 'ROAD_CONVOY',
  route: [roshanpura],
  venue: 'Vidhan Sabha main gate',
  activity: 'MEETING',
  remarks: null,
  ...over,
});

describe('diffLegs', () => {
  it('reports nothing when nothing changed', () => {
    expect(diffLegs([leg()], [leg()])).toEqual([]);
  });

  it('reports an added leg', () => {
    const added = leg({ key: 'L2', from: vidhanSabha, to: lalParade, start: '2026-11-27T11:00:00+05:30', end: '2026-11-27T12:00:00+05:30' });
    const changes = diffLegs([leg()], [leg(), added]);
    expect(changes).toEqual([expect.objectContaining({ kind: 'LEG_ADDED', legKey: 'L2', en: 'Leg added: Vidhan Sabha → Lal Parade Ground (27-11-2026 11:00–12:00)' })]);
    expect(changes[0]!.hi).toContain('नया चरण जोड़ा गया');
  });

  it('reports a removed leg', () => {
    const second = leg({ key: 'L2', from: vidhanSabha, to: lalParade });
    expect(diffLegs([leg(), second], [leg()])).toEqual([expect.objectContaining({ kind: 'LEG_REMOVED', legKey: 'L2' })]);
  });

  it('reports a time change from A to B', () => {
    const [change] = diffLegs([leg()], [leg({ start: '2026-11-27T10:30:00+05:30', end: '2026-11-27T11:10:00+05:30' })]);
    expect(change).toMatchObject({
      kind: 'TIME_CHANGED',
      en: 'State Hangar, Bhopal → Vidhan Sabha: time changed from 27-11-2026 10:00–10:40 to 27-11-2026 10:30–11:10',
    });
  });

  it('reports a route change with the old and new route', () => {
    const [change] = diffLegs([leg()], [leg({ route: [lalParade] })]);
    expect(change).toMatchObject({ kind: 'ROUTE_CHANGED' });
    expect(change!.en).toContain('from Roshanpura Square to Lal Parade Ground');
  });

  it('reports changes of place, mode, venue, activity and remarks', () => {
    const kinds = diffLegs(
      [leg()],
      [leg({ to: lalParade, mode: 'HELICOPTER', registration: 'VT-MPH', venue: 'Helipad', activity: 'PUBLIC_MEETING', remarks: 'CM to address' })],
    ).map((c) => c.kind);
    expect(kinds).toEqual(['PLACE_CHANGED', 'MODE_CHANGED', 'VENUE_CHANGED', 'ACTIVITY_CHANGED', 'REMARKS_CHANGED']);
  });

  it('keeps the order of the new programme, removals first', () => {
    const a = leg({ key: 'A' });
    const b = leg({ key: 'B', from: vidhanSabha, to: lalParade });
    const c = leg({ key: 'C', from: lalParade, to: hangar });
    expect(diffLegs([a, b], [a, c]).map((x) => `${x.kind}:${x.legKey}`)).toEqual(['LEG_REMOVED:B', 'LEG_ADDED:C']);
  });
});

describe('summariseChanges', () => {
  it('names legs by key and changes by field, with no place or time in it', () => {
    const moved = leg({ start: '2026-11-27T10:30:00+05:30', route: [], venue: 'Vidhan Sabha gate 2' });
    const added = leg({ key: 'L2', from: vidhanSabha, to: lalParade, start: '2026-11-27T11:00:00+05:30', end: '2026-11-27T12:00:00+05:30' });
    const gone = leg({ key: 'L0' });
    const summary = summariseChanges([gone, leg()], [moved, added]);
    expect(summary).toEqual([
      { legKey: 'L0', kind: 'REMOVED', fields: [] },
      { legKey: 'L1', kind: 'CHANGED', fields: ['start', 'route', 'venue'] },
      { legKey: 'L2', kind: 'ADDED', fields: [] },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/Vidhan|Roshanpura|Lal Parade|10:30|2026/);
  });

  it('changes for the same legs as diffLegs, and nothing when nothing changed', () => {
    expect(summariseChanges([leg()], [leg()])).toEqual([]);
    const next = [leg({ mode: 'HELICOPTER', registration: 'VT-MPG', remarks: 'by air' })];
    expect(summariseChanges([leg()], next)).toEqual([{ legKey: 'L1', kind: 'CHANGED', fields: ['mode', 'registration', 'remarks'] }]);
    expect(new Set(diffLegs([leg()], next).map((c) => c.legKey))).toEqual(new Set(['L1']));
  });
});

describe('changesForUnits', () => {
  const at = (l: Leg, units: string[]) => ({ ...l, units });
  const second = leg({ key: 'L2', from: vidhanSabha, to: lalParade, start: '2026-11-27T11:00:00+05:30', end: '2026-11-27T12:00:00+05:30' });

  it('tells a unit of the leg it lost, not "no changes"', () => {
    const before = [at(leg(), ['TT']), at(second, ['MP'])];
    const after = [at(second, ['MP'])];
    const told = changesForUnits(before, after, diffLegs(before, after), new Set(['TT']));
    expect(told.map((c) => [c.kind, c.legKey])).toEqual([['LEG_REMOVED', 'L1']]);
    // MP's own leg did not change: nothing for it.
    expect(changesForUnits(before, after, diffLegs(before, after), new Set(['MP']))).toEqual([]);
  });

  it('says only that a leg moved away no longer concerns the unit, not where it goes now', () => {
    const before = [at(leg(), ['TT'])];
    const moved = leg({ to: lalParade, route: [] });
    const after = [at(moved, ['SHAHJAHANABAD'])];
    const told = changesForUnits(before, after, diffLegs(before, after), new Set(['TT']));
    expect(told).toHaveLength(1);
    expect(told[0]!.en).toContain('no longer concerns your unit');
    expect(JSON.stringify(told)).not.toContain('Lal Parade');
    // The unit it moved to sees the change itself.
    expect(changesForUnits(before, after, diffLegs(before, after), new Set(['SHAHJAHANABAD'])).map((c) => c.kind)).toEqual(['PLACE_CHANGED', 'ROUTE_CHANGED']);
  });
});
