import { applicationBody, createApplication, driveTo, istAt, protestActors, ProtestActors, ProtestView, seedVenues, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface ListItem {
  id: string;
  ref: string;
  flags: { clash: boolean };
}
interface ShownClash {
  source: string;
  ref: string | null;
  detailsWithheld: boolean;
}

/**
 * The list's clash flag and filter say what the record view says, for every reader: the same
 * clash sources (other protests and VIP movement), each showing a user only what it shows them
 * on the record, and only for an event still in play.
 */
describe('The protest list’s clash filter agrees with the record view (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let readers: Array<[string, string]>;
  let nearVip: ProtestView;
  let programme: { id: string; ref: string; version: number };

  const list = async (token: string, query = ''): Promise<{ total: number; items: ListItem[] }> =>
    (await t.http.get(`/api/v1/protests?limit=500${query}`).auth(token, { type: 'bearer' }).expect(200)).body;

  /** Every row's flag against its record, and the filter both ways against the records: the refs flagged. */
  async function agreement(who: string, token: string): Promise<string[]> {
    const all = await list(token);
    const records = await Promise.all(all.items.map((i) => view(t, token, i.id)));
    for (const [i, item] of all.items.entries()) {
      const record = records[i]!;
      const shown = (record.clashes as ShownClash[]).length > 0;
      expect({ who, ref: item.ref, list: item.flags.clash, record: record.flags.clash }).toEqual({ who, ref: item.ref, list: shown, record: shown });
    }
    const flagged = records.filter((r) => r.flags.clash).map((r) => r.ref).sort();
    const withClash = await list(token, '&clash=true');
    const without = await list(token, '&clash=false');
    expect({ who, total: withClash.total, refs: withClash.items.map((i) => i.ref).sort() }).toEqual({ who, total: flagged.length, refs: flagged });
    expect({ who, total: without.total }).toEqual({ who, total: all.total - flagged.length });
    return flagged;
  }

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    const venues = await seedVenues(t, a.admin);
    expect(venues.BOARD_OFFICE_SQUARE!.thanaCode).toBe('MP_NAGAR');
    expect(venues.AMBEDKAR_PARK!.thanaCode).toBe('TT_NAGAR');
    readers = [
      ['control room', a.control],
      ['approver', a.approver],
      ['admin', a.admin],
      ['auditor', a.auditor],
      ...['MP_NAGAR', 'TT_NAGAR', 'KAMLA_NAGAR', 'ACP_TT_NAGAR'].map((u) => [`officer ${u}`, a.officer[u]!] as [string, string]),
    ];

    // Four days ahead at Board Office Square (MP Nagar thana), in nothing's way but a VIP leg.
    nearVip = await createApplication(t, a, applicationBody({ event: { venueCode: 'BOARD_OFFICE_SQUARE', startsAt: istAt(4, '11:00'), endsAt: istAt(4, '14:00') } }));
    // Five days ahead, two dharnas at Ambedkar Park (TT Nagar) at once: a clash of protests.
    for (let i = 0; i < 2; i++) await createApplication(t, a, applicationBody({ event: { startsAt: istAt(5, '11:00'), endsAt: istAt(5, '14:00') } }));
    // Six days ahead at Neelam Park: nothing near.
    await createApplication(t, a, applicationBody({ event: { venueCode: 'NEELAM_PARK', startsAt: istAt(6, '11:00'), endsAt: istAt(6, '14:00') } }));

    const protectee = (
      await t.http
        .post('/api/v1/protectees')
        .auth(a.control, { type: 'bearer' })
        .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor of Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', listRank: 2 })
        .expect(201)
    ).body;
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(a.control, { type: 'bearer' })
      .send({
        protecteeId: protectee.id,
        title: 'राज्यपाल का भ्रमण / Governor visit',
        legs: [
          {
            start: istAt(4, '12:00'),
            end: istAt(4, '12:30'),
            from: { name: 'Vallabh Bhawan', lat: 23.2375, lng: 77.419 },
            to: { name: 'Board Office Square', lat: 23.2333, lng: 77.433 },
            mode: 'ROAD_CONVOY',
            route: [],
            activity: 'TRANSIT',
          },
        ],
      })
      .expect(201);
    programme = created.body;
  });
  afterAll(() => t.close());

  it('lists a protest whose only clash is a VIP leg under the filter for every reader who may open it, as its record shows it', async () => {
    const flaggedBy = new Map<string, string[]>();
    for (const [who, token] of readers) flaggedBy.set(who, await agreement(who, token));

    // The desk and the approver: the protest, with the programme named on the record.
    for (const who of ['control room', 'approver']) expect(flaggedBy.get(who)).toContain(nearVip.ref);
    const desk = (await view(t, a.control, nearVip.id)).clashes as ShownClash[];
    expect(desk.map((c) => [c.source, c.ref, c.detailsWithheld])).toEqual([['vip-programme', programme.ref, false]]);

    // The thana's own officer: flagged, as its record flags it, with the programme withheld there and absent from the list.
    expect(flaggedBy.get('officer MP_NAGAR')).toEqual([nearVip.ref]);
    const thana = (await view(t, a.officer.MP_NAGAR!, nearVip.id)).clashes as ShownClash[];
    expect(thana.map((c) => [c.source, c.ref, c.detailsWithheld])).toEqual([['vip-programme', null, true]]);
    const thanaList = JSON.stringify(await list(a.officer.MP_NAGAR!, '&clash=true'));
    expect(thanaList).not.toContain(programme.ref);
    expect(thanaList).not.toContain(programme.id);

    // Officers of other thanas learn nothing of it, through the filter or otherwise.
    for (const who of ['officer TT_NAGAR', 'officer KAMLA_NAGAR', 'officer ACP_TT_NAGAR']) expect(flaggedBy.get(who)).not.toContain(nearVip.ref);
    for (const unit of ['TT_NAGAR', 'KAMLA_NAGAR']) {
      expect((await list(a.officer[unit]!, '&clash=true')).items.map((i) => i.ref)).not.toContain(nearVip.ref);
      await t.http.get(`/api/v1/protests/${nearVip.id}`).auth(a.officer[unit]!, { type: 'bearer' }).expect(404);
    }

    // The two dharnas at Ambedkar Park flag each other for TT Nagar and its circle, not for Kamla Nagar.
    expect(flaggedBy.get('officer TT_NAGAR')).toHaveLength(2);
    expect(flaggedBy.get('officer ACP_TT_NAGAR')).toHaveLength(2);
    expect(flaggedBy.get('officer KAMLA_NAGAR')).toEqual([]);
    expect(flaggedBy.get('control room')).toHaveLength(3);
  });

  it('drops the flag from list and record alike once the VIP programme is cancelled, and once a clashing protest is refused', async () => {
    await t.http
      .post(`/api/v1/vip-programmes/${programme.id}/cancel`)
      .auth(a.control, { type: 'bearer' })
      .send({ reason: 'Visit called off.' })
      .expect(200);
    const dharnas = (await list(a.control, '&clash=true')).items;
    expect(dharnas.map((i) => i.ref)).not.toContain(nearVip.ref);
    expect(dharnas).toHaveLength(2);

    // One of the two dharnas refused: neither stands in the other's way any more.
    await driveTo(t, a, 'REJECTED', await view(t, a.control, dharnas[0]!.id));
    for (const [who, token] of readers) expect({ who, flagged: await agreement(who, token) }).toEqual({ who, flagged: [] });
  });
});
