import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { createTestDatabase, testServerUrl, withClient } from './support/databases';
import { bandobastBody, istDay, shift } from './support/duty-charts';
import { dakBody } from './support/eoffice';
import { scanDatabase, scanFiles } from './support/personal-data-scan';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * No full Aadhaar number is kept, whatever field it is typed into and however it is written:
 * every string of every body, query and path is read normalised (any Unicode digits, any
 * separators, 4-4-4 or 3-3-3-3) and refused with a 400 naming the field. The fields below had
 * no check at all; the writings passed the old one.
 */
const SAMPLE = '234123412346'; // made up; its Verhoeff check digit holds

const WRITINGS: Record<string, string> = {
  'no-break spaces': '2341\u00a02341\u00a02346',
  'dots': '2341.2341.2346',
  'slashes': '2341/2341/2346',
  'an en dash': '2341–2341–2346',
  'double spaces': '2341  2341  2346',
  'line breaks': '2341\n2341\n2346',
  'zero-width spaces': '2341\u200b2341\u200b2346',
  '3-3-3-3 grouping': '234 123 412 346',
  'Devanagari digits': '२३४१ २३४१ २३४६',
  'full-width digits': '２３４１２３４１２３４６',
};
const writings = Object.entries(WRITINGS);
const writing = (i: number) => writings[i % writings.length]![1];

