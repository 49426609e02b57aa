// The streaming twin of readCsv, for files too large to hold (a records index of a million
// rows): the same encodings refused the same way, the same separators, the same parser options,
// one record at a time, so memory does not grow with the file.
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvEncoding, CsvError, CsvTable, detectDelimiter, SAVE_AS_CSV_UTF8 } from './csv';

/** One record of a streamed file; `row` is its number as a spreadsheet shows it (the header is 1). */
export interface CsvRow {
  row: number;
  cells: string[];
}

export interface CsvStreamOptions {
  /** The longest record accepted, in characters: a stray quote must not swallow the file. */
  maxRecordChars?: number;
  /** Told the encoding and separator once they are known (before the first row). */
  onFormat?: (format: { encoding: CsvEncoding; delimiter: CsvTable['delimiter'] }) => void;
}

const REPLACEMENT = '\uFFFD';
const DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

/**
 * Reads an uploaded CSV (or Excel "Unicode Text") file as it arrives: UTF-8 with or without a
 * BOM, UTF-16 with its BOM; a workbook, another encoding, NUL characters or a cell holding
 * U+FFFD are refused with a `CsvError` naming the row where it can, as `readCsv` refuses them.
 */
export async function* streamCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvStreamOptions = {},
): AsyncGenerator<CsvRow> {
  const text = decodedText(chunks);
  // The header line decides the separator, as detectDelimiter does for a whole file.
  let head = '';
  let first = await text.next();
  while (!first.done) {
    head += first.value.text;
    if (/\r|\n/.test(head) || head.length > (options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS)) break;
    first = await text.next();
  }
  if (first.done && head === '') return;
  const encoding = first.done ? 'UTF-8' : first.value.encoding;
  const delimiter = detectDelimiter(head);
  options.onFormat?.({ encoding, delimiter });
  let parsed = 0;
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    info: true,
    // Counted as parsed, not as read: an error discards the records still buffered.
    on_record: (record: string[]) => {
      parsed++;
      return record;
    },
  });
  async function* rest(): AsyncGenerator<string> {
    yield head;
    for await (const part of text) yield part.text;
  }
  const source = Readable.from(rest(), { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  const failedAt = () => parsed + 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; lines: number } }>) {
      if (record.some((cell) => cell.includes(REPLACEMENT)))
        throw new CsvError(
          `row ${info.records} holds the character "�" (U+FFFD), left where a letter was lost when the file went through a wrong encoding; retype that cell. ${SAVE_AS_CSV_UTF8}`,
          info.records,
        );
      yield { row: info.records, cells: record };
    }
  } catch (e) {
    source.destroy();
    if (e instanceof CsvError) throw e;
    const err = e as { code?: string; message?: string };
    const row = failedAt();
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvError(
        `row ${row} opens a quoted cell with " that is never closed, so the rest of the file would run into that cell; close the quote or remove it`,
        row,
      );
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw new CsvError(
        `row ${row} is longer than ${options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS} characters: most likely a quote (") opens a cell that runs on into the rows after it; close the quote or remove it`,
        row,
      );
    throw new CsvError(`the file is not well-formed CSV (after row ${row - 1}): ${err.message ?? String(e)}`, row);
  } finally {
    source.destroy();
  }
}

/** The file's text as it arrives, decoded strictly in the encoding its first bytes declare. */
async function* decodedText(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<{ text: string; encoding: CsvEncoding }> {
  let decoder: TextDecoder | null = null;
  let encoding: CsvEncoding = 'UTF-8';
  let pending = Buffer.alloc(0);
  let lines = 1;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new CsvError(
        encoding.startsWith('UTF-16')
          ? `the file starts as ${encoding} text (Excel's "Unicode Text") but is broken further on (near line ${lines}). ${SAVE_AS_CSV_UTF8}`
          : `the file is not UTF-8 text (the first character that is not is on line ${lines} or just after): it was most likely saved as "CSV (Comma delimited)" in Windows' ANSI encoding, which turns Hindi into "?" and garbles letters such as "é". ${SAVE_AS_CSV_UTF8}`,
      );
    }
  };
  const checked = (text: string): string => {
    if (encoding.startsWith('UTF-8') && text.includes('\u0000'))
      throw new CsvError(`the file holds NUL characters: it looks like UTF-16 text without its byte-order mark. ${SAVE_AS_CSV_UTF8}`);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    return text;
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      pending = Buffer.concat([pending, chunk]);
      if (pending.length < 4) continue;
      ({ decoder, encoding } = decoderFor(pending));
      const text = checked(decode(pending, true));
      if (text) yield { text, encoding };
      continue;
    }
    const text = checked(decode(chunk, true));
    if (text) yield { text, encoding };
  }
  if (!decoder) {
    if (pending.length === 0) return;
    ({ decoder, encoding } = decoderFor(pending));
    const text = checked(decode(pending, false));
    if (text) yield { text, encoding };
    return;
  }
  const tail = checked(decode(new Uint8Array(0), false));
  if (tail) yield { text: tail, encoding };
}

function decoderFor(b: Buffer): { decoder: TextDecoder; encoding: CsvEncoding } {
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    throw new CsvError(`this is an old Excel 97–2003 workbook (.xls), not a CSV file. ${SAVE_AS_CSV_UTF8}`);
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
    throw new CsvError(`this is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV_UTF8}`);
  // The decoders drop the byte-order mark themselves (ignoreBOM: false).
  if (b[0] === 0xff && b[1] === 0xfe) return { decoder: new TextDecoder('utf-16le', { fatal: true }), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { decoder: new TextDecoder('utf-16be', { fatal: true }), encoding: 'UTF-16BE' };
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  return { decoder: new TextDecoder('utf-8', { fatal: true }), encoding: bom ? 'UTF-8 with BOM' : 'UTF-8' };
}
