import { withClient } from './support/databases';
import { istAt } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/** The programme's day, ten days ahead: new legs may not be dated in the past. */
const at = (hhmm: string) => istAt(10, hhmm);
const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const kamlaPark = { name: 'Kamla Park', lat: 23.219, lng: 77.3915 };
const kamlaSquare = { name: 'Kamla Nagar Square', lat: 23.2185, lng: 77.392 };

const leg = { start: at('10:00'), end: at('10:40'), from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };

/** `POST /vip-programmes/:id/revisions/check`: the desk sees the diff a revision would send, before sending it. */
describe('VIP programme revisions checked before they are sent (e2e)', () => {
  let t: TestApp;
  let desk: string;
  let ttOfficer: string;
  let auditor: string;
  let id: string;
  let legKey: string;

  beforeAll(async () => {
    t = await bootTestApp();
    desk = await t.tokenFor(['CONTROL_ROOM']);
    ttOfficer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    auditor = await t.tokenFor(['AUDITOR']);
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, { type: 'bearer' })
      .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor, Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', listRank: 2 })
      .expect(201);
    const created = await t.http.post('/api/v1/vip-programmes').auth(desk, { type: 'bearer' }).send({ protecteeId: protectee.body.id, title: 'राज्यपाल का भ्रमण / Governor visit', legs: [leg] }).expect(201);
    id = created.body.id;
    legKey = created.body.revision.legs[0].key;
  });
  afterAll(() => t.close());

  const check = (token: string, body: object) => t.http.post(`/api/v1/vip-programmes/${id}/revisions/check`).auth(token, { type: 'bearer' }).send(body);
  const moved = () => ({ revision: 1, legs: [{ ...leg, key: legKey, start: at('10:30'), end: at('11:10'), from: kamlaSquare, to: kamlaPark, venue: 'Kamla Park' }] });

  it('answers the changes as revision 2 would print them, and the units it would add and drop, writing nothing', async () => {
    const counts = () =>
      withClient(t.databaseUrl, async (c) => ({
        revisions: (await c.query(`SELECT count(*)::int AS n FROM vip_programme_revision WHERE programme_id = $1`, [id])).rows[0].n,
        sms: (await c.query(`SELECT count(*)::int AS n FROM notification WHERE source_id = $1`, [id])).rows[0].n,
        outbox: (await c.query(`SELECT count(*)::int AS n FROM eoffice_outbox WHERE source_id = $1`, [id])).rows[0].n,
      }));
    const before = await counts();
    const res = await check(desk, moved()).expect(200);
    expect(res.body.basedOn).toBe(1);
    expect(res.body.revisionNo).toBe(2);
    expect(res.body.changes.map((c: { kind: string }) => c.kind)).toEqual(['TIME_CHANGED', 'PLACE_CHANGED', 'VENUE_CHANGED']);
    expect(res.body.changes[0].en).toContain('time changed from');
    expect(res.body.changes[0].hi).toContain('समय');
    expect(res.body.unitsAdded.map((u: { code: string }) => u.code)).toEqual(['KAMLA_NAGAR']);
    expect(res.body.unitsDropped.map((u: { code: string }) => u.code)).toEqual(['TT_NAGAR']);
    expect(await counts()).toEqual(before);
    const programme = await t.http.get(`/api/v1/vip-programmes/${id}`).auth(desk, { type: 'bearer' }).expect(200);
    expect(programme.body.currentRevision).toBe(1);
    // Sent as checked, the revision carries exactly those changes.
    const sent = await t.http.post(`/api/v1/vip-programmes/${id}/revisions`).auth(desk, { type: 'bearer' }).send(moved()).expect(201);
    expect(sent.body.revision.changes).toEqual(res.body.changes);
  });

  it('refuses what the revision would refuse: a bad field by name, a stale revision with 409, a unit user with 403', async () => {
    const bad = await check(desk, { revision: 2, legs: [{ ...leg, key: legKey, end: at('09:00') }] }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('legs[0].end');
    const unknownKey = await check(desk, { revision: 2, legs: [{ ...leg, key: 'Lnope' }] }).expect(400);
    expect(unknownKey.body.fields.map((f: { field: string }) => f.field)).toContain('legs[0].key');
    const stale = await check(desk, { revision: 1, legs: [leg] }).expect(409);
    expect(stale.body.currentRevision).toBe(2);
    await check(ttOfficer, { revision: 2, legs: [leg] }).expect(403);
    await t.http.post(`/api/v1/vip-programmes/00000000-0000-4000-8000-000000000000/revisions/check`).auth(desk, { type: 'bearer' }).send({ revision: 1, legs: [leg] }).expect(404);
  });

  it('puts each check in the access log, and answers 404 for the access log of no programme', async () => {
    const log = await t.http.get(`/api/v1/vip-programmes/${id}/access-log`).auth(auditor, { type: 'bearer' }).expect(200);
    const checks = log.body.filter((e: { action: string }) => e.action === 'vip.revision_checked');
    expect(checks.map((e: { username: string; revision: number }) => [e.username, e.revision])).toEqual([['t_control_room_bpl', 1]]);
    await t.http.get(`/api/v1/vip-programmes/00000000-0000-4000-8000-000000000000/access-log`).auth(auditor, { type: 'bearer' }).expect(404);
  });
});