const at = (hhmm: string) => `${istDay(3)}T${hhmm}:00+05:30`;
const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const stadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const leg = { start: at('10:00'), end: at('10:40'), from: newMarket, to: stadium, mode: 'ROAD_CONVOY', route: [], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };
const protectee = { nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, MP', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', listRank: 1 };
const user = { username: 'asi.verma', displayNameEn: 'A. Verma', displayNameHi: 'ए. वर्मा', rank: 'ASI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] };
const venue = { code: 'AADHAAR_TEST_GROUND', nameEn: 'Test Ground', nameHi: 'परीक्षण मैदान', lat: 23.2335, lng: 77.407, kind: 'ground', thanaCode: 'TT_NAGAR' };

type Token = 'admin' | 'desk' | 'duty';
interface Case {
  field: string;
  token: Token;
  method: 'post' | 'get';
  path: string | ((ctx: { protecteeId: string }) => string);
  body?: (text: string, ctx: { protecteeId: string }) => object;
}

const CASES: Case[] = [
  { field: 'senderOffice', token: 'admin', method: 'post', path: '/api/v1/dak', body: (x) => dakBody(1, { senderOffice: `Collectorate ${x}` }) },
  { field: 'letterNo', token: 'admin', method: 'post', path: '/api/v1/dak', body: (x) => dakBody(2, { letterNo: x }) },
  { field: 'displayNameEn', token: 'admin', method: 'post', path: '/api/v1/users', body: (x) => ({ ...user, displayNameEn: `A. Verma ${x}` }) },
  { field: 'displayNameHi', token: 'admin', method: 'post', path: '/api/v1/users', body: (x) => ({ ...user, displayNameHi: `ए. वर्मा ${x}` }) },
  { field: 'rank', token: 'admin', method: 'post', path: '/api/v1/users', body: (x) => ({ ...user, rank: x }) },
  { field: 'nameEn', token: 'desk', method: 'post', path: '/api/v1/protectees', body: (x) => ({ ...protectee, nameEn: `CM ${x}` }) },
  { field: 'nameHi', token: 'desk', method: 'post', path: '/api/v1/protectees', body: (x) => ({ ...protectee, nameHi: `मुख्यमंत्री ${x}` }) },
  { field: 'legs[0].from.name', token: 'desk', method: 'post', path: '/api/v1/vip-programmes', body: (x, c) => ({ protecteeId: c.protecteeId, title: 'CM visit', legs: [{ ...leg, from: { ...newMarket, name: `House ${x}` } }] }) },
  { field: 'legs[0].venue', token: 'desk', method: 'post', path: '/api/v1/vip-programmes', body: (x, c) => ({ protecteeId: c.protecteeId, title: 'CM visit', legs: [{ ...leg, venue: `Hall ${x}` }] }) },
  { field: 'divisions[0].name', token: 'duty', method: 'post', path: '/api/v1/bandobasts', body: (x) => withDivisionName(x) },
  { field: 'divisions[0].sectors[0].name', token: 'duty', method: 'post', path: '/api/v1/bandobasts', body: (x) => withSectorName(x) },
  { field: 'kind', token: 'admin', method: 'post', path: '/api/v1/protests/venues', body: (x) => ({ ...venue, kind: `ground ${x}` }) },
  { field: 'reason', token: 'admin', method: 'post', path: '/api/v1/eoffice/outbox/00000000-0000-4000-8000-000000000000/cancel', body: (x) => ({ reason: `Duplicate of ${x}` }) },
  { field: 'q', token: 'admin', method: 'get', path: () => `/api/v1/dak?q=${encodeURIComponent(WRITINGS['no-break spaces']!)}` },
  { field: 'entityId', token: 'admin', method: 'get', path: () => `/api/v1/audit?entityId=${encodeURIComponent(WRITINGS['Devanagari digits']!)}` },
  { field: 'queue', token: 'admin', method: 'get', path: () => `/api/v1/system/jobs/${encodeURIComponent(WRITINGS['dots']!)}/1` },
];

function bandobast() {
  return bandobastBody('Aadhaar test', [{ code: 'P1', shifts: [shift('P1-A', at('06:00'), at('14:00'), { CONSTABLE: 1 })] }]);
}
function withDivisionName(name: string) {
  const body = bandobast();
  body.divisions[0]!.name = name;
  return body;
}
function withSectorName(name: string) {
  const body = bandobast();
  body.divisions[0]!.sectors[0]!.name = name;
  return body;
}

describe('Aadhaar numbers (e2e)', () => {
  let t: TestApp;
  const tokens = {} as Record<Token, string>;
  const ctx = { protecteeId: '' };
  beforeAll(async () => {
    t = await bootTestApp();
    tokens.admin = await t.tokenFor(['ADMIN']);
    tokens.desk = await t.tokenFor(['CONTROL_ROOM']);
    tokens.duty = await t.tokenFor(['DUTY_OFFICER']);
    ctx.protecteeId = (await t.http.post('/api/v1/protectees').auth(tokens.desk, { type: 'bearer' }).send(protectee).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const send = (c: Case, text: string) => {
    const path = typeof c.path === 'function' ? c.path(ctx) : c.path;
    const req = t.http[c.method](path).auth(tokens[c.token], { type: 'bearer' });
    return c.body ? req.send(c.body(text, ctx)) : req;
  };

  it.each(CASES.map((c, i) => ({ ...c, i })))('refuses a number in $field with a 400 naming it', async (c) => {
    const res = await send(c, writing(c.i));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: c.field, message: expect.stringContaining('must not contain a full Aadhaar number') }]);
  });

  it.each(writings)('refuses a number written with %s', async (_name, text) => {
    const res = await send(CASES[0]!, text);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['senderOffice']);
  });

  it('still takes the same fields without a number, last-4 digits included', async () => {
    await send(CASES[0]!, 'Collectorate, ID ending 2346').expect(201);
    await t.http.post('/api/v1/users').auth(tokens.admin, { type: 'bearer' }).send({ ...user, displayNameEn: 'A. Verma (XXXX XXXX 2346)' }).expect(201);
    await t.http.post('/api/v1/protests/venues').auth(tokens.admin, { type: 'bearer' }).send(venue).expect(201);
  });

  it('kept no number anywhere: every table of this database', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'aadhaar-scan-'));
    try {
      const scan = await scanDatabase(t.databaseUrl, 'this test', tmp);
      expect(scan.values).toBeGreaterThan(100);
      expect(scan.findings).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/** The end-of-run scan (global-teardown.ts) bites: a number planted in a table, a PDF or a log line is found. */
describe('personal-data scan', () => {
  it('finds a number planted in a database, a PDF and a log', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'aadhaar-plant-'));
    const url = await createTestDatabase('plant');
    try {
      await withClient(url, async (c) => {
        await c.query(`CREATE TABLE note (id int, body text, meta jsonb, scan bytea)`);
        await c.query(`INSERT INTO note VALUES (1, $1, $2, $3)`, ['nothing here 2346', { diff: { remarks: '२३४१ २३४१\n२३४६' } }, Buffer.from(SAMPLE)]);
      });
      const db = await scanDatabase(url, 'plant', tmp);
      expect(db.findings).toEqual([{ where: 'plant public.note.meta', number: 'XXXX XXXX 2346' }]);

      const pdf = new PDFDocument();
      const chunks: Buffer[] = [];
      pdf.on('data', (b: Buffer) => chunks.push(b));
      const done = new Promise((r) => pdf.on('end', r));
      pdf.text(`Applicant ID 2341 2341 2346`);
      pdf.end();
      await done;
      writeFileSync(join(tmp, 'paper.pdf'), Buffer.concat(chunks));
      // Line 3: shaped like an Aadhaar number though its check digit is wrong (a mistyped one is still most of one).
      writeFileSync(
        join(tmp, 'app.log'),
        `${JSON.stringify({ msg: 'ok', url: '/api/v1/dak?limit=50' })}\n${JSON.stringify({ msg: 'saved 2341\n2341\n2346' })}\n${JSON.stringify({ msg: 'typed 2341 2341 2347' })}\n`,
      );
      const files = await scanFiles({ pdfDir: tmp, logDir: tmp }, tmp);
      expect(files.findings.map((f) => f.where.replace(tmp, ''))).toEqual(['/paper.pdf', '/app.log:2', '/app.log:3']);
    } finally {
      // Dropped, or the scan at the end of the run would (rightly) fail on it.
      await withClient(testServerUrl(), (c) => c.query(`DROP DATABASE ${new URL(url).pathname.slice(1)}`));
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
