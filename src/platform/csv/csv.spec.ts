import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, csvRecords, decodeText, parseCsvText, readCsv } from './csv';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/rolls', name));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function refusal(bytes: Buffer): CsvError {
  try {
    readCsv(bytes);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('the file was read');
}

describe('readCsv', () => {
  it('reads quoted fields holding commas, quotes and line breaks', () => {
    expect(readCsv(utf8('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops the BOM Excel writes and keeps Hindi text intact', () => {
    expect(readCsv(utf8('\uFEFFname_hi\nराम कुमार')).rows).toEqual([['name_hi'], ['राम कुमार']]);
  });

  it('uses semicolons when the header line is separated by them', () => {
    expect(readCsv(utf8('a;b\n1,5;2')).rows).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('keeps empty trailing fields so columns stay aligned', () => {
    expect(readCsv(utf8('a,b,c\n1,,\n')).rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('keeps an empty line as an empty row, so row numbers stay those Excel shows', () => {
    expect(readCsv(utf8('a,b\n1,2\n\n3,4\n')).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      [''],
      ['3', '4'],
    ]);
  });

  it('keeps a stray quote inside a cell as typed', () => {
    expect(readCsv(utf8('a,b\n1,5\'10"\n')).rows).toEqual([
      ['a', 'b'],
      ['1', '5\'10"'],
    ]);
  });

  it('refuses a file that ends inside an open quote', () => {
    expect(() => readCsv(utf8('a\n"open'))).toThrow(CsvError);
  });
});

describe('readCsv on files as Excel writes them', () => {
  it('reads "CSV UTF-8 (Comma delimited)": BOM, commas, CRLF, a quoted comma', () => {
    const table = readCsv(fixture('utf8-bom.csv'));
    expect(table).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: ',' });
    expect(table.rows[0]![0]).toBe('Belt No');
    expect(table.rows[1]!.slice(0, 3)).toEqual(['BPL-20041', 'José Fernandes', 'जोस फर्नांडिस']);
    expect(table.rows[2]![1]).toBe('Verma, Anil');
    expect(table.rows).toHaveLength(3);
  });

  it('reads "Unicode Text": UTF-16 LE with its BOM, separated by tabs', () => {
    const table = readCsv(fixture('unicode-text-utf16le.txt'));
    expect(table).toMatchObject({ encoding: 'UTF-16LE', delimiter: '\t' });
    expect(table.rows[0]![0]).toBe('Belt No');
    expect(table.rows[1]!.slice(0, 4)).toEqual([
      'BPL-20021',
      'José Fernandes',
      'जोस फर्नांडिस',
      'Havaldar',
    ]);
    expect(table.rows[2]![3]).toBe('हवलदार');
  });

  it('reads UTF-16 BE with its BOM', () => {
    const table = readCsv(fixture('utf16be.txt'));
    expect(table).toMatchObject({ encoding: 'UTF-16BE', delimiter: '\t' });
    expect(table.rows[1]!.slice(0, 3)).toEqual(['BPL-20031', 'Gita Bai', 'गीता बाई']);
  });

  it('refuses Windows-1252 ("CSV (Comma delimited)") and says how to save the file', () => {
    const e = refusal(fixture('windows-1252.csv'));
    expect(e.message).toContain('not UTF-8');
    expect(e.message).toContain('line 2');
    expect(e.message).toContain('CSV UTF-8 (Comma delimited)');
    expect(e.message).not.toContain('\uFFFD');
  });

  it('refuses a cell that already holds U+FFFD, naming its row', () => {
    const e = refusal(fixture('replacement-character.csv'));
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/^row 3 holds the character/);
    expect(e.message).toContain('CSV UTF-8 (Comma delimited)');
  });

  it('names the row where an unclosed quote opens, not the end of the file', () => {
    const e = refusal(fixture('unclosed-quote.csv'));
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/^row 3 \(line 3\) opens a quoted cell/);
  });

  it('counts a quoted cell over two lines as one row when placing an unclosed quote', () => {
    const e = refusal(utf8('a,b\n1,"two\nlines"\n2,x\n"open,3\n4,5\n'));
    expect([e.row, e.message.slice(0, 16)]).toEqual([4, 'row 4 (line 5) o']);
  });

  it('refuses UTF-16 without its BOM (NUL bytes) and an old .xls workbook', () => {
    expect(refusal(Buffer.from('a,b\r\n1,2\r\n', 'utf16le')).message).toContain('byte-order mark');
    expect(
      refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).message,
    ).toContain('.xls');
  });

  it('refuses a UTF-16 file broken further on (a lone surrogate)', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('a,b\r\n', 'utf16le'),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ]);
    expect(refusal(bytes).message).toContain('UTF-16LE');
  });

  it('reads plain ASCII and UTF-8 without a BOM', () => {
    expect(decodeText(utf8('a,b'))).toEqual({ text: 'a,b', encoding: 'UTF-8' });
    expect(decodeText(utf8('नाम'))).toEqual({ text: 'नाम', encoding: 'UTF-8' });
  });
});

describe('csvRecords', () => {
  it('keys each row by the header and skips empty rows', () => {
    expect(csvRecords(parseCsvText('zone,thana_en\nZone-1,"TT Nagar"\n\nZone-2\n'))).toEqual([
      { zone: 'Zone-1', thana_en: 'TT Nagar' },
      { zone: 'Zone-2', thana_en: '' },
    ]);
  });
});
