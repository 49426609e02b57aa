import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor } from './support/databases';
import { dakBody, dakUser, DakUser } from './support/dak';
import { fastEofficeEnv } from './support/eoffice';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDF_DIR } from './support/artifacts';
import { bootTestApp, TestApp } from './support/test-app';

interface Row {
  ref: string;
  eofficeRef: string | null;
  intakeChannel: string;
  grading: string;
  subject: string | null;
  status: string;
  holder: { hi: string; en: string } | null;
}

/**
 * "Received during the outage of …": e-Office goes down, the desk keeps diarising (by WhatsApp,
 * by hand, a back-entry of a letter that came before, a confidential one), e-Office comes back
 * and the outbox diarises each there; the report then lists exactly those items with both
 * numbers, the channel and the holder, as JSON, CSV and a bilingual PDF.
 */
describe('dak register: the report of an e-Office outage (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let poppler: Poppler;
  let desk: DakUser;
  let officer: DakUser;
  let auditor: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const mode = async () => (await t.http.get('/api/v1/system/status').set(auth(desk.token)).expect(200)).body.mode as string;
  const until = (what: string, want: string) => waitFor(async () => ((await mode()) === want ? true : undefined), { what, timeoutMs: 15_000, intervalMs: 100 });
  const enter = async (over: Record<string, unknown>) => (await t.http.post('/api/v1/dak').set(auth(desk.token)).send(dakBody(over)).expect(201)).body as { id: string; ref: string };
  const dak = async (id: string) => (await t.http.get(`/api/v1/dak/${id}`).set(auth(desk.token)).expect(200)).body;
  const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    poppler = await Poppler.create();
    desk = await dakUser(t, ['CONTROL_ROOM']);
    officer = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'meena');
    auditor = await t.tokenFor(['AUDITOR']);
  });
  afterAll(async () => {
    await poppler?.dispose();
    await t?.close();
    await sim?.close();
  });

  it('lists every item received or entered while e-Office was down, with both numbers, its channel and its holder, once e-Office is back', async () => {
    await until('ONLINE at the start', 'ONLINE');
    const before = await enter({ subject: 'Letter before the outage', intakeChannel: 'POST', receivedAt: isoAgo(60_000) });

    await sim.setMode({ mode: 'down' });
    await until('DEGRADED', 'DEGRADED');
    const whatsapp = await enter({ subject: 'धरना-प्रदर्शन की सूचना (व्हाट्सऐप)', intakeChannel: 'WHATSAPP', receivedAt: isoAgo(0), markedToUser: officer.username, instruction: 'जाँच कर प्रतिवेदन दें' });
    const byHand = await enter({ subject: 'Application for a procession route', intakeChannel: 'WALK_IN', receivedAt: isoAgo(0) });
    // A letter that came two days ago, entered only now: diarised outside e-Office too.
    const backEntry = await enter({ subject: 'Old letter entered late', intakeChannel: 'POST', receivedAt: isoAgo(2 * 86_400_000) });
    const graded = await enter({ subject: 'Informer report on a planned gherao', intakeChannel: 'WALK_IN', grading: 'CONFIDENTIAL', receivedAt: isoAgo(0), markedToUser: officer.username });
    const during = [whatsapp, byHand, backEntry, graded];
    expect((await dak(whatsapp.id)).eofficeStatus).toBe('PENDING_SYNC');

    await sim.setMode({ mode: 'up' });
    await until('ONLINE again', 'ONLINE');
    for (const d of [before, ...during])
      await waitFor(async () => ((await dak(d.id)).eofficeRef ? true : undefined), { what: `${d.ref} diarised in e-Office`, timeoutMs: 15_000, intervalMs: 100 });

    const outages = (await t.http.get('/api/v1/eoffice/outages').set(auth(desk.token)).expect(200)).body.items as Array<{ id: string; endedAt: string | null }>;
    const outage = outages[0];
    expect(outage.endedAt).not.toBeNull();

    const report = (await t.http.get(`/api/v1/dak/outage-reports/${outage.id}`).set(auth(desk.token)).expect(200)).body as { rows: Row[] };
    // Oldest receipt first: the back-entry, then the rest in the order they came.
    expect(report.rows.map((r) => r.ref)).toEqual([backEntry, whatsapp, byHand, graded].map((d) => d.ref));
    const eofficeRefs = await Promise.all(during.map(async (d) => (await dak(d.id)).eofficeRef as string));
    for (const [i, d] of during.entries()) expect(report.rows.find((r) => r.ref === d.ref)!.eofficeRef).toBe(eofficeRefs[i]);
    const row = (d: { ref: string }) => report.rows.find((r) => r.ref === d.ref)!;
    expect(row(whatsapp)).toMatchObject({ intakeChannel: 'WHATSAPP', status: 'MARKED', subject: 'धरना-प्रदर्शन की सूचना (व्हाट्सऐप)' });
    expect(row(whatsapp).holder!.en).toContain('TT Nagar');
    expect(row(byHand)).toMatchObject({ intakeChannel: 'WALK_IN', status: 'DIARISED' });
    // A graded item is listed, its subject withheld.
    expect(row(graded)).toMatchObject({ grading: 'CONFIDENTIAL', subject: null });

    const csv = await t.http.get(`/api/v1/dak/outage-reports/${outage.id}/csv`).set(auth(desk.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.body as string;
    for (const [i, d] of during.entries()) expect(text).toContain(`"${d.ref}","${eofficeRefs[i]}"`);
    expect(text).toContain('"WhatsApp"');
    expect(text).not.toContain(before.ref);
    expect(text).not.toContain('gherao');

    const paper = (await t.http.post(`/api/v1/dak/outage-reports/${outage.id}/papers`).set(auth(desk.token)).expect(201)).body;
    expect(paper.verifyUrl).toMatch(/\/verify\//);
    const pdf = await t.http.get(`/api/v1/dak/outage-reports/${outage.id}/papers/${paper.documentId}/pdf`).set(auth(auditor)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    mkdirSync(PDF_DIR, { recursive: true });
    writeFileSync(join(PDF_DIR, 'dak-outage-report.pdf'), pdf.body as Buffer);
    const pages = (await poppler.pagesText(pdf.body as Buffer)).join('\n');
    expect(pages).toContain('ई-ऑफिस बंद रहने की अवधि');
    expect(pages).toContain('Dak received during the e-Office outage');
    for (const [i, d] of during.entries()) {
      expect(pages).toContain(d.ref);
      expect(pages).toContain(eofficeRefs[i]);
    }
    expect(pages).toContain('धरना-प्रदर्शन की सूचना (व्हाट्सऐप)');
    expect(pages).not.toContain('gherao');
    expect(pages).not.toContain(before.ref);
  });

  it('shows an item to the unconcerned only if the register would, and is for the desk, admins and auditors alone', async () => {
    const outage = ((await t.http.get('/api/v1/eoffice/outages').set(auth(desk.token)).expect(200)).body.items as Array<{ id: string }>)[0];
    const officerToken = officer.token;
    await t.http.get(`/api/v1/dak/outage-reports/${outage.id}`).set(auth(officerToken)).expect(403);
    await t.http.get(`/api/v1/dak/outage-reports/00000000-0000-4000-8000-000000000000`).set(auth(desk.token)).expect(404);
    await t.http.get(`/api/v1/dak/outage-reports/not-a-uuid`).set(auth(desk.token)).expect(400);
    // A control-room user of another unit sees no graded item it never held.
    const elsewhere = await dakUser(t, ['CONTROL_ROOM'], 'KAMLA_NAGAR', 'kn-desk');
    const theirs = (await t.http.get(`/api/v1/dak/outage-reports/${outage.id}`).set(auth(elsewhere.token)).expect(200)).body as { rows: Row[] };
    expect(theirs.rows.some((r) => r.grading === 'CONFIDENTIAL')).toBe(false);
  });
});
