import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './support/test-app';

/** Roll files as Excel and other tools write them, byte for byte (test/fixtures/rolls/README.md). */
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'rolls', name));

describe('importing rolls in the encodings Excel writes (e2e)', () => {
  let t: TestApp;
  let duty: string;
  const officers = (prefix: string) =>
    t.app
      .get(DataSource)
      .query(
        `SELECT belt_no, name_en, name_hi, rank FROM officer WHERE belt_no LIKE $1 ORDER BY belt_no`,
        [`${prefix}%`],
      );

  beforeAll(async () => {
    t = await bootTestApp();
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, name: string) =>
    t.http
      .post('/api/v1/officers/import')
      .auth(duty, { type: 'bearer' })
      .attach('file', file, name);

  it('refuses a Windows-1252 ("CSV (Comma delimited)") file, saying how to save it, and imports nothing', async () => {
    const res = await upload(fixture('windows-1252.csv'), 'roll.csv').expect(400);
    expect(res.body.fields[0].field).toBe('file');
    expect(res.body.message).toContain('not UTF-8');
    expect(res.body.message).toContain('Save As → "CSV UTF-8 (Comma delimited) (*.csv)"');
    expect(JSON.stringify(res.body)).not.toContain('\uFFFD');
    expect(await officers('BPL-2000')).toEqual([]);
  });

  it('refuses rows whose Hindi names an ANSI save turned into "?", naming each row', async () => {
    const res = await upload(fixture('ansi-hindi-lost.csv'), 'roll.csv').expect(422);
    expect(res.body).toMatchObject({ total: 2, imported: 0, rejected: 2 });
    expect(
      res.body.rows.map((r: { row: number; errors: Array<{ column: string }> }) => [
        r.row,
        r.errors.map((e) => e.column),
      ]),
    ).toEqual([
      [2, ['nameHi']],
      [3, ['nameHi']],
    ]);
    expect(res.body.rows[0].errors[0].message).toContain('CSV UTF-8 (Comma delimited)');
    expect(await officers('BPL-2001')).toEqual([]);
  });

  it('imports Excel\'s "Unicode Text" (UTF-16 LE with BOM, tab-separated) with "José" and Hindi intact', async () => {
    const res = await upload(fixture('unicode-text-utf16le.txt'), 'roll.txt').expect(201);
    expect(res.body).toMatchObject({ total: 2, imported: 2, rejected: 0 });
    expect(await officers('BPL-2002')).toEqual([
      {
        belt_no: 'BPL-20021',
        name_en: 'José Fernandes',
        name_hi: 'जोस फर्नांडिस',
        rank: 'HEAD_CONSTABLE',
      },
      { belt_no: 'BPL-20022', name_en: 'Sita Devi', name_hi: 'सीता देवी', rank: 'HEAD_CONSTABLE' },
    ]);
  });

  it('imports UTF-16 BE with its BOM', async () => {
    await upload(fixture('utf16be.txt'), 'roll.txt').expect(201);
    expect(await officers('BPL-2003')).toEqual([
      { belt_no: 'BPL-20031', name_en: 'Gita Bai', name_hi: 'गीता बाई', rank: 'CONSTABLE' },
    ]);
  });

  it('imports "CSV UTF-8 (Comma delimited)" with its BOM and a quoted comma', async () => {
    await upload(fixture('utf8-bom.csv'), 'roll.csv').expect(201);
    expect(await officers('BPL-2004')).toEqual([
      { belt_no: 'BPL-20041', name_en: 'José Fernandes', name_hi: 'जोस फर्नांडिस', rank: 'ASI' },
      { belt_no: 'BPL-20042', name_en: 'Verma, Anil', name_hi: 'अनिल वर्मा', rank: 'CONSTABLE' },
    ]);
  });

  it('names the row where an unclosed quote opens, and imports nothing', async () => {
    const res = await upload(fixture('unclosed-quote.csv'), 'roll.csv').expect(400);
    expect(res.body.message).toMatch(
      /^the file cannot be read: row 3 \(line 3\) opens a quoted cell/,
    );
    expect(await officers('BPL-2005')).toEqual([]);
  });

  it('refuses a CSV that already holds U+FFFD, naming the row', async () => {
    const res = await upload(fixture('replacement-character.csv'), 'roll.csv').expect(400);
    expect(res.body.message).toMatch(/^the file cannot be read: row 3 holds the character/);
    expect(await officers('BPL-2006')).toEqual([]);
  });

  it('refuses a workbook cell holding U+FFFD, naming the row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roll');
    sheet.addRow(['Belt No', 'Name (English)', 'Name (Hindi)', 'Rank', 'Gender', 'Thana']);
    sheet.addRow(['BPL-20071', 'Ram Kumar', 'राम कुमार', 'Constable', 'M', 'TT_NAGAR']);
    sheet.addRow(['BPL-20072', 'Jos\uFFFD', 'जोस', 'Constable', 'M', 'TT_NAGAR']);
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'roll.xlsx').expect(400);
    expect(res.body.message).toMatch(/row 3 holds the character/);
    expect(await officers('BPL-2007')).toEqual([]);
  });

  it('never put a replacement character or a lost letter on the roll', async () => {
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM officer WHERE name_en || name_hi ~ '[?\uFFFD]'`);
    expect(row.n).toBe(0);
  });
});
