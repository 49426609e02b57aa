import { CsvError, readCsv } from './csv';
import { CsvRow, streamCsv } from './csv-stream';

/** The bytes in chunks of `size`, as a file arrives: multi-byte letters split between chunks. */
async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rowsOf(bytes: Buffer, size = 7, maxRecordChars?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const r of streamCsv(inChunks(bytes, size), { maxRecordChars })) out.push(r);
  return out;
}

async function refusal(bytes: Buffer, size = 5, maxRecordChars?: number): Promise<CsvError> {
  try {
    await rowsOf(bytes, size, maxRecordChars);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('a CSV file read as it arrives', () => {
  const text = 'name;fir_ref;address\r\nराजेश कुमार;112/2019;"मकान नं. 12; अशोका\r\nगार्डन"\r\nMohd. Irfan;7/2020;Jahangirabad\r\n';

  it('gives the rows readCsv gives, numbered as a spreadsheet numbers them, whatever the chunks', async () => {
    const whole = readCsv(Buffer.from(text)).rows;
    for (const size of [1, 2, 3, 5, 64, 10_000]) {
      const rows = await rowsOf(Buffer.from(text), size);
      expect(rows.map((r) => r.cells)).toEqual(whole);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    }
  });

  it('reads UTF-8 with a BOM and Excel\'s "Unicode Text" (UTF-16 with tabs) as readCsv does', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect((await rowsOf(bom, 3)).map((r) => r.cells)).toEqual(readCsv(bom).rows);
    const tabbed = utf16le('name\tfir_ref\r\nक्षितिज\t1/2021\r\n');
    expect((await rowsOf(tabbed, 3)).map((r) => r.cells)).toEqual([
      ['name', 'fir_ref'],
      ['क्षितिज', '1/2021'],
    ]);
  });

  it('refuses what readCsv refuses, saying how to save the file', async () => {
    expect((await refusal(Buffer.from('name\nJos\xe9\n', 'latin1'))).message).toMatch(/not UTF-8 text.*CSV UTF-8/);
    expect((await refusal(Buffer.from('PK\x03\x04rest', 'latin1'))).message).toMatch(/Excel workbook/);
    expect((await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).message).toMatch(/97–2003/);
    expect((await refusal(Buffer.from('n\u0000a\u0000m\u0000e\u0000\n\u0000'))).message).toMatch(/NUL/);
    const lost = await refusal(Buffer.from('name\nok\nRaj\uFFFDsh\n'));
    expect(lost.row).toBe(3);
  });

  it('names the row where a quote opens that never closes, and a record too long to be one', async () => {
    const unclosed = await refusal(Buffer.from('name,fir\na,1\n"b,2\nc,3\n'));
    expect(unclosed.row).toBe(3);
    expect(unclosed.message).toMatch(/never closed/);
    const long = await refusal(Buffer.from(`name,fir\na,1\n"${'x'.repeat(300)}\n`), 5, 100);
    expect(long.row).toBe(3);
  });

  it('reads an empty file as no rows', async () => {
    expect(await rowsOf(Buffer.alloc(0))).toEqual([]);
  });
});
