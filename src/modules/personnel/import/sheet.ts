import ExcelJS from 'exceljs';
import { CsvError, findReplacementCharacter, readCsv } from '../../../platform/csv';

/** The officer fields an import file may carry, in the order a template lists them. */
export const IMPORT_COLUMNS = [
  'beltNo',
  'nameEn',
  'nameHi',
  'rank',
  'gender',
  'unit',
  'homeUnit',
  'mobile',
  'skills',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'beltNo',
  'nameEn',
  'nameHi',
  'rank',
  'gender',
  'unit',
];

/** Header spellings seen in thana sheets, after `headerKey` (lower case, no spaces or punctuation). */
const HEADERS: Record<string, ImportColumn> = {
  beltno: 'beltNo',
  belt: 'beltNo',
  beltnumber: 'beltNo',
  serviceno: 'beltNo',
  servicenumber: 'beltNo',
  बेल्टनं: 'beltNo',
  बेल्टनंबर: 'beltNo',
  nameen: 'nameEn',
  name: 'nameEn',
  nameenglish: 'nameEn',
  englishname: 'nameEn',
  namehi: 'nameHi',
  namehindi: 'nameHi',
  hindiname: 'nameHi',
  नाम: 'nameHi',
  rank: 'rank',
  पद: 'rank',
  gender: 'gender',
  sex: 'gender',
  लिंग: 'gender',
  unit: 'unit',
  unitcode: 'unit',
  thana: 'unit',
  posting: 'unit',
  थाना: 'unit',
  homeunit: 'homeUnit',
  homethana: 'homeUnit',
  homeunitcode: 'homeUnit',
  गृहथाना: 'homeUnit',
  mobile: 'mobile',
  mobileno: 'mobile',
  mobilenumber: 'mobile',
  phone: 'mobile',
  मोबाइल: 'mobile',
  skills: 'skills',
  skill: 'skills',
  कौशल: 'skills',
};

export interface SheetRow {
  /** The line number a person sees in Excel (the header is row 1). */
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
}

export interface Sheet {
  rows: SheetRow[];
  missingColumns: ImportColumn[];
  unknownColumns: string[];
}

function headerKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.()/:]+/g, '');
}

/** XLSX files are ZIP archives; everything else is read as CSV (UTF-8, or UTF-16 with its BOM). */
export function isXlsx(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

export async function readSheet(bytes: Buffer): Promise<Sheet> {
  const grid = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes).rows;
  // A workbook's cells are Unicode already, but one may hold text pasted after it was garbled.
  const lost = findReplacementCharacter(grid);
  if (lost)
    throw new CsvError(
      `row ${lost.row} holds the character "�" (U+FFFD), left where a letter was lost to a wrong encoding; retype that cell`,
      lost.row,
    );
  const [header = [], ...body] = grid;
  const columns = header.map((h) => HEADERS[headerKey(h)] ?? null);
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: SheetRow = { row: i + 2, cells: {} };
    cells.forEach((value, c) => {
      const column = columns[c];
      if (column) row.cells[column] = value.trim();
    });
    rows.push(row);
  });
  return {
    rows,
    missingColumns: REQUIRED_COLUMNS.filter((c) => !columns.includes(c)),
    unknownColumns: header.filter((h, i) => h.trim() && !columns[i]),
  };
}

/** The first worksheet as strings, the way the cells look to the person who typed them. */
async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
