import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { withClient } from './support/databases';
import { bootTestApp, TestApp } from './support/test-app';

async function decodeQr(poppler: Poppler, pdf: Buffer): Promise<string> {
  // The QR sits at the top right of page 1; scanning that corner keeps the test fast.
  const png = PNG.sync.read(await poppler.readPng(await poppler.pagePng(pdf, 1, 150, { x: 620, y: 0, width: 620, height: 440 })));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!qr) throw new Error('no QR code found on page 1');
  return qr.data;
}

describe('issued documents and public verification (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let poppler: Poppler;
  let letter: { id: string; reference: string; sha256: string; verifyUrl: string };
  let pdf: Buffer;

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    admin = await t.tokenFor(['ADMIN'], 'TT_NAGAR');
    poppler = await Poppler.create();
    const res = await t.http
      .post('/api/v1/documents/general-letter')
      .auth(admin, { type: 'bearer' })
      .send({
        language: 'bi',
        recipient: 'श्रीमती क्षत्रिय द्वितीय, निरीक्षक / Smt. Kshatriya II, Inspector',
        subject: 'ड्यूटी चार्ट / Duty chart',
        body: 'मुख्यमंत्री का कार्यक्रम दिनांक 27-11-2026 हेतु बल उपलब्ध कराएं। शुल्क ₹100 जमा।',
      })
      .expect(201);
    letter = res.body;
    const download = await t.http.get(`/api/v1/documents/${letter.id}/pdf`).auth(admin, { type: 'bearer' }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    pdf = download.body as Buffer;
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
  });

  it('issues a general letter whose text comes back out of the PDF as it went in', async () => {
    expect(letter.reference).toMatch(/^GEN\/\d{4}\/\d{6}$/);
    const text = (await poppler.pagesText(pdf)).join('\n');
    for (const s of ['श्रीमती क्षत्रिय द्वितीय', 'ड्यूटी चार्ट', 'मुख्यमंत्री का कार्यक्रम', '₹100', letter.reference, 'टीटी नगर', 'TT Nagar']) {
      expect(text).toContain(s);
    }
  });

  it('carries a QR code that decodes to a verify URL answering "valid"', async () => {
    const url = await decodeQr(poppler, pdf);
    expect(url).toBe(letter.verifyUrl);
    const path = new URL(url).pathname;
    const json = await t.http.get(path).set('Accept', 'application/json').expect(200);
    expect(json.body).toMatchObject({ status: 'valid', kind: 'GENERAL_LETTER', sha256: letter.sha256, issuingUnit: { en: 'TT Nagar', hi: 'टीटी नगर' } });
    const html = await t.http.get(path).expect(200);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain('वैध');
    // No personal data on the public page.
    expect(html.text).not.toContain('क्षत्रिय');
    expect(JSON.stringify(json.body)).not.toContain('Kshatriya');
  });

  it('answers "invalid" when one character of the signature is changed', async () => {
    const path = new URL(letter.verifyUrl).pathname;
    const flipped = path.slice(0, -3) + (path.at(-3) === 'A' ? 'B' : 'A') + path.slice(-2);
    const res = await t.http.get(flipped).set('Accept', 'application/json').expect(200);
    expect(res.body).toEqual({ status: 'invalid' });
    await t.http.get('/verify/garbage').set('Accept', 'application/json').expect(200, { status: 'invalid' });
  });

  it('matches an uploaded copy byte for byte, and not one with a byte changed', async () => {
    const same = await t.http.post('/verify/upload').attach('file', pdf, 'letter.pdf').expect(200);
    expect(same.body).toMatchObject({ match: true, status: 'valid', sha256: letter.sha256 });
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const other = await t.http.post('/verify/upload').attach('file', tampered, 'letter.pdf').expect(200);
    expect(other.body).toMatchObject({ match: false });
  });

  it('refuses an upload that is not a PDF, or none at all, naming the field', async () => {
    const exe = await t.http.post('/verify/upload').attach('file', Buffer.from('MZ\x90\x00 fake exe'), 'letter.pdf').expect(400);
    expect(exe.body.fields[0].field).toBe('file');
    const none = await t.http.post('/verify/upload').field('x', 'y').expect(400);
    expect(none.body.fields[0].field).toBe('file');
  });

  it('refuses an upload over 10 MB with 413 naming the field', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await t.http.post('/verify/upload').attach('file', big, 'big.pdf').expect(413);
    expect(res.body.fields[0].field).toBe('file');
  });

  it('keeps issued bytes immutable in the database', async () => {
    await withClient(t.databaseUrl, async (c) => {
      await expect(c.query(`UPDATE issued_document SET bytes = 'x' WHERE id = $1`, [letter.id])).rejects.toThrow(/immutable/);
      await expect(c.query(`DELETE FROM issued_document WHERE id = $1`, [letter.id])).rejects.toThrow(/cannot be deleted/);
    });
  });

  it('lets only ADMIN issue the sample letter', async () => {
    const control = await t.tokenFor(['CONTROL_ROOM']);
    await t.http.post('/api/v1/documents/general-letter').auth(control, { type: 'bearer' }).send({ language: 'en', recipient: 'x y', subject: 'x y', body: 'x y' }).expect(403);
  });
});
