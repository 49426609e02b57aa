import { DocumentsService } from '../src/platform/documents';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { withClient } from './support/databases';
import { fetchBinary, newChart, publishChart, seedForce, solveChart } from './support/duty-charts';
import { istAt } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };
const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const roshanpura = { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 };
const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const boardOffice = { name: 'Board Office Square', lat: 23.2333, lng: 77.433 };
const mpNagar = { name: 'MP Nagar Zone-1', lat: 23.2325, lng: 77.4285 };
/** Words and times that must never leave the VIP module's own answers. */
const SECRETS = ['Chief Minister', 'SHAKTI', 'New Market', 'Roshanpura', 'Stadium', 'Board Office', 'MP Nagar Zone-1'];

/**
 * VIP need-to-know holds on every path: the generic document routes, e-Office's metadata and
 * the audit log, bandobasts drafted from a programme, and older revisions once a unit is
 * dropped from the current one.
 */
describe('VIP need-to-know on every path (e2e)', () => {
  let t: TestApp;
  let desk: string;
  let approver: string;
  let admin: string;
  let auditor: string;
  let ttOfficer: string;
  let mpOfficer: string;
  let dutyZone2: string;
  let dutyZone1: string;
  let dutyBpl: string;
  let programmeId: string;
  let legKeys: { a: string; b: string };
  let revision2Legs: Array<Record<string, unknown>>;
  let bandobastId: string;
  let chartId: string;
  let mpSheetId: string;

  const legA = { start: istAt(5, '10:00'), end: istAt(5, '10:40'), from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [roshanpura], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };
  const legB = { start: istAt(5, '11:00'), end: istAt(5, '12:00'), from: boardOffice, to: mpNagar, mode: 'ROAD_CONVOY', route: [], venue: 'MP Nagar', activity: 'INAUGURATION' };

  beforeAll(async () => {
    t = await bootTestApp();
    // The desk sits in Zone-2 here, so a bandobast it drafts belongs to Zone-2.
    desk = await t.tokenFor(['CONTROL_ROOM'], 'ZONE_2');
    approver = await t.tokenFor(['APPROVER']);
    admin = await t.tokenFor(['ADMIN']);
    auditor = await t.tokenFor(['AUDITOR']);
    ttOfficer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    mpOfficer = await t.tokenFor(['OFFICER'], 'MP_NAGAR');
    dutyZone2 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
    dutyZone1 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    dutyBpl = await t.tokenFor(['DUTY_OFFICER']);
    await withClient(t.databaseUrl, (c) => c.query(`UPDATE app_user SET mobile = '9826012346' WHERE username = 't_officer_mp_nagar'`));
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, bearer)
      .send({ nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, Madhya Pradesh', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', callSign: 'SHAKTI-1', listRank: 1 })
      .expect(201);
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(desk, bearer)
      .send({ protecteeId: protectee.body.id, title: 'मुख्यमंत्री का दौरा / CM tour', legs: [legA, legB] })
      .expect(201);
    programmeId = created.body.id;
    const [a, b] = created.body.revision.legs as Array<{ key: string }>;
    legKeys = { a: a!.key, b: b!.key };
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http.get(`/api/v1${path}`).auth(token, bearer);
  const revisionDocument = async (rev: number): Promise<string> => (await get(`/vip-programmes/${programmeId}/revisions/${rev}`, desk).expect(200)).body.revision.documentId;
  const verify = async (documentId: string) => {
    const path = new URL(t.app.get(DocumentsService).verifyUrl(documentId)).pathname;
    return (await t.http.get(path).set('Accept', 'application/json').expect(200)).body as { status: string; kind: string };
  };
  const strip = (l: Record<string, unknown>) => Object.fromEntries(Object.entries(l).filter(([k, v]) => k !== 'units' && v !== null));

  it('answers 404 on /documents for a programme PDF and a movement sheet, to ADMIN and AUDITOR alike; /verify still checks them without their content', async () => {
    const programmePdf = await revisionDocument(1);
    await fetchBinary(get(`/vip-programmes/${programmeId}/revisions/1/pdf`, mpOfficer)).expect(200);
    const sheets = await withClient(t.databaseUrl, (c) => c.query(`SELECT id FROM issued_document WHERE kind = 'VIP_MOVEMENT_SHEET' AND source_id = $1`, [programmeId]));
    mpSheetId = sheets.rows[0].id;
    for (const token of [admin, auditor]) {
      for (const id of [programmePdf, mpSheetId]) {
        await get(`/documents/${id}`, token).expect(404);
        await get(`/documents/${id}/pdf`, token).expect(404);
      }
    }
    for (const id of [programmePdf, mpSheetId]) {
      const outcome = await verify(id);
      expect(outcome.status).toBe('valid');
      const page = await t.http.get(new URL(t.app.get(DocumentsService).verifyUrl(id)).pathname).expect(200);
      for (const secret of SECRETS) {
        expect(JSON.stringify(outcome)).not.toContain(secret);
        expect(page.text).not.toContain(secret);
      }
    }
  });

  it('puts leg keys and field names, never places or times, into e-Office metadata and the audit log', async () => {
    const current = (await get(`/vip-programmes/${programmeId}`, desk).expect(200)).body;
    revision2Legs = current.revision.legs.map(strip);
    Object.assign(revision2Legs[0]!, { start: istAt(5, '10:20'), end: istAt(5, '10:55'), route: [] });
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(desk, bearer).send({ revision: 1, legs: revision2Legs, reason: 'CM arrives late' }).expect(201);

    const expected = [{ legKey: legKeys.a, kind: 'CHANGED', fields: ['start', 'end', 'route'] }];
    const outbox = (await get('/eoffice/outbox?sourceType=vip_programme', desk).expect(200)).body.items as Array<{ metadata: Record<string, unknown> }>;
    expect(outbox.map((i) => i.metadata)).toEqual(expect.arrayContaining([{ revision: 2, changes: expected }]));
    const audit = (await get(`/audit?entityType=vip_programme&entityId=${programmeId}`, auditor).expect(200)).body as Array<{ action: string; diff: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'vip.revised')!.diff).toEqual({ revision: 2, changes: expected });
    const carried = JSON.stringify([outbox.map((i) => i.metadata), audit.map((e) => e.diff)]);
    for (const secret of SECRETS) expect(carried).not.toContain(secret);
    for (const at of [istAt(5, '10:00'), istAt(5, '10:20')]) {
      expect(carried).not.toContain(new Date(at).toISOString());
      expect(carried).not.toContain(at.slice(11, 16));
    }
  });

  it('lets only the VIP desk and the duty officers of units on the current revision read a bandobast drafted from it, on every path', async () => {
    bandobastId = (await t.http.post(`/api/v1/vip-programmes/${programmeId}/bandobast-draft`).auth(desk, bearer).expect(201)).body.bandobastId;
    // Zone-2's own force staffs it: two points per leg, each a head constable and two constables.
    await seedForce(t, { unitCode: 'MP_NAGAR', prefix: 'MPN', ranks: { HEAD_CONSTABLE: 6, CONSTABLE: 12 } });
    chartId = await newChart(t, dutyZone2, bandobastId);
    expect((await solveChart(t, dutyZone2, chartId)).solveResult).toBe('OK');
    await publishChart(t, dutyZone2, chartId);
    const papers = (await get(`/duty-charts/${chartId}/papers`, dutyZone2).expect(200)).body as Array<{ id: string }>;
    expect(papers.length).toBeGreaterThan(0);

    const paths = [`/bandobasts/${bandobastId}`, `/bandobasts/${bandobastId}/charts`, `/duty-charts/${chartId}`, `/duty-charts/${chartId}/assignments`, `/duty-charts/${chartId}/papers`];
    for (const token of [desk, approver, dutyZone2, dutyBpl]) for (const path of paths) await get(path, token).expect(200);
    // ADMIN and AUDITOR get 404, as does a duty officer of a zone the programme does not concern.
    for (const token of [admin, auditor, dutyZone1]) {
      for (const path of paths) await get(path, token).expect(404);
      await fetchBinary(get(`/duty-charts/${chartId}/pdf`, token)).expect(404);
      const list = (await get('/bandobasts', token).expect(200)).body.items as Array<{ id: string }>;
      expect(list.map((b) => b.id)).not.toContain(bandobastId);
    }
    expect(((await get('/bandobasts', dutyZone2).expect(200)).body.items as Array<{ id: string }>).map((b) => b.id)).toContain(bandobastId);
    // Its papers are confidential too: not on the generic document routes.
    for (const paper of papers) {
      await get(`/documents/${paper.id}`, admin).expect(404);
      await get(`/documents/${paper.id}/pdf`, auditor).expect(404);
    }
  });

  it('decides on the current revision: a unit dropped from it loses every revision, is told so, and its refused reads are logged', async () => {
    // Revision 3 drops leg B: MP Nagar is no longer concerned.
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(desk, bearer).send({ revision: 2, legs: [revision2Legs[0]] }).expect(201);

    for (const path of ['', '/revisions/1', '/revisions/2', '/revisions/3']) await get(`/vip-programmes/${programmeId}${path}`, mpOfficer).expect(404);
    for (const rev of [1, 2, 3]) await fetchBinary(get(`/vip-programmes/${programmeId}/revisions/${rev}/pdf`, mpOfficer)).expect(404);
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/3/acknowledge`).auth(mpOfficer, bearer).expect(404);
    const log = (await get(`/vip-programmes/${programmeId}/access-log`, auditor).expect(200)).body as Array<{ username: string; action: string; revision: number }>;
    const refused = log.filter((e) => e.action === 'vip.refused' && e.username === 't_officer_mp_nagar');
    expect(refused.map((e) => e.revision).sort()).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);

    // The sheet MP Nagar printed of revision 1 no longer verifies as valid.
    expect((await verify(mpSheetId)).status).toBe('superseded');

    // MP Nagar's in-charge is told it is off the programme: no "no changes", no link, no movement.
    const sms = await withClient(t.databaseUrl, (c) => c.query(`SELECT recipient, template, body FROM notification WHERE source_id = $1 AND template = 'vip-unit-dropped'`, [programmeId]));
    expect(sms.rows).toHaveLength(1);
    expect(sms.rows[0].recipient).toBe('9826012346');
    expect(sms.rows[0].body).toContain('no longer on this programme');
    expect(sms.rows[0].body).toContain('संशोधन 3');
    expect(sms.rows[0].body).not.toMatch(/https?:|Stadium|Board Office/);

    // A unit still on it reads the old revisions, but no movement sheet is issued anew for one.
    await get(`/vip-programmes/${programmeId}/revisions/2`, ttOfficer).expect(200);
    const stale = await get(`/vip-programmes/${programmeId}/revisions/1/pdf`, ttOfficer).expect(409);
    expect(stale.body).toMatchObject({ currentRevision: 3, message: expect.stringContaining('superseded') });
    const issued = await withClient(t.databaseUrl, (c) => c.query(`SELECT variant FROM issued_document WHERE kind = 'VIP_MOVEMENT_SHEET' AND source_id = $1 ORDER BY variant`, [programmeId]));
    expect(issued.rows.map((r) => r.variant)).toEqual(['sheet-MP_NAGAR-rev-1']);

    // The bandobast goes with the programme: Zone-2's duty officer no longer reads it; the desk does.
    for (const path of [`/bandobasts/${bandobastId}`, `/bandobasts/${bandobastId}/charts`, `/duty-charts/${chartId}`, `/duty-charts/${chartId}/papers`]) {
      await get(path, dutyZone2).expect(404);
      await get(path, desk).expect(200);
      await get(path, dutyBpl).expect(200);
    }
  });

  it('tells a unit that loses one of its legs so, in its view and on its sheet, rather than "no changes"', async () => {
    const protecteeId = (await get(`/vip-programmes/${programmeId}`, desk).expect(200)).body.protecteeId;
    const back = { ...legA, start: istAt(6, '15:00'), end: istAt(6, '15:30'), from: ttNagarStadium, to: newMarket, venue: null, route: [], activity: 'TRANSIT' };
    const created = (await t.http.post('/api/v1/vip-programmes').auth(desk, bearer).send({ protecteeId, title: 'दूसरा दौरा / Second tour', legs: [{ ...legA, start: istAt(6, '10:00'), end: istAt(6, '10:40') }, back] }).expect(201)).body;
    const [first] = created.revision.legs.map(strip);
    await t.http.post(`/api/v1/vip-programmes/${created.id}/revisions`).auth(desk, bearer).send({ revision: 1, legs: [first] }).expect(201);
    const seen = (await get(`/vip-programmes/${created.id}/revisions/2`, ttOfficer).expect(200)).body;
    expect(seen.revision.changes.map((c: { kind: string }) => c.kind)).toEqual(['LEG_REMOVED']);
    const pdf = await fetchBinary(get(`/vip-programmes/${created.id}/revisions/2/pdf`, ttOfficer)).expect(200);
    const poppler = await Poppler.create();
    try {
      const text = (await poppler.pagesText(pdf.body as Buffer)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Leg removed');
      expect(text).not.toContain('No changes');
    } finally {
      await poppler.dispose();
    }
  });

  it('revokes the movement sheets of a cancelled programme and keeps the reason out of e-Office and the audit log', async () => {
    await fetchBinary(get(`/vip-programmes/${programmeId}/revisions/3/pdf`, ttOfficer)).expect(200);
    const [{ id: ttSheet }] = (await withClient(t.databaseUrl, (c) => c.query(`SELECT id FROM issued_document WHERE variant = 'sheet-TT_NAGAR-rev-3' AND source_id = $1`, [programmeId]))).rows;
    expect((await verify(ttSheet)).status).toBe('valid');
    await t.http.post(`/api/v1/vip-programmes/${programmeId}/cancel`).auth(desk, bearer).send({ reason: 'CM stays at Roshanpura Square instead' }).expect(200);
    expect((await verify(ttSheet)).status).toBe('revoked');
    expect((await verify(await revisionDocument(3))).status).toBe('revoked');
    // The sheet issued before is still there for the unit; none is drawn for a cancelled programme.
    await fetchBinary(get(`/vip-programmes/${programmeId}/revisions/3/pdf`, ttOfficer)).expect(200);
    const outbox = (await get('/eoffice/outbox?sourceType=vip_programme', desk).expect(200)).body.items as Array<{ kind: string; metadata: Record<string, unknown> }>;
    expect(outbox.find((i) => i.kind === 'VIP_PROGRAMME_CANCELLED')!.metadata).toEqual({ revision: 3 });
    const audit = (await get(`/audit?entityType=vip_programme&entityId=${programmeId}`, auditor).expect(200)).body;
    expect(JSON.stringify(audit)).not.toContain('Roshanpura');
    expect(JSON.stringify((await get(`/audit?entityType=issued_document`, auditor).expect(200)).body)).not.toContain('Roshanpura');
  });
});
