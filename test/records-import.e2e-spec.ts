import { DataSource } from 'typeorm';
import { CriminalRecordsIndex } from '../src/modules/verifications';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };
const BASE = '/api/v1/verifications/records-index/imports';
const HEADER = ['name', "father's name", 'dob', 'age', 'age_on', 'address', 'fir_ref', 'police_station', 'sections', 'remarks'];
// A number shaped like an Aadhaar number whose check digit fails: refused all the same.
const AADHAAR_SHAPED = '2345 6789 0123';

function csv(rows: string[][], header = HEADER): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** Row 2 onwards as a spreadsheet numbers them: three good rows (2, 3, 10) among rows with one mistake each. */
const ROWS: string[][] = [
  ['राजेश कुमार शर्मा', 'पुत्र रमेश चंद्र शर्मा', '', '35', '01-06-2019', 'मकान नं. 12, अशोका गार्डन, भोपाल', '112/2019', 'Ashoka Garden', 'IPC 379', ''],
  ['मो. इरफ़ान क़ुरैशी', 'वल्द मोहम्मद सलीम क़ुरैशी', '15/06/1990', '', '', 'Jahangirabad', '77/2018', 'Jahangirabad', 'NDPS 8/20', ''],
  ['Suresh Yadav', 'S/o Ram Yadav', '31-02-1990', '', '', '', '12/2020', 'Kolar Road', 'IPC 323', ''],
  ['Ram\u0007 Lal', 'S/o Shyam Lal', '1980-01-01', '', '', '', '13/2020', 'Kolar Road', 'IPC 323', ''],
  ['Anil Verma', 'S/o Sunil Verma', '1985-05-05', '', '', `H.No. 4, ${AADHAAR_SHAPED}`, '14/2020', 'Habibganj', 'IPC 420', ''],
  ['Sunil Ahirwar', 'S/o Kallu Ahirwar', '1987-07-07', '', '', '', '15/2020', 'Habibganj', 'IPC 420', `aadhaar ${AADHAAR_SHAPED}`],
  ['Kamal Nath', 'S/o Ram Nath', '1979-09-09', '', '', '', '16/2020', 'Habibganj', 'IPC 379, '.repeat(40), ''],
  ['Vijay Singh', 'S/o Ajay Singh', '1990-10-10', '', '', '', '', '', 'IPC 379', ''],
  ['क्षितिज पटेल', 'पुत्र मांगीलाल पटेल', '', '28', '', 'करोंद, भोपाल', '45/2020', 'Nishatpura', 'IPC 457, 380', ''],
  ['राजेश कुमार शर्मा', 'पुत्र रमेश चंद्र शर्मा', '', '35', '01-06-2019', '', '112 / 2019', 'ashoka garden', 'IPC 379', ''],
  ['Old Man', 'S/o Older Man', '', '150', '01-01-2020', '', '17/2020', 'Habibganj', 'IPC 379', ''],
];

interface ImportView {
  id: string;
  status: string;
  totalRows: number;
  goodRows: number;
  badRows: number;
  appliedRows: number | null;
  ignoredColumns: string[];
  allowedActions: string[];
  errors: Array<{ row: number; column: string; message: string }>;
  sample?: Array<{ row: number; name: string; nameKey: string; firRef: string; age: { years: number; on: string } | null }>;
  previewedBy: { username: string };
  decidedBy: { username: string } | null;
  expiresAt: string;
}

