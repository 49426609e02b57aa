// Reading one row of a criminal-records index file: which column is which, and what a row
// must hold to be entered. Pure: the import service streams the file through it.
import { lostToQuestionMarks } from '../../../platform/csv';
import { findAadhaarNumbers } from '../../../platform/http';
import type { Birth } from '../matching/birth';
import { CriminalRecordRow, rowOf } from './indexed-record';

/** The columns of an index file, each with the headings police stations give it. */
export const RECORD_COLUMNS = {
  name: ['name', 'accused_name', 'accused', 'नाम', 'आरोपी', 'आरोपी_का_नाम'],
  relative: [
    'father_name',
    'fathers_name',
    'father_s_name',
    'father_or_husband_name',
    'father_husband_name',
    'relative',
    'relative_name',
    'पिता_का_नाम',
    'पिता_पति_का_नाम',
    'पिता_या_पति_का_नाम',
  ],
  dob: ['dob', 'date_of_birth', 'birth_date', 'जन्म_तिथि', 'जन्मतिथि'],
  age: ['age', 'आयु', 'उम्र'],
  age_on: ['age_on', 'age_as_on', 'age_date', 'आयु_दिनांक'],
  address: ['address', 'पता'],
  fir_ref: ['fir_ref', 'fir', 'fir_no', 'case_ref', 'case_no', 'crime_no', 'अपराध_क्रमांक', 'प्रकरण_क्रमांक'],
  police_station: ['police_station', 'thana', 'ps', 'थाना'],
  sections: ['sections', 'section', 'धारा', 'धाराएं', 'धाराएँ'],
} as const;

export type RecordColumn = keyof typeof RECORD_COLUMNS;

/** The longest value each column may hold, in characters. */
export const RECORD_COLUMN_LIMITS: Record<RecordColumn, number> = {
  name: 200,
  relative: 200,
  dob: 20,
  age: 10,
  age_on: 20,
  address: 500,
  fir_ref: 60,
  police_station: 100,
  sections: 300,
};

/** A heading as compared: lower case, spaces, dots, dashes, slashes and apostrophes as one "_". */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/'’()]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

export interface RecordSheetLayout {
  /** Column index of each known column found. */
  index: Partial<Record<RecordColumn, number>>;
  /** The heading as written in the file, by column index (for row errors). */
  headings: string[];
  missing: string[];
  ignored: string[];
  duplicated: string[];
}

/** Which column is which, from the header row. */
export function recordSheetLayout(header: readonly string[]): RecordSheetLayout {
  const byHeading = new Map<string, RecordColumn>();
  for (const [column, names] of Object.entries(RECORD_COLUMNS) as Array<[RecordColumn, readonly string[]]>)
    for (const n of names) byHeading.set(n, column);
  const index: Partial<Record<RecordColumn, number>> = {};
  const ignored: string[] = [];
  const duplicated: string[] = [];
  header.forEach((h, i) => {
    const column = byHeading.get(headingKey(h));
    if (!column) {
      if (h.trim()) ignored.push(h.trim());
      return;
    }
    if (index[column] !== undefined) duplicated.push(h.trim());
    else index[column] = i;
  });
  const missing: string[] = [];
  for (const c of ['name', 'fir_ref', 'police_station'] as const) if (index[c] === undefined) missing.push(c);
  if (index.dob === undefined && index.age === undefined) missing.push('dob or age');
  return { index, headings: header.map((h) => h.trim()), missing, ignored, duplicated };
}

/** A problem in one cell of the file: its row as a spreadsheet numbers it, and its column's heading. */
export interface RecordRowError {
  row: number;
  column: string;
  message: string;
}

export type CheckedRecordRow = { row: CriminalRecordRow; errors: null } | { row: null; errors: RecordRowError[] };

// Control characters: none in a cell, except line breaks in an address (Excel's Alt+Enter).
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_BREAKS = /[^\P{Cc}\r\n]/u;

/** yyyy-mm-dd of a date written yyyy-mm-dd, dd-mm-yyyy, dd/mm/yyyy or dd.mm.yyyy, or null. */
export function readIndexDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The year an FIR reference ends in ("112/2019"), which dates an age given without its date. */
function firYear(firRef: string): number | null {
  const m = /[/\-.](19\d{2}|20\d{2})\s*$/.exec(firRef);
  return m ? Number(m[1]) : null;
}

