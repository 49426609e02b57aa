import { withClient } from './support/databases';
import { holdingEoffice, HoldingEoffice } from './support/holding-eoffice';
import { istAt } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

type Body = Record<string, unknown>;
type Ack = { unit: { code: string }; sentCount: number; acknowledgedAt: string | null; acknowledgedBy: Body | null };

const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const roshanpura = { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 };
const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const boardOffice = { name: 'Board Office Square', lat: 23.2333, lng: 77.433 };
const mpNagar = { name: 'MP Nagar Zone-1', lat: 23.2325, lng: 77.4285 };
const legA = { start: istAt(8, '10:00'), end: istAt(8, '10:40'), from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [roshanpura], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };
const legB = { start: istAt(8, '11:00'), end: istAt(8, '12:00'), from: boardOffice, to: mpNagar, mode: 'ROAD_CONVOY', route: [], venue: 'MP Nagar', activity: 'INAUGURATION' };

/**
 * Every action on a VIP programme answers with the record view: exactly what a GET of the
 * programme (or of the revision acted on) gives the same user right after, need-to-know
 * included, and people and units by name.
 */
describe('VIP programme answers and the people and units on a programme (e2e)', () => {
  let eoffice: HoldingEoffice;
  let t: TestApp;
  let desk: string;
  let ttOfficer: string;
  let schemas: Record<string, { properties: Record<string, unknown> }>;

  const get = async (token: string, path: string) => (await t.http.get(`/api/v1/vip-programmes/${path}`).auth(token, { type: 'bearer' }).expect(200)).body as Body;
  const fields = (name: string) => Object.keys(schemas[name]!.properties).sort();

  /** Posts an action and checks its answer against the GET of `getPath` by the same user. */
  async function act(token: string, path: string, body: object, status: number, getPath: (answer: Body) => string): Promise<Body> {
    const res = await t.http.post(`/api/v1/vip-programmes${path}`).auth(token, { type: 'bearer' }).send(body);
    expect({ path, status: res.status }).toEqual({ path, status });
    expect(res.body).toEqual(await get(token, getPath(res.body)));
    // Nothing beyond the documented view: not the stored legs' points, not the units' ids alone.
    for (const key of Object.keys(res.body)) expect({ path, key, documented: fields('ProgrammeReadView').includes(key) }).toEqual({ path, key, documented: true });
    expect(Object.keys(res.body.revision as Body).sort()).toEqual(fields('RevisionReadView'));
    return res.body;
  }

  beforeAll(async () => {
    eoffice = await holdingEoffice();
    t = await bootTestApp(eoffice.env);
    schemas = (await t.http.get('/api/docs-json').expect(200)).body.components.schemas;
    desk = await t.tokenFor(['CONTROL_ROOM']);
    ttOfficer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    await t.tokenFor(['OFFICER'], 'MP_NAGAR');
    await withClient(t.databaseUrl, async (c) => {
      await c.query(`UPDATE app_user SET display_name_en = 'Meena Rao', display_name_hi = 'मीना राव', rank = 'Inspector' WHERE username = 't_control_room_bpl'`);
      await c.query(`UPDATE app_user SET display_name_en = 'Suresh Yadav', display_name_hi = 'सुरेश यादव', rank = 'उ.नि.' WHERE username = 't_officer_tt_nagar'`);
    });
  });
  afterAll(async () => {
    await eoffice.close();
    await t.close();
  });

  it('answers issue, revise, acknowledge, resend and cancel each with the record view GET gives that user right after', async () => {
    const protectee = (
      await t.http
        .post('/api/v1/protectees')
        .auth(desk, { type: 'bearer' })
        .send({ nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, Madhya Pradesh', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', listRank: 1 })
        .expect(201)
    ).body;
    const created = await act(desk, '', { protecteeId: protectee.id, title: 'मुख्यमंत्री का भ्रमण / CM visit', legs: [legA, legB] }, 201, (b) => String(b.id));
    const id = String(created.id);
    expect(created).toMatchObject({ status: 'ISSUED', currentRevision: 1, eofficeStatus: 'PENDING_SYNC', clashes: [], revokedProtests: [] });
    expect(created.revision).toMatchObject({ revisionNo: 1, isCurrent: true, documentId: expect.any(String), eofficeStatus: 'PENDING_SYNC' });

    const legs = (created.revision as { legs: Body[] }).legs.map(({ units: _units, ...l }) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null)));
    const revised = await act(desk, `/${id}/revisions`, { revision: 1, legs: [{ ...legs[0], end: istAt(8, '10:50') }, legs[1]], reason: 'Later start' }, 201, () => id);
    expect(revised).toMatchObject({ currentRevision: 2, revision: { revisionNo: 2, reason: 'Later start' } });
    expect((revised.revisions as Body[]).map((r) => [r.revisionNo, r.isCurrent])).toEqual([[1, false], [2, true]]);

    // A unit acknowledges: its own view of the revision, with its own row of the distribution only.
    const acked = await act(ttOfficer, `/${id}/revisions/2/acknowledge`, {}, 200, () => `${id}/revisions/2`);
    const own = (acked.revision as { distribution: Ack[] }).distribution;
    expect(own.map((a) => [a.unit.code, a.acknowledgedBy?.username ?? null])).toEqual([['TT_NAGAR', 't_officer_tt_nagar']]);
    for (const deskOnly of ['clashes', 'revisions', 'revokedProtests', 'cancellation']) expect(acked).not.toHaveProperty(deskOnly);

    const resent = await act(desk, `/${id}/revisions/2/resend`, {}, 200, () => `${id}/revisions/2`);
    expect((resent.revision as { distribution: Ack[] }).distribution.map((a) => [a.unit.code, a.sentCount, a.acknowledgedAt === null])).toEqual([
      ['MP_NAGAR', 2, true],
      ['TT_NAGAR', 1, false],
    ]);

    const cancelled = await act(desk, `/${id}/cancel`, { reason: 'Visit called off.' }, 200, () => id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Visit called off.', cancellation: { eofficeStatus: 'PENDING_SYNC' } });
  });

  it('names who issued the programme and each revision, who acknowledged, and the units of legs and distribution', async () => {
    const protectee = (
      await t.http
        .post('/api/v1/protectees')
        .auth(desk, { type: 'bearer' })
        .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor of Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', listRank: 2 })
        .expect(201)
    ).body;
    const id = (await t.http.post('/api/v1/vip-programmes').auth(desk, { type: 'bearer' }).send({ protecteeId: protectee.id, title: 'राज्यपाल का भ्रमण / Governor visit', legs: [legA, legB] }).expect(201)).body.id;
    await t.http.post(`/api/v1/vip-programmes/${id}/revisions/1/acknowledge`).auth(ttOfficer, { type: 'bearer' }).expect(200);

    const deskOfficer = {
      id: expect.any(String),
      username: 't_control_room_bpl',
      nameEn: 'Meena Rao',
      nameHi: 'मीना राव',
      rank: { code: 'INSPECTOR', en: 'Inspector', hi: 'निरीक्षक' },
      unit: { id: expect.any(String), code: 'BPL', nameEn: 'Police Commissionerate, Bhopal', nameHi: 'पुलिस आयुक्त कार्यालय, भोपाल' },
    };
    const tt = { id: expect.any(String), code: 'TT_NAGAR', nameEn: 'TT Nagar', nameHi: 'टीटी नगर' };
    const mp = { id: expect.any(String), code: 'MP_NAGAR', nameEn: 'MP Nagar', nameHi: 'एमपी नगर' };
    const thanaOfficer = { ...deskOfficer, username: 't_officer_tt_nagar', nameEn: 'Suresh Yadav', nameHi: 'सुरेश यादव', rank: { code: 'SI', en: 'Sub-Inspector', hi: 'उप निरीक्षक' }, unit: tt };

    const whole = await get(desk, id);
    expect(whole.createdBy).toEqual(deskOfficer);
    const revision = whole.revision as { issuedBy: Body; legs: Array<{ units: Body[] }>; distribution: Ack[] };
    expect(revision.issuedBy).toEqual(deskOfficer);
    expect(revision.legs.map((l) => l.units)).toEqual([[tt], [mp]]);
    // The distribution by name: still to acknowledge first.
    expect(revision.distribution).toEqual([
      { unit: mp, sentCount: 1, lastSentAt: expect.any(String), acknowledgedAt: null, acknowledgedBy: null },
      { unit: tt, sentCount: 1, lastSentAt: expect.any(String), acknowledgedAt: expect.any(String), acknowledgedBy: thanaOfficer },
    ]);
    expect((whole.revisions as Body[]).map((r) => r.issuedBy)).toEqual([deskOfficer]);
    // The acknowledgements route says the same.
    const acks = (await t.http.get(`/api/v1/vip-programmes/${id}/revisions/1/acknowledgements`).auth(desk, { type: 'bearer' }).expect(200)).body;
    expect(acks).toEqual(revision.distribution);

    // A unit reads its own legs' units and its own distribution row, by name too.
    const seen = (await get(ttOfficer, id)).revision as { legs: Array<{ units: Body[] }>; distribution: Ack[] };
    expect(seen.legs.map((l) => l.units)).toEqual([[tt]]);
    expect(seen.distribution.map((a) => a.unit)).toEqual([tt]);
  });
});
