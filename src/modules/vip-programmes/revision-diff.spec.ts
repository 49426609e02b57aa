import { Leg } from './leg';
import { diffLegs } from './revision-diff';

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