/**
 * One row of the file, checked: every cell free of control characters and of anything shaped
 * like a full Aadhaar number (valid check digit or not), within its length; a name with letters
 * to match on, an FIR reference and a police station; a date of birth, or an age with the date
 * it was recorded (`age_on`, else 1 July of the year the FIR reference ends in), neither in the
 * future. Every problem of the row is reported, each naming its column as the file heads it.
 */
export function checkRecordRow(
  layout: RecordSheetLayout,
  rowNo: number,
  cells: readonly string[],
  today: string,
): CheckedRecordRow {
  const errors: RecordRowError[] = [];
  const fail = (columnIndex: number | string, message: string) =>
    errors.push({
      row: rowNo,
      column: typeof columnIndex === 'number' ? layout.headings[columnIndex] || `column ${columnIndex + 1}` : columnIndex,
      message,
    });
  const columnOf = new Map<number, RecordColumn>();
  for (const [c, i] of Object.entries(layout.index) as Array<[RecordColumn, number]>) columnOf.set(i, c);

  // Every cell, the columns not imported too: nothing that may not be kept is let through unnoticed.
  cells.forEach((cell, i) => {
    const column = columnOf.get(i);
    if ((column === 'address' ? CONTROL_BUT_BREAKS : CONTROL).test(cell)) {
      const code = `U+${(/\p{Cc}/u.exec(cell)?.[0].charCodeAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      fail(i, `holds a control character (${code}); retype the cell`);
    }
    if (findAadhaarNumbers(cell, { anyChecksum: true }).length > 0)
      fail(i, 'holds a 12-digit number shaped like an Aadhaar number; the index must not keep one (only its last 4 digits may be kept)');
    if (column && cell.length > RECORD_COLUMN_LIMITS[column])
      fail(i, `is ${cell.length} characters long; at most ${RECORD_COLUMN_LIMITS[column]}`);
    else if (!column && cell.length > 1000) fail(i, `is ${cell.length} characters long; at most 1000`);
  });
  const value = (c: RecordColumn): string => {
    const i = layout.index[c];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const at = (c: RecordColumn) => layout.index[c] ?? c;

  const name = value('name');
  if (!name) fail(at('name'), 'is empty; every entry needs the name as written');
  else if (lostToQuestionMarks(name))
    fail(at('name'), 'holds "?" where letters were lost to the file\'s encoding; save the file as "CSV UTF-8" and upload it again');
  const firRef = value('fir_ref');
  if (!firRef) fail(at('fir_ref'), 'is empty; every entry needs its FIR or case reference');
  const policeStation = value('police_station');
  if (!policeStation) fail(at('police_station'), 'is empty; every entry needs its police station');

  let birth: Birth | null = null;
  const dobText = value('dob');
  const ageText = value('age');
  if (dobText) {
    const dob = readIndexDate(dobText);
    if (!dob) fail(at('dob'), 'is not a date; write it as dd-mm-yyyy (or yyyy-mm-dd)');
    else if (dob > today) fail(at('dob'), 'is in the future');
    else if (dob < '1900-01-01') fail(at('dob'), 'is before 1900');
    else birth = { dob };
  } else if (ageText) {
    const age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : NaN;
    if (!(age >= 0 && age <= 120)) fail(at('age'), 'is not an age in whole years from 0 to 120');
    const onText = value('age_on');
    let on: string | null = null;
    if (onText) {
      on = readIndexDate(onText);
      if (!on) fail(at('age_on'), 'is not a date; write it as dd-mm-yyyy (or yyyy-mm-dd)');
      else if (on > today) {
        fail(at('age_on'), 'is in the future');
        on = null;
      }
    } else {
      const year = firYear(firRef);
      if (year !== null) on = `${year}-07-01` > today ? today : `${year}-07-01`;
      else
        fail(
          at('age_on'),
          'is needed with an age: the date the age was recorded (or an FIR reference ending in its year, "112/2019")',
        );
    }
    if (on && age >= 0 && age <= 120) birth = { age, on };
  }
  if (errors.length > 0) return { row: null, errors };

  const row = rowOf({
    name,
    relative: value('relative') || null,
    birth,
    address: value('address') || null,
    firRef,
    policeStation,
    sections: value('sections') || null,
  });
  if (!row.nameKey) {
    fail(at('name'), 'has no letters to match on');
    return { row: null, errors };
  }
  return { row, errors: null };
}
