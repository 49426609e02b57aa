import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/**
 * A CSV file as Excel opens it in Hindi and English alike: UTF-8 with a BOM, CRLF, every cell
 * quoted, and never a cell read as a formula (one led by =, +, -, @, a tab or a CR is prefixed
 * with an apostrophe, the OWASP advice for CSV injection).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    quoted: true,
    quoted_empty: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