describe('importing the criminal-records index: preview, confirm, history (e2e)', () => {
  const clock = fixedClock('2026-12-01T06:00:00Z');
  let t: TestApp;
  let owner: DataSource;
  let admin: string;
  let otherAdmin: string;

  const upload = (token: string, file: Buffer, name = 'index.csv') =>
    t.http.post(BASE).auth(token, bearer).attach('file', file, { filename: name, contentType: 'text/csv' });
  const preview = async (token: string, file: Buffer, name?: string) => {
    const res = await upload(token, file, name);
    expect({ status: res.status, body: res.status === 201 ? 'preview' : res.body }).toEqual({ status: 201, body: 'preview' });
    return res.body as ImportView;
  };
  const act = (token: string, id: string, action: 'confirm' | 'discard') => t.http.post(`${BASE}/${id}/${action}`).auth(token, bearer);
  const entries = async (): Promise<Array<{ fir_ref: string; import_batch_id: string; name_key: string }>> =>
    owner.query(`SELECT fir_ref, import_batch_id, name_key FROM criminal_record ORDER BY fir_ref`);
  const staged = async (id: string) =>
    Number((await owner.query(`SELECT count(*) AS n FROM criminal_record_staged WHERE import_id = $1`, [id]))[0].n);

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    owner = new DataSource({ type: 'postgres', url: t.databaseUrl });
    await owner.initialize();
    admin = await t.tokenFor(['ADMIN']);
    otherAdmin = await t.tokenFor(['ADMIN'], 'ZONE_1');
  });

  afterAll(async () => {
    await owner?.destroy();
    await t?.close();
  });

  let first: ImportView;

  it('previews a file row by row, naming each bad cell by row and column, and enters nothing', async () => {
    first = await preview(admin, csv(ROWS));
    expect(first).toMatchObject({ status: 'PREVIEWED', totalRows: 11, goodRows: 3, badRows: 8, ignoredColumns: ['remarks'] });
    expect(first.allowedActions).toEqual(['confirm', 'discard']);
    expect(first.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'dob'],
      [5, 'name'],
      [6, 'address'],
      [7, 'remarks'],
      [8, 'sections'],
      [9, 'fir_ref'],
      [9, 'police_station'],
      [11, 'name'],
      [12, 'age'],
    ]);
    expect(first.errors.find((e) => e.row === 6)!.message).toMatch(/shaped like an Aadhaar number/);
    expect(first.errors.find((e) => e.row === 11)!.message).toMatch(/repeats row 2/);
    // No value of the file is echoed in an error.
    expect(JSON.stringify(first.errors)).not.toMatch(/2345|Ram\\u0007|Anil/);
    expect(first.sample!.map((s) => [s.row, s.nameKey, s.firRef])).toEqual([
      [2, 'rajes kumar sarma', '112/2019'],
      [3, 'mohamad irfan kuresi', '77/2018'],
      [10, 'ksitij patel', '45/2020'],
    ]);
    // An age without its date is dated by the FIR's year.
    expect(first.sample![2]!.age).toEqual({ years: 28, on: '2020-07-01' });
    expect(await entries()).toEqual([]);
    expect(await staged(first.id)).toBe(3);
  });

  it('lists the import in the history; another admin sees it but may not confirm it', async () => {
    const list = (await t.http.get(BASE).auth(otherAdmin, bearer).expect(200)).body as { total: number; items: ImportView[] };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: first.id, status: 'PREVIEWED', allowedActions: [], previewedBy: { username: 't_admin_bpl' } });
    expect(list.items[0]).not.toHaveProperty('errors');
    const refused = await act(otherAdmin, first.id, 'confirm').expect(409);
    expect(refused.body).toMatchObject({ state: 'PREVIEWED', action: 'confirm', allowed: [] });
    expect(refused.body.message).toMatch(/only the admin who previewed/);
    await act(otherAdmin, first.id, 'discard').expect(409);
    expect(await entries()).toEqual([]);
  });

  it('enters exactly the previewed rows on confirmation, under the import, and audits it', async () => {
    const confirmed = (await act(admin, first.id, 'confirm').expect(200)).body as ImportView;
    expect(confirmed).toMatchObject({ status: 'APPLIED', appliedRows: 3, allowedActions: [], decidedBy: { username: 't_admin_bpl' } });
    expect(await entries()).toEqual([
      { fir_ref: '112/2019', import_batch_id: first.id, name_key: 'rajes kumar sarma' },
      { fir_ref: '45/2020', import_batch_id: first.id, name_key: 'ksitij patel' },
      { fir_ref: '77/2018', import_batch_id: first.id, name_key: 'mohamad irfan kuresi' },
    ]);
    expect(await staged(first.id)).toBe(0);
    const audit = await owner.query(
      `SELECT action, diff FROM audit_log WHERE entity_type = 'criminal_record_import' AND entity_id = $1 ORDER BY id`,
      [first.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['criminal_records.import_previewed', 'criminal_records.imported']);
    expect(audit[1].diff).toMatchObject({ appliedRows: 3, skippedRows: 8 });
    expect(JSON.stringify(audit)).not.toMatch(/राजेश|Irfan|इरफ़ान/);
  });

  it('refuses to confirm it again', async () => {
    const again = await act(admin, first.id, 'confirm').expect(409);
    expect(again.body).toMatchObject({ state: 'APPLIED', action: 'confirm' });
    expect((await entries()).length).toBe(3);
  });

  it('finds an imported entry written in the other script and spelling', async () => {
    const index = t.app.get(CriminalRecordsIndex);
    const [rajesh] = await index.candidates({ name: 'Rajesh Kumar Sharma', relative: 'S/o Ramesh Chandra Sharma', birth: { dob: '1984-03-12' } }, 5);
    expect(rajesh!.record).toMatchObject({ firRef: '112/2019', name: 'राजेश कुमार शर्मा', importBatchId: first.id });
    const [irfan] = await index.candidates({ name: 'Mohammad Irfan Qureshi', birth: { dob: '1990-06-15' } }, 5);
    expect(irfan!.record.firRef).toBe('77/2018');
    expect(irfan!.band).toBe('STRONG');
    const [kshitij] = await index.candidates({ name: 'Xitij Patel', relative: 'S/o Mangilal Patel' }, 5);
    expect(kshitij!.record.firRef).toBe('45/2020');
  });

  it('previews the same file again with its entries refused as already in the index, and nothing to confirm', async () => {
    const again = await preview(admin, csv(ROWS));
    expect(again).toMatchObject({ totalRows: 11, goodRows: 0, badRows: 11, allowedActions: ['discard'] });
    expect(again.errors.filter((e) => /in the index already/.test(e.message)).map((e) => e.row)).toEqual([2, 3, 10]);
    await act(admin, again.id, 'confirm').expect(409);
    const discarded = (await act(admin, again.id, 'discard').expect(200)).body as ImportView;
    expect(discarded.status).toBe('DISCARDED');
  });

  it('refuses a preview confirmed after its hour, and says it expired', async () => {
    const late = await preview(admin, csv([['Mohan Lal', 'S/o Sohan Lal', '1970-01-01', '', '', '', '99/2021', 'Kolar Road', 'IPC 379', '']]));
    clock.set(new Date(new Date(late.expiresAt).getTime() - 1));
    expect((await t.http.get(`${BASE}/${late.id}`).auth(admin, bearer).expect(200)).body.status).toBe('PREVIEWED');
    clock.set(late.expiresAt);
    const refused = await act(admin, late.id, 'confirm').expect(409);
    expect(refused.body).toMatchObject({ state: 'EXPIRED', action: 'confirm', allowed: [] });
    expect((await t.http.get(`${BASE}/${late.id}`).auth(admin, bearer).expect(200)).body.status).toBe('EXPIRED');
    expect((await entries()).map((e) => e.fir_ref)).not.toContain('99/2021');
    // The next preview clears the staged rows of an expired one.
    await preview(admin, csv([['Mohan Lal', 'S/o Sohan Lal', '1970-01-01', '', '', '', '99/2021', 'Kolar Road', 'IPC 379', '']]));
    expect(await staged(late.id)).toBe(0);
  });

  it('refuses to confirm rows another import entered since the preview', async () => {
    const row = [['Gopal Das', 'S/o Hari Das', '1975-05-05', '', '', '', '501/2022', 'Shahpura', 'IPC 379', '']];
    const a = await preview(admin, csv(row));
    const b = await preview(otherAdmin, csv(row));
    await act(otherAdmin, b.id, 'confirm').expect(200);
    const refused = await act(admin, a.id, 'confirm').expect(409);
    expect(refused.body.message).toMatch(/entered into the index by another import since this preview/);
    expect((await entries()).filter((e) => e.fir_ref === '501/2022')).toHaveLength(1);
  });

  it('reads "in the future" by the IST day: a birth on 2 December is refused at 23:59 IST on the 1st, taken at 00:00', async () => {
    const born = [['Naya Bachcha', 'S/o Raju', '02-12-2026', '', '', '', '601/2026', 'Kolar Road', 'IPC 379', '']];
    clock.set('2026-12-01T18:29:00Z');
    const before = await preview(admin, csv(born));
    expect(before.errors).toEqual([{ row: 2, column: 'dob', message: 'is in the future' }]);
    clock.set('2026-12-01T18:30:00Z');
    const after = await preview(admin, csv(born));
    expect(after).toMatchObject({ goodRows: 1, badRows: 0 });
    // The hour of a preview is counted by the same clock.
    expect(after.expiresAt).toBe('2026-12-01T19:30:00.000Z');
  });

  it('refuses a file it cannot read, naming the file field and the row', async () => {
    const bad = async (file: Buffer | null, pattern: RegExp, status = 400) => {
      const req = file ? upload(admin, file) : t.http.post(BASE).auth(admin, bearer).field('x', 'y');
      const res = await req;
      expect({ status: res.status, field: res.body.fields?.[0]?.field }).toEqual({ status, field: 'file' });
      expect(res.body.message).toMatch(pattern);
    };
    await bad(csv([['a', 'b']], ['name', 'address']), /missing column\(s\) fir_ref, police_station, dob or age/);
    await bad(Buffer.from('name,fir_ref,police_station,dob\nJos\xe9,1/2020,Kolar,1980-01-01\n', 'latin1'), /not UTF-8/);
    await bad(Buffer.from('name,fir_ref,police_station,dob\nA,1/2020,Kolar,1980-01-01\n"B,2/2020,Kolar,1980-01-01\n'), /row 3 opens a quoted cell/);
    await bad(csv([]), /header but no rows/);
    await bad(null, /file/);
  });

  it('is for admins only', async () => {
    const verifier = await t.tokenFor(['VERIFIER']);
    await upload(verifier, csv(ROWS)).expect(403);
    await t.http.get(BASE).auth(verifier, bearer).expect(403);
    await act(verifier, first.id, 'confirm').expect(403);
  });
});
