// Reading the CSV files people upload and the ones we ship: one parser (csv-parse) and one
// encoding check for the officer roll, the unit tree and the demo's data files.
//
// A file is read only when it can be read faithfully. Excel writes UTF-8 with a BOM ("CSV UTF-8
// (Comma delimited)"), UTF-16 LE with a BOM and tabs ("Unicode Text"), and by default the
// Windows ANSI code page ("CSV (Comma delimited)"), in which Hindi is already lost as "?" and
// "é" is a byte that is not UTF-8. The last is refused with the way to save the file properly,
// never guessed at, and no U+FFFD replacement character ever comes out of here.
import { parse } from 'csv-parse/sync';

/** What to tell someone whose file is not in an encoding we can read faithfully. */
export const SAVE_AS_CSV_UTF8 =
  'In Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file';

export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE';

export interface CsvTable {
  /** Every record, the header first; `rows[i]` is row `i + 1` as a spreadsheet numbers it. */
  rows: string[][];
  encoding: CsvEncoding;
  delimiter: ',' | ';' | '\t';
}

/** A file that cannot be read faithfully; the message says why and, where it helps, which row. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    message: string,
    /** The row (as a spreadsheet numbers it) where the problem is, when there is one. */
    readonly row?: number,
  ) {
    super(message);
  }
}

const REPLACEMENT = '\uFFFD';

/** Decodes and parses an uploaded CSV (or Excel "Unicode Text") file. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const rows = parseCsvText(text, delimiter);
  const lost = findReplacementCharacter(rows);
  if (lost)
    throw new CsvError(
      `row ${lost.row} holds the character "�" (U+FFFD), left where a letter was lost when the file went through a wrong encoding; retype that cell. ${SAVE_AS_CSV_UTF8}`,
      lost.row,
    );
  return { rows, encoding, delimiter };
}

/**
 * The text of a file: UTF-8 (with or without a BOM) or UTF-16 with its BOM. Anything else is
 * refused rather than guessed.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    throw new CsvError(
      `this is an old Excel 97–2003 workbook (.xls), not a CSV file. ${SAVE_AS_CSV_UTF8}, or as an .xlsx workbook where that is accepted`,
    );
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: strict('utf-16le', b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: strict('utf-16be', b.subarray(2)), encoding: 'UTF-16BE' };
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // The lossy decoding keeps the line breaks, so the first replacement shows the line.
    const lossy = new TextDecoder('utf-8').decode(body);
    const line = lossy.slice(0, lossy.indexOf(REPLACEMENT)).split('\n').length;
    throw new CsvError(
      `the file is not UTF-8 text (the first character that is not is on line ${line}): it was most likely saved as "CSV (Comma delimited)" in Windows' ANSI encoding, which turns Hindi into "?" and garbles letters such as "é". ${SAVE_AS_CSV_UTF8}`,
    );
  }
  if (text.includes('\u0000'))
    throw new CsvError(
      `the file holds NUL characters: it looks like UTF-16 text without its byte-order mark. ${SAVE_AS_CSV_UTF8}`,
    );
  return { text, encoding: bom ? 'UTF-8 with BOM' : 'UTF-8' };
}

function strict(encoding: 'utf-16le' | 'utf-16be', bytes: Buffer): string {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.includes(REPLACEMENT)) throw new Error('replacement character');
    return text;
  } catch {
    throw new CsvError(
      `the file starts as ${encoding.toUpperCase()} text (Excel's "Unicode Text") but is broken further on. ${SAVE_AS_CSV_UTF8}`,
    );
  }
}

/** Comma, or the separator the header line uses more: ';' (Excel in some locales) or tab. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const src = text.replace(/^\uFEFF/, '');
  const end = src.search(/\r?\n|\r|$/);
  const header = src.slice(0, end).replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  const counts: Array<[CsvTable['delimiter'], number]> = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * RFC 4180 records from text: quoted fields may hold the separator, quotes ("") and line
 * breaks; rows may be shorter than the header; a stray quote inside a field is kept as typed.
 * A quote that is never closed is refused, naming the row where it opens.
 */
export function parseCsvText(
  text: string,
  delimiter: CsvTable['delimiter'] = detectDelimiter(text),
): string[][] {
  // Each record's last line, so an unclosed quote can be placed after the last whole record.
  const ends: number[] = [];
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], { lines }: { lines: number }) => {
        ends.push(lines);
        return record;
      },
    }) as string[][];
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const row = ends.length + 1;
      const line = (ends[ends.length - 1] ?? 0) + 1;
      throw new CsvError(
        `row ${row} (line ${line}) opens a quoted cell with " that is never closed, so the rest of the file would run into that cell; close the quote or remove it`,
        row,
      );
    }
    throw new CsvError(
      `the file is not well-formed CSV (after row ${ends.length}): ${err.message ?? String(e)}`,
      ends.length + 1,
    );
  }
}

/** The first cell holding U+FFFD (a letter lost to a wrong encoding), as row and column numbers from 1. */
export function findReplacementCharacter(
  rows: readonly (readonly string[])[],
): { row: number; column: number } | null {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r]!.findIndex((cell) => cell.includes(REPLACEMENT));
    if (c >= 0) return { row: r + 1, column: c + 1 };
  }
  return null;
}

/**
 * Whether a name shows letters lost to an 8-bit code page: Excel's ANSI save writes "?" for
 * every Devanagari letter, and the file is then valid (if empty-headed) UTF-8. No Hindi name
 * and no person's name is spelt with "?".
 */
export function lostToQuestionMarks(text: string): boolean {
  return text.includes('?') || text.includes(REPLACEMENT);
}

/** The rows after the header as objects keyed by the header's cells (missing cells are ''). */
export function csvRecords(rows: readonly (readonly string[])[]): Array<Record<string, string>> {
  const [header = [], ...body] = rows;
  return body
    .filter((cells) => cells.some((c) => c.trim() !== ''))
    .map((cells) => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i] ?? ''])));
}
