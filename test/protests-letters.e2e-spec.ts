import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor } from './support/databases';
import { fastEofficeEnv } from './support/eoffice';
import { driveTo, protestActors, ProtestActors, ProtestView, seedVenues, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface Letter {
  kind: string;
  documentId: string;
  eofficeStatus: string;
  eofficeRef: string | null;
  verifyUrl: string;
}
const letters = (app: ProtestView) => app.letters as Letter[];

describe('protest letters, e-Office and SMS (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let a: ProtestActors;
  let poppler: Poppler;
  let approved: ProtestView;
  let rejected: ProtestView;
  let revoked: ProtestView;
  const pdf = async (id: string, kind: string): Promise<Buffer> => {
    const res = await t.http.get(`/api/v1/protests/${id}/letters/${kind}`).auth(a.control, { type: 'bearer' }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp({ ...fastEofficeEnv(sim.url), BASE_URL: 'https://police-ops.bhopal.test' });
    a = await protestActors(t);
    poppler = await Poppler.create();
    await seedVenues(t, a.admin);
    // Every decision below is taken while e-Office is unreachable.
    await sim.setMode({ mode: 'down' });
    approved = await driveTo(t, a, 'APPROVED');
    rejected = await driveTo(t, a, 'REJECTED');
    revoked = await driveTo(t, a, 'REVOKED');
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
    await sim.close();
  });

  it('issues each letter at once while e-Office is down, marked as not yet diarised', () => {
    expect(letters(approved).map((l) => [l.kind, l.eofficeStatus])).toEqual([['PERMISSION', 'PENDING_SYNC']]);
    expect(letters(rejected).map((l) => [l.kind, l.eofficeStatus])).toEqual([['REFUSAL', 'PENDING_SYNC']]);
    expect(letters(revoked).map((l) => [l.kind, l.eofficeStatus])).toEqual([['PERMISSION', 'PENDING_SYNC'], ['REVOCATION', 'PENDING_SYNC']]);
    expect(sim.ledger().receipts).toEqual([]);
  });

  it('writes the e-Office reference back onto every letter once e-Office is up, each diarised once with its PDF', async () => {
    await sim.setMode({ mode: 'up' });
    const all = await waitFor(async () => {
      const apps = await Promise.all([approved, rejected, revoked].map((x) => view(t, a.control, x.id)));
      const ls = apps.flatMap(letters);
      return ls.every((l) => l.eofficeStatus === 'DIARISED') ? ls : undefined;
    }, { what: 'every letter diarised' });
    expect(all).toHaveLength(4);
    const receipts = sim.ledger().receipts;
    expect(receipts).toHaveLength(4);
    for (const letter of all) {
      const receipt = receipts.find((r) => r.receiptNo === letter.eofficeRef)!;
      expect(receipt).toBeDefined();
      expect(receipt.kind).toBe(`PROTEST_${letter.kind}`);
      const doc = await t.http.get(`/api/v1/documents/${letter.documentId}`).auth(a.admin, { type: 'bearer' }).expect(200);
      expect(receipt.documentSha256).toBe(doc.body.sha256);
    }
    // A revision never overtakes the original: the permission was diarised before its revocation.
    const [permission, revocation] = letters(await view(t, a.control, revoked.id));
    expect(Number(permission!.eofficeRef!.split('/')[0])).toBeLessThan(Number(revocation!.eofficeRef!.split('/')[0]));
  });

  it('prints the applicant "श्रीमती क्षत्रिय द्वितीय" intact in the permission letter, with its details in both languages', async () => {
    const text = (await poppler.pagesText(await pdf(approved.id, 'permission'))).join('\n');
    for (const s of ['श्रीमती क्षत्रिय द्वितीय', 'Smt. Kshatriya II', approved.ref, 'अंबेडकर पार्क', 'Ambedkar Park', 'धरना', 'शर्तें', 'at least 10 volunteers', 'No procession beyond the park gate.', 'टीटी नगर']) {
      expect(text).toContain(s);
    }
  });

  it('states the grounds in the refusal and the reason in the revocation', async () => {
    expect((await poppler.pagesText(await pdf(rejected.id, 'refusal'))).join('\n')).toContain('A prohibitory order is in force around the venue.');
    expect((await poppler.pagesText(await pdf(revoked.id, 'revocation'))).join('\n')).toContain('VIP movement on the route during the event.');
  });

  it('carries a verify QR: valid for a standing permission, revoked for a revoked one', async () => {
    const qr = async (buffer: Buffer) => {
      const png = PNG.sync.read(await poppler.readPng(await poppler.pagePng(buffer, 1, 150, { x: 620, y: 0, width: 620, height: 440 })));
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
    };
    const standing = await qr(await pdf(approved.id, 'permission'));
    expect(standing).toBe(letters(approved)[0]!.verifyUrl);
    await t.http.get(new URL(standing).pathname).set('Accept', 'application/json').expect(200).expect((r) => expect(r.body).toMatchObject({ status: 'valid', kind: 'PROTEST_PERMISSION' }));
    const voided = await qr(await pdf(revoked.id, 'permission'));
    await t.http.get(new URL(voided).pathname).set('Accept', 'application/json').expect(200).expect((r) => expect(r.body.status).toBe('revoked'));
  });

  it('tells the applicant by SMS at every stage, from the message templates', async () => {
    const res = await t.http.get(`/api/v1/notifications?sourceType=protest_application&sourceId=${revoked.id}`).auth(a.admin, { type: 'bearer' }).expect(200);
    const sent = (res.body as Array<{ template: string; recipient: string; body: string; createdAt: string }>).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    expect(sent.map((n) => n.template)).toEqual(['protest-received', 'protest-thana-report-requested', 'protest-thana-reported', 'protest-approved', 'protest-revoked']);
    expect(sent[0]!.recipient).toBe('XXXXXX3210');
    expect(sent[0]!.body).toContain(revoked.ref);
    expect(sent[1]!.body).toContain('टीटी नगर');
  });

  it('answers 404 for a letter an application does not have, and 400 for a kind that does not exist', async () => {
    await t.http.get(`/api/v1/protests/${approved.id}/letters/refusal`).auth(a.control, { type: 'bearer' }).expect(404);
    const res = await t.http.get(`/api/v1/protests/${approved.id}/letters/invitation`).auth(a.control, { type: 'bearer' }).expect(400);
    expect(res.body.fields[0].field).toBe('kind');
  });
});
