import { lostToQuestionMarks, SAVE_AS_CSV_UTF8 } from '../../../platform/csv';
import { containsAadhaarNumber } from '../../../platform/http';
import { BELT_NO, Gender, normaliseBeltNo, normaliseMobile, parseGender } from '../officer-fields';
import { Rank } from '../../../platform/ranks';
import { parseRank } from '../ranks-parse';
import { parseSkills, Skill, unknownSkillMessage } from '../skills';
import { ImportColumn, SheetRow } from './sheet';

export interface OfficerRow {
  row: number;
  beltNo: string;
  nameEn: string;
  nameHi: string;
  rank: Rank;
  gender: Gender;
  unitId: string;
  homeUnitId: string | null;
  mobile: string | null;
  skills: Skill[];
}

export interface RowProblem {
  column: ImportColumn;
  message: string;
}

export interface RowReport {
  row: number;
  beltNo: string | null;
  errors: RowProblem[];
}

export interface RowContext {
  /** Unit code → id, for the units the importing user may add officers to. */
  unitsInScope: ReadonlyMap<string, string>;
  /** Every unit code → id (a home thana may be anywhere). */
  allUnits: ReadonlyMap<string, string>;
  /** Normalised belt numbers already on the roll. */
  existingBeltNos: ReadonlySet<string>;
  /** Codes of retired units: no officer is posted to one any more. */
  retiredUnits?: ReadonlySet<string>;
}

/**
 * Checks every row and reports every problem of every row, so the person fixing the sheet
 * sees them all at once rather than one per upload.
 */
export function checkOfficerRows(
  rows: readonly SheetRow[],
  ctx: RowContext,
): { good: OfficerRow[]; bad: RowReport[] } {
  const rowsByBelt = new Map<string, number[]>();
  for (const r of rows) {
    const belt = normaliseBeltNo(r.cells.beltNo ?? '');
    if (belt) rowsByBelt.set(belt, [...(rowsByBelt.get(belt) ?? []), r.row]);
  }
  const good: OfficerRow[] = [];
  const bad: RowReport[] = [];
  for (const r of rows) {
    const { officer, errors } = checkRow(r, ctx);
    const belt = normaliseBeltNo(r.cells.beltNo ?? '');
    const twins = (rowsByBelt.get(belt) ?? []).filter((n) => n !== r.row);
    // Both copies are refused: nothing says which of the two rows is the right one.
    if (belt && twins.length > 0)
      errors.push({
        column: 'beltNo',
        message: `duplicate belt number ${belt} in the file (also on row ${twins.join(', ')})`,
      });
    if (errors.length > 0 || !officer) bad.push({ row: r.row, beltNo: belt || null, errors });
    else good.push(officer);
  }
  return { good, bad };
}

function checkRow(
  r: SheetRow,
  ctx: RowContext,
): { officer: OfficerRow | null; errors: RowProblem[] } {
  const c = r.cells;
  const errors: RowProblem[] = [];
  const fail = (column: ImportColumn, message: string) => errors.push({ column, message });

  const beltNo = normaliseBeltNo(c.beltNo ?? '');
  if (!beltNo) fail('beltNo', 'belt number is required');
  else if (!BELT_NO.test(beltNo))
    fail('beltNo', `belt number "${c.beltNo}" must be 2–30 letters, digits, "-" or "/"`);
  else if (ctx.existingBeltNos.has(beltNo))
    fail('beltNo', `belt number ${beltNo} is already on the roll`);

  const nameEn = checkName(c.nameEn, 'nameEn', 'English name', fail);
  const nameHi = checkName(c.nameHi, 'nameHi', 'Hindi name', fail);
  const rank = parseRank(c.rank ?? '');
  if ('error' in rank) fail('rank', rank.error);
  const gender = parseGender(c.gender ?? '');
  if (!gender)
    fail('gender', `gender "${c.gender ?? ''}" must be M, F or X (Male/Female, पुरुष/महिला)`);

  const unitCode = (c.unit ?? '').toUpperCase();
  const unitId = ctx.unitsInScope.get(unitCode) ?? null;
  if (!unitCode) fail('unit', 'unit (thana code) is required');
  else if (ctx.retiredUnits?.has(unitCode))
    fail('unit', `unit ${unitCode} is retired; no officer can be posted to it`);
  else if (!unitId)
    fail(
      'unit',
      ctx.allUnits.has(unitCode)
        ? `unit ${unitCode} is outside your unit`
        : `unknown unit code "${c.unit}"`,
    );
  const homeCode = (c.homeUnit ?? '').toUpperCase();
  const homeUnitId = homeCode ? (ctx.allUnits.get(homeCode) ?? null) : null;
  if (homeCode && !homeUnitId) fail('homeUnit', `unknown home unit code "${c.homeUnit}"`);

  const mobile = c.mobile ? normaliseMobile(c.mobile) : null;
  if (c.mobile && !mobile)
    fail(
      'mobile',
      `malformed mobile number "${c.mobile}": must be a 10-digit Indian mobile number starting with 6-9`,
    );
  const skills = parseSkills(c.skills ?? '');
  for (const u of skills.unknown) fail('skills', unknownSkillMessage(u));

  if (errors.length > 0 || 'error' in rank || !gender || !unitId) return { officer: null, errors };
  return {
    officer: {
      row: r.row,
      beltNo,
      nameEn,
      nameHi,
      rank: rank.rank,
      gender,
      unitId,
      homeUnitId,
      mobile,
      skills: skills.skills,
    },
    errors,
  };
}

function checkName(
  value: string | undefined,
  column: ImportColumn,
  label: string,
  fail: (c: ImportColumn, m: string) => void,
): string {
  const name = (value ?? '').replace(/\s+/g, ' ').trim();
  if (name.length < 2) fail(column, `${label} is required`);
  else if (name.length > 120) fail(column, `${label} is longer than 120 characters`);
  else if (containsAadhaarNumber(name))
    fail(column, `${label} holds what looks like an Aadhaar number`);
  else if (lostToQuestionMarks(name))
    fail(
      column,
      `${label} "${name}" has "?" where letters were lost: the file was saved in an encoding that cannot hold Hindi (Excel's "CSV (Comma delimited)"). ${SAVE_AS_CSV_UTF8}`,
    );
  return name;
}
