import {
  applicationBody,
  createApplication,
  driveTo,
  istAt,
  protestActors,
  ProtestActors,
  ProtestView,
  seedVenues,
  view,
} from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface ShownClash {
  source: string;
  id: string | null;
  ref: string | null;
  status: string | null;
  startsAt: string;
  endsAt: string;
  distanceMetres: number | null;
  detailsWithheld: boolean;
  title: string;
}

const clashesOf = (v: ProtestView) => v.clashes as ShownClash[];

/**
 * Clashes tell a user no more than the records themselves would: a thana user does not learn of
 * another thana's protest through a clash, and outside the VIP desk and the approver a VIP
 * movement is only "a VIP movement restricts this place in this hour".
 */
describe('Clashes as each user may see them (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let ttProtest: ProtestView;
  let knProtest: ProtestView;
  let programmeRef: string;

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    // A dharna at Ambedkar Park (TT Nagar thana), and a rally of Kamla Nagar thana passing it,
    // both three days ahead, 11:00–14:00.
    ttProtest = await createApplication(t, a);
    knProtest = await createApplication(
      t,
      a,
      applicationBody({
        event: {
          type: 'RALLY',
          venueCode: undefined,
          route: {
            thanaCode: 'KAMLA_NAGAR',
            points: [
              { name: 'Tulsi Nagar', lat: 23.2336, lng: 77.4068 },
              { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 },
            ],
          },
        },
      }),
    );
    expect(knProtest.thana.code).toBe('KAMLA_NAGAR');
    expect(ttProtest.thana.code).toBe('TT_NAGAR');
  });
  afterAll(() => t.close());

  it("keeps another thana's protest out of a thana user's clashes and list flag; the control room and the ACP circle see it", async () => {
    // Today the Kamla Nagar officer gets 404 for the TT Nagar protest itself...
    await t.http.get(`/api/v1/protests/${ttProtest.id}`).auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(404);
    // ...and so learns nothing of it through their own protest's clashes.
    const seenByThana = await view(t, a.officer.KAMLA_NAGAR!, knProtest.id);
    expect(clashesOf(seenByThana)).toEqual([]);
    expect(seenByThana.flags.clash).toBe(false);
    expect(JSON.stringify(seenByThana)).not.toContain(ttProtest.ref);
    // Nor through the list's clash flag and filter.
    const list = (await t.http.get('/api/v1/protests?clash=true').auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(200)).body;
    expect(list.items.map((i: { ref: string }) => i.ref)).not.toContain(knProtest.ref);
    const all = (await t.http.get('/api/v1/protests').auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(200)).body;
    expect(all.items.find((i: { ref: string }) => i.ref === knProtest.ref).flags.clash).toBe(false);

    // The ACP circle over both thanas, and the control room, see the clash.
    for (const token of [a.officer.ACP_TT_NAGAR!, a.control, a.approver]) {
      const seen = await view(t, token, knProtest.id);
      expect(clashesOf(seen).map((c) => c.ref)).toEqual([ttProtest.ref]);
      expect(clashesOf(seen)[0]).toMatchObject({ source: 'protest', detailsWithheld: false, id: ttProtest.id });
      expect(seen.flags.clash).toBe(true);
      const flagged = (await t.http.get('/api/v1/protests?clash=true').auth(token, { type: 'bearer' }).expect(200)).body;
      expect(flagged.items.map((i: { ref: string }) => i.ref)).toContain(knProtest.ref);
    }
  });

  it('shows a VIP movement in full to the VIP desk and the approver only; others learn only that it restricts the place in that hour', async () => {
    const protectee = (
      await t.http
        .post('/api/v1/protectees')
        .auth(a.control, { type: 'bearer' })
        .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor of Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', listRank: 2 })
        .expect(201)
    ).body;
    // Two legs past Tulsi Nagar in the same hour: one line for the hour, not two.
    const leg = (start: string, end: string, from: object, to: object) => ({ start, end, from, to, mode: 'ROAD_CONVOY', route: [{ name: 'Tulsi Nagar', lat: 23.2336, lng: 77.4068 }], activity: 'TRANSIT' });
    const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
    const boardOffice = { name: 'Board Office Square', lat: 23.2333, lng: 77.433 };
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(a.control, { type: 'bearer' })
      .send({ protecteeId: protectee.id, title: 'राज्यपाल का भ्रमण / Governor visit', legs: [leg(istAt(3, '12:10'), istAt(3, '12:25'), newMarket, boardOffice), leg(istAt(3, '12:35'), istAt(3, '12:50'), boardOffice, newMarket)] })
      .expect(201);
    programmeRef = created.body.ref;

    // The desk and the approver: which programme, when, how near.
    for (const token of [a.control, a.approver]) {
      const vip = clashesOf(await view(t, token, knProtest.id)).filter((c) => c.source === 'vip-programme');
      expect(vip).toHaveLength(2);
      expect(vip.every((c) => c.ref === programmeRef && !c.detailsWithheld && c.distanceMetres !== null)).toBe(true);
    }

    // Everyone else who may read the protest: the hour, and nothing that leads to the programme.
    for (const token of [a.officer.KAMLA_NAGAR!, a.officer.ACP_TT_NAGAR!, a.admin, a.auditor]) {
      const seen = await view(t, token, knProtest.id);
      const vip = clashesOf(seen).filter((c) => c.source === 'vip-programme');
      expect(vip).toEqual([
        {
          source: 'vip-programme',
          kind: 'NEARBY',
          id: null,
          ref: null,
          title: expect.stringContaining('A VIP movement restricts this place in this hour'),
          status: null,
          startsAt: new Date(istAt(3, '12:00')).toISOString(),
          endsAt: new Date(istAt(3, '13:00')).toISOString(),
          distanceMetres: null,
          detailsWithheld: true,
        },
      ]);
      const text = JSON.stringify(seen);
      expect(text).not.toContain(programmeRef);
      expect(text).not.toContain(created.body.id);
      expect(text).not.toContain('Governor');
      expect(text).not.toContain(new Date(istAt(3, '12:10')).toISOString());
    }
    // Nobody outside the desk may open the programme itself.
    await t.http.get(`/api/v1/vip-programmes/${created.body.id}`).auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(404);
  });

  it('shows the clashes kept with a decision, and the workflow answers, as the reader may see them', async () => {
    const decided = await driveTo(t, a, 'APPROVED', knProtest);
    const kept = (await view(t, a.approver, decided.id)).decision as { clashesAtDecision: ShownClash[] };
    expect(kept.clashesAtDecision.map((c) => c.ref)).toEqual(expect.arrayContaining([ttProtest.ref, programmeRef]));

    const thana = (await view(t, a.officer.KAMLA_NAGAR!, decided.id)).decision as { clashesAtDecision: ShownClash[] };
    expect(thana.clashesAtDecision.map((c) => [c.source, c.ref, c.detailsWithheld])).toEqual([['vip-programme', null, true]]);
    expect(JSON.stringify(thana)).not.toContain(ttProtest.ref);

    // An ADMIN reads every protest, but not the VIP programme: withheld there too.
    const admin = (await view(t, a.admin, decided.id)).decision as { clashesAtDecision: ShownClash[] };
    expect(admin.clashesAtDecision.find((c) => c.source === 'vip-programme')).toMatchObject({ ref: null, detailsWithheld: true });
    expect(admin.clashesAtDecision.find((c) => c.source === 'protest')).toMatchObject({ ref: ttProtest.ref });

    // The approver's own workflow answer carries the decision's clashes in full.
    const revoked = await t.http
      .post(`/api/v1/protests/${decided.id}/revoke`)
      .auth(a.approver, { type: 'bearer' })
      .send({ version: decided.version, reason: 'VIP movement on the route during the event.' })
      .expect(200);
    expect(revoked.body.decision.clashesAtDecision.map((c: ShownClash) => c.ref)).toEqual(expect.arrayContaining([ttProtest.ref, programmeRef]));
  });
});
