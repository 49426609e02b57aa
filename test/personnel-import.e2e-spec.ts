import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './support/test-app';

const HEADER = [
  'Belt No',
  'Name (English)',
  'Name (Hindi)',
  'Rank',
  'Gender',
  'Thana',
  'Home thana',
  'Mobile',
  'Skills',
];
/** Row 2 is good, rows 3–7 each carry one mistake people make, row 8 is good again. */
const ROWS: string[][] = [
  [
    'BPL-10001',
    'Ram Kumar',
    'राम कुमार',
    'Constable',
    'M',
    'TT_NAGAR',
    'KAMLA_NAGAR',
    '9876543210',
    'armed; driver',
  ],
  ['BPL-10002', 'Shyam Lal', 'श्याम लाल', 'CONSTABEL', 'M', 'TT_NAGAR', '', '9876543211', ''],
  ['BPL-10003', 'Sita Devi', 'सीता देवी', 'HC', 'F', 'TT_NAGAR', '', '98765', 'wireless'],
  ['BPL-10004', 'Gita Bai', 'गीता बाई', 'आरक्षक', 'महिला', 'TT_NAGAR', '', '+91 98765 43213', ''],
  ['BPL-10004', 'Mohan Das', 'मोहन दास', 'ASI', 'M', 'TT_NAGAR', '', '', ''],
  ['BPL-00001', 'Already There', 'पहले से', 'SI', 'M', 'TT_NAGAR', '', '', ''],
  ['BPL-10006', 'Ravi Shankar', 'रवि शंकर', 'TI', 'M', 'MP_NAGAR', '', '9876543216', 'traffic'],
];

function csv(rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(
    `\uFEFF${[HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`,
    'utf8',
  );
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Roll');
  sheet.addRow(HEADER);
  // Excel keeps mobile numbers as numbers; the import must read them back as text.
  for (const r of rows)
    sheet.addRow(r.map((v, i) => (i === 7 && /^\d{10}$/.test(v) ? Number(v) : v)));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing the roll from CSV and XLSX (e2e)', () => {
  let t: TestApp;
  let duty: string;
  const count = async () =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT count(*) FROM officer WHERE belt_no LIKE 'BPL-1000%'`)
      )[0].count,
    );

  beforeAll(async () => {
    t = await bootTestApp();
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    await t.app
      .get(DataSource)
      .query(
        `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id) SELECT 'BPL-00001', 'Old Hand', 'पुराने', 'SI', 'M', id FROM unit WHERE code = 'TT_NAGAR'`,
      );
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, name: string, confirm = false) =>
    t.http
      .post(`/api/v1/officers/import${confirm ? '?confirmPartial=true' : ''}`)
      .auth(duty, { type: 'bearer' })
      .attach('file', file, name);

  function expectReport(body: {
    rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
  }) {
    const byRow = new Map(
      body.rows.map((r) => [r.row, r.errors.map((e) => `${e.column}: ${e.message}`).join(' | ')]),
    );
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8]);
    expect(byRow.get(3)).toMatch(/rank: unknown rank "CONSTABEL" \(did you mean "CONSTABLE"\?\)/);
    expect(byRow.get(4)).toMatch(/mobile: malformed mobile number "98765"/);
    expect(byRow.get(5)).toMatch(
      /beltNo: duplicate belt number BPL-10004 in the file \(also on row 6\)/,
    );
    expect(byRow.get(6)).toMatch(/duplicate belt number BPL-10004 in the file \(also on row 5\)/);
    expect(byRow.get(7)).toMatch(/beltNo: belt number BPL-00001 is already on the roll/);
    expect(byRow.get(8)).toMatch(/unit: unit MP_NAGAR is outside your unit/);
  }

  it('reports every bad row of a CSV file and imports nothing', async () => {
    const res = await upload(csv(ROWS), 'roll.csv').expect(422);
    expect(res.body).toMatchObject({ total: 7, imported: 0, importable: 1, rejected: 6 });
    expectReport(res.body);
    expect(await count()).toBe(0);
  });

  it('reports every bad row of an XLSX workbook and imports nothing', async () => {
    const res = await upload(await xlsx(ROWS), 'roll.xlsx').expect(422);
    expect(res.body).toMatchObject({ total: 7, imported: 0, rejected: 6 });
    expectReport(res.body);
    expect(await count()).toBe(0);
  });

  it('imports only the good rows once the user confirms a partial import', async () => {
    const fixed = ROWS.map((r) =>
      r[0] === 'BPL-10004' && r[3] === 'ASI' ? ['BPL-10005', ...r.slice(1)] : r,
    );
    const res = await upload(await xlsx(fixed), 'roll.xlsx', true).expect(201);
    expect(res.body).toMatchObject({ total: 7, imported: 3, rejected: 4 });
    const rows = await t.app
      .get(DataSource)
      .query(
        `SELECT belt_no, rank, gender, mobile, skills FROM officer WHERE belt_no LIKE 'BPL-1000%' ORDER BY belt_no`,
      );
    expect(rows).toEqual([
      {
        belt_no: 'BPL-10001',
        rank: 'CONSTABLE',
        gender: 'M',
        mobile: '9876543210',
        skills: ['armed', 'driver'],
      },
      { belt_no: 'BPL-10004', rank: 'CONSTABLE', gender: 'F', mobile: '9876543213', skills: [] },
      { belt_no: 'BPL-10005', rank: 'ASI', gender: 'M', mobile: null, skills: [] },
    ]);
  });

  it('writes one audit row naming the officers a file created', async () => {
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT diff FROM audit_log WHERE action = 'officer.imported'`);
    expect(row.diff).toMatchObject({ file: 'roll.xlsx', imported: 3, skippedRows: 4 });
    expect(row.diff.officerIds).toHaveLength(3);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const res = await upload(Buffer.from('Belt No,Name\nBPL-1,X\n'), 'roll.csv').expect(400);
    expect(res.body.fields[0]).toMatchObject({ field: 'file' });
    expect(res.body.message).toContain('nameHi, rank, gender, unit');
  });

  it('refuses a request without a file', async () => {
    const res = await t.http
      .post('/api/v1/officers/import')
      .auth(duty, { type: 'bearer' })
      .field('x', 'y')
      .expect(400);
    expect(res.body.fields[0].field).toBe('file');
  });
});
