import { APP_CONFIG, AppConfig } from '../src/config/config';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { waitFor, withClient } from './support/databases';
import { fastEofficeEnv } from './support/eoffice';
import { istAt } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/** The programme's day, ten days ahead: new legs may not be dated in the past. */
const at = (hhmm: string) => istAt(10, hhmm);
const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const roshanpura = { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 };
const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const boardOffice = { name: 'Board Office Square', lat: 23.2333, lng: 77.433 };
const mpNagar = { name: 'MP Nagar Zone-1', lat: 23.2325, lng: 77.4285 };

const legA = { start: at('10:00'), end: at('10:40'), from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [roshanpura], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };
const legB = { start: at('11:00'), end: at('12:00'), from: boardOffice, to: mpNagar, mode: 'ROAD_CONVOY', route: [], venue: 'MP Nagar', activity: 'INAUGURATION' };

describe('VIP programmes (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let desk: string;
  let ttOfficer: string;
  let mpOfficer: string;
  let kamlaOfficer: string;
  let auditor: string;
  let programmeId: string;

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0, mode: { mode: 'down' } });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    desk = await t.tokenFor(['CONTROL_ROOM']);
    ttOfficer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    mpOfficer = await t.tokenFor(['OFFICER'], 'MP_NAGAR');
    kamlaOfficer = await t.tokenFor(['OFFICER'], 'KAMLA_NAGAR');
    auditor = await t.tokenFor(['AUDITOR']);
    await withClient(t.databaseUrl, (c) => c.query(`UPDATE app_user SET mobile = '9826012345' WHERE username = 't_officer_tt_nagar'`));
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, { type: 'bearer' })
      .send({ nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, Madhya Pradesh', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', callSign: 'SHAKTI-1', listRank: 1 })
      .expect(201);
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(desk, { type: 'bearer' })
      .send({ protecteeId: protectee.body.id, title: 'मुख्यमंत्री का भोपाल भ्रमण / CM visit to Bhopal', legs: [legA, legB] })
      .expect(201);
    programmeId = created.body.id;
    expect(created.body.ref).toMatch(/^VIP\/\d{4}\/\d{6}$/);
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  const view = (token: string, rev?: number) =>
    t.http.get(`/api/v1/vip-programmes/${programmeId}${rev ? `/revisions/${rev}` : ''}`).auth(token, { type: 'bearer' });

  it('computes the units concerned from the route: TT Nagar and MP Nagar, not Kamla Nagar', async () => {
    const whole = (await view(desk).expect(200)).body;
    expect(whole.revision.legs).toHaveLength(2);
    const ack = await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledgements`).auth(desk, { type: 'bearer' }).expect(200);
    expect(ack.body.map((u: { unit: { code: string } }) => u.unit.code).sort()).toEqual(['MP_NAGAR', 'TT_NAGAR']);
  });

  it('shows a unit only its own legs, and hides the programme from an unconcerned thana (404)', async () => {
    const tt = (await view(ttOfficer).expect(200)).body;
    expect(tt.revision.legs.map((l: { to: { name: string } }) => l.to.name)).toEqual(['TT Nagar Stadium']);
    expect(tt.revision.documentId).toBeNull();
    await view(kamlaOfficer).expect(404);
    const list = await t.http.get('/api/v1/vip-programmes').auth(kamlaOfficer, { type: 'bearer' }).expect(200);
    expect(list.body).toEqual([]);
  });

  it('limits creating, revising and cancelling to the VIP desk', async () => {
    await t.http.post('/api/v1/vip-programmes').auth(ttOfficer, { type: 'bearer' }).send({}).expect(403);
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(ttOfficer, { type: 'bearer' }).send({}).expect(403);
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/cancel`).auth(auditor, { type: 'bearer' }).send({ reason: 'nope nope' }).expect(403);
    await view(auditor).expect(403);
  });

  it('resets acknowledgements for a new revision and re-sends only to units that have not acknowledged', async () => {
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledge`).auth(ttOfficer, { type: 'bearer' }).expect(200);
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledge`).auth(kamlaOfficer, { type: 'bearer' }).expect(404);
    const current = (await view(desk)).body;
    const legs2 = current.revision.legs.map((l: Record<string, unknown>) => ({ ...strip(l) }));
    legs2[0].start = at('10:30');
    legs2[0].end = at('10:55');
    const rev2 = await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(desk, { type: 'bearer' }).send({ revision: 1, legs: legs2, reason: 'CM arrives late' }).expect(201);
    expect(rev2.body.revision.changes.map((c: { kind: string }) => c.kind)).toEqual(['TIME_CHANGED']);

    // The old revision can no longer be acknowledged, and its acknowledgement does not count.
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledge`).auth(mpOfficer, { type: 'bearer' }).expect(409);
    const acks = (await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/2/acknowledgements`).auth(desk, { type: 'bearer' })).body;
    expect(acks.every((a: { acknowledgedAt: unknown }) => a.acknowledgedAt === null)).toBe(true);
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/2/acknowledge`).auth(mpOfficer, { type: 'bearer' }).expect(200);
    // Units still to acknowledge come first; who acknowledged is shown by name.
    type Ack = { unit: { code: string }; acknowledgedBy: { username: string } | null; sentCount: number };
    const acked = (await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/2/acknowledgements`).auth(desk, { type: 'bearer' })).body;
    expect(acked.map((a: Ack) => [a.unit.code, a.acknowledgedBy?.username ?? null, a.sentCount])).toEqual([
      ['TT_NAGAR', null, 1],
      ['MP_NAGAR', 't_officer_mp_nagar', 1],
    ]);
    // Re-sent to TT Nagar only: its distribution row says so.
    const resent = await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/2/resend`).auth(desk, { type: 'bearer' }).expect(200);
    expect(resent.body.revision.distribution.map((a: Ack) => [a.unit.code, a.sentCount])).toEqual([
      ['TT_NAGAR', 2],
      ['MP_NAGAR', 1],
    ]);
    // TT Nagar's in-charge got an SMS for revision 1, revision 2 and the re-send; it carries no movement details.
    const sms = await withClient(t.databaseUrl, (c) => c.query(`SELECT body FROM notification WHERE source_id = $1 ORDER BY created_at`, [programmeId]));
    expect(sms.rows).toHaveLength(3);
    expect(sms.rows.map((r) => r.body).join()).not.toContain('Stadium');
    // The link opens the web app's page for the programme (login, then the programme), not the API.
    const base = t.app.get<AppConfig>(APP_CONFIG).BASE_URL.replace(/\/$/, '');
    for (const { body } of sms.rows) {
      expect(body).toContain(`${base}/vip-programmes/${programmeId}`);
      expect(body).not.toMatch(/\/api\//);
    }
  });

  it('prints on revision 3 exactly the changes since revision 2, and supersedes revision 2', async () => {
    const current = (await view(desk)).body;
    const [a] = current.revision.legs.map(strip);
    const legC = { start: at('13:00'), end: at('13:30'), from: mpNagar, to: newMarket, mode: 'ROAD_CONVOY', route: [boardOffice], activity: 'TRANSIT' };
    const rev3 = await t.http
      .post(`/api/v1/vip-programmes/${programmeId}/revisions`)
      .auth(desk, { type: 'bearer' })
      .send({ revision: 2, legs: [{ ...a, route: [] }, legC] })
      .expect(201);
    expect(rev3.body.revision.changes.map((c: { kind: string }) => c.kind)).toEqual(['LEG_REMOVED', 'ROUTE_CHANGED', 'LEG_ADDED']);
    const pdf = await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/3/pdf`).auth(desk, { type: 'bearer' }).buffer(true).parse(binary).expect(200);
    const poppler = await Poppler.create();
    try {
      const text = (await poppler.pagesText(pdf.body as Buffer)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Changes since revision 2');
      for (const c of rev3.body.revision.changes as Array<{ en: string }>) expect(text).toContain(c.en.replace(/\s+/g, ' '));
      expect(text).not.toContain('time changed'); // the change of revision 2 is not repeated
    } finally {
      await poppler.dispose();
    }
    const rev2doc = (await view(desk, 2)).body.revision.documentId;
    const verify = await withClient(t.databaseUrl, (c) => c.query(`SELECT status, superseded_by FROM issued_document WHERE id = $1`, [rev2doc]));
    expect(verify.rows[0].status).toBe('SUPERSEDED');
  });

  it('gives a unit a movement sheet with only its legs', async () => {
    const res = await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/3/pdf`).auth(mpOfficer, { type: 'bearer' }).buffer(true).parse(binary).expect(200);
    const poppler = await Poppler.create();
    try {
      const text = (await poppler.pagesText(res.body as Buffer)).join('\n');
      expect(text).toContain('MP Nagar Zone-1');
      expect(text).not.toContain('TT Nagar Stadium');
    } finally {
      await poppler.dispose();
    }
  });

  it('audits every allowed view, and lists them for the auditor', async () => {
    const log = await t.http.get(`/api/v1/vip-programmes/${programmeId}/access-log`).auth(auditor, { type: 'bearer' }).expect(200);
    const allowed = log.body.filter((r: { action: string }) => r.action !== 'vip.refused');
    const who = new Set(allowed.map((r: { username: string }) => r.username));
    expect(who).toEqual(new Set(['t_control_room_bpl', 't_officer_tt_nagar', 't_officer_mp_nagar']));
    // Refused reads are in the log too: Kamla Nagar's view and acknowledgement (both 404).
    const refused = log.body.filter((r: { action: string }) => r.action === 'vip.refused');
    expect(new Set(refused.map((r: { username: string }) => r.username))).toEqual(new Set(['t_officer_kamla_nagar']));
    expect(log.body.some((r: { action: string; revision: number }) => r.action === 'vip.downloaded' && r.revision === 3)).toBe(true);
    expect(log.body.some((r: { action: string; scope: string }) => r.action === 'vip.viewed' && r.scope === 'unit')).toBe(true);
    expect(log.body.every((r: { at: string }, i: number) => i === 0 || log.body[i - 1].at <= r.at)).toBe(true);
  });

  it('rejects legs out of order, overlapping, ending before they start, and an unknown security category, naming the field', async () => {
    const post = (legs: object[]) => t.http.post('/api/v1/vip-programmes').auth(desk, { type: 'bearer' }).send({ protecteeId: '00000000-0000-4000-8000-000000000000', title: 'x visit', legs });
    const fields = async (res: Promise<{ status: number; body: { fields: Array<{ field: string }> } }>) => {
      const r = await res;
      expect(r.status).toBe(400);
      return r.body.fields.map((f) => f.field);
    };
    expect(await fields(post([legB, legA]))).toContain('legs[1].start');
    expect(await fields(post([legA, { ...legB, start: at('10:20') }]))).toContain('legs[1].start');
    expect(await fields(post([{ ...legA, end: at('09:00') }]))).toContain('legs[0].end');
    expect(await fields(t.http.post('/api/v1/protectees').auth(desk, { type: 'bearer' }).send({ nameEn: 'A B', nameHi: 'ए बी', designationEn: 'Minister', designationHi: 'मंत्री', category: 'Z++', listRank: 2 }))).toContain('category');
    expect(await fields(post([{ ...legA, from: { ...newMarket, lat: 123 } }]))).toContain('legs[0].from.lat');
  });

  it('creates a bandobast draft with a sector per leg along the current route', async () => {
    const res = await t.http.post(`/api/v1/vip-programmes/${programmeId}/bandobast-draft`).auth(desk, { type: 'bearer' }).expect(201);
    const bandobast = await t.http.get(`/api/v1/bandobasts/${res.body.bandobastId}`).auth(desk, { type: 'bearer' }).expect(200);
    const text = JSON.stringify(bandobast.body);
    expect(text).toContain('MP Nagar Zone-1 → New Market');
    expect(text).toContain('Board Office Square');
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/bandobast-draft`).auth(ttOfficer, { type: 'bearer' }).expect(403);
  });

  it('works with e-Office down, and diarises every revision once after it comes up', async () => {
    const outbox = await t.http.get(`/api/v1/eoffice/outbox?sourceType=vip_programme`).auth(desk, { type: 'bearer' }).expect(200);
    expect(outbox.body.items.filter((i: { status: string }) => i.status === 'PENDING')).toHaveLength(3);
    await sim.setMode({ mode: 'up' });
    await waitFor(
      async () => {
        const items = (await t.http.get(`/api/v1/eoffice/outbox?sourceType=vip_programme`).auth(desk, { type: 'bearer' })).body.items;
        return items.every((i: { status: string }) => i.status === 'DELIVERED');
      },
      { what: 'every revision to be diarised', timeoutMs: 60_000 },
    );
    const receipts = sim.ledger().receipts.filter((r) => r.kind === 'VIP_PROGRAMME_REVISION');
    expect(receipts).toHaveLength(3);
    expect(receipts.every((r) => r.documentSha256)).toBe(true);
    // In order: revision 1 reached e-Office before 2, and 2 before 3.
    expect(receipts.map((r) => r.subject.slice(-10))).toEqual(['Revision 1', 'Revision 2', 'Revision 3']);
    expect((await view(desk)).body.eofficeStatus).toBe('DIARISED');
  });
});

function strip(l: Record<string, unknown>) {
  const { units: _u, ...rest } = l;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- supertest's parser callback types
function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
