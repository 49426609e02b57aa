// The unit tree as a sheet: one row per thana with its zone (and, where there is one, its ACP
// circle), the way the commissionerate's lists are kept; `src/cli/demo/data/bhopal-units.csv`
// is such a file. Pure: from the rows and the units already there, which units to create,
// which to update, and every problem of every row.
import { lostToQuestionMarks, SAVE_AS_CSV_UTF8 } from '../csv';
import { CommissionerateBounds, coordinateProblem } from '../geo';
import { childPath, inUnitSubtree } from './subtree';
import { codeFromName, DEVANAGARI, UNIT_CODE, UNIT_KIND_WORDS } from './tree-rules';
import type { UnitKind } from './unit.entity';

export const UNIT_IMPORT_COLUMNS = [
  'zone',
  'zoneHi',
  'zoneCode',
  'circle',
  'circleHi',
  'circleCode',
  'thanaEn',
  'thanaHi',
  'thanaCode',
  'lat',
  'lng',
] as const;
export type UnitImportColumn = (typeof UNIT_IMPORT_COLUMNS)[number];
export const UNIT_IMPORT_REQUIRED: readonly UnitImportColumn[] = ['zone', 'thanaEn', 'thanaHi'];

/** Header spellings, compared after `headerKey` (lower case, no spaces or punctuation). */
const HEADERS: Record<string, UnitImportColumn> = {
  zone: 'zone',
  zoneen: 'zone',
  zonename: 'zone',
  zonehi: 'zoneHi',
  zonehindi: 'zoneHi',
  ज़ोन: 'zoneHi',
  जोन: 'zoneHi',
  zonecode: 'zoneCode',
  circle: 'circle',
  circleen: 'circle',
  acpcircle: 'circle',
  acp: 'circle',
  division: 'circle',
  circlehi: 'circleHi',
  circlehindi: 'circleHi',
  acpcirclehi: 'circleHi',
  circlecode: 'circleCode',
  acpcode: 'circleCode',
  thana: 'thanaEn',
  thanaen: 'thanaEn',
  thananame: 'thanaEn',
  thanaenglish: 'thanaEn',
  policestation: 'thanaEn',
  thanahi: 'thanaHi',
  thanahindi: 'thanaHi',
  थाना: 'thanaHi',
  thanacode: 'thanaCode',
  lat: 'lat',
  latitude: 'lat',
  lng: 'lng',
  lon: 'lng',
  long: 'lng',
  longitude: 'lng',
};

export function headerKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.()/:]+/g, '');
}
const HEADER_LOOKUP = new Map(Object.entries(HEADERS).map(([k, v]) => [headerKey(k), v]));

export interface UnitSheetRow {
  /** The row number a person sees in Excel (the header is row 1). */
  row: number;
  cells: Partial<Record<UnitImportColumn, string>>;
}

/** The rows under a header, by column; unknown columns (approx, source_url…) are left out. */
export function unitSheet(grid: readonly (readonly string[])[]): {
  rows: UnitSheetRow[];
  missingColumns: UnitImportColumn[];
} {
  const [header = [], ...body] = grid;
  const columns = header.map((h) => HEADER_LOOKUP.get(headerKey(h)) ?? null);
  const rows: UnitSheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: UnitSheetRow = { row: i + 2, cells: {} };
    cells.forEach((value, c) => {
      const column = columns[c];
      if (column) row.cells[column] = value.replace(/\s+/g, ' ').trim();
    });
    rows.push(row);
  });
  return { rows, missingColumns: UNIT_IMPORT_REQUIRED.filter((c) => !columns.includes(c)) };
}

/** A unit already in the tree, as the planner needs it. */
export interface TreeUnit {
  id: string;
  code: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentId: string | null;
  path: string;
  lat: number | null;
  lng: number | null;
  isActive: boolean;
}

export interface PlannedUnit {
  code: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentCode: string;
  lat: number | null;
  lng: number | null;
}

export type UnitChanges = Partial<Pick<TreeUnit, 'nameEn' | 'nameHi' | 'lat' | 'lng'>>;

export interface PlannedUpdate {
  id: string;
  code: string;
  changes: UnitChanges;
}

export interface UnitRowProblem {
  column: UnitImportColumn;
  message: string;
}

export interface UnitRowReport {
  row: number;
  /** The thana's code, when one could be made. */
  code: string | null;
  errors: UnitRowProblem[];
}

export interface UnitImportPlan {
  /** Rows that can be imported as they are. */
  goodRows: number[];
  bad: UnitRowReport[];
  /** Parents before children. */
  create: PlannedUnit[];
  update: PlannedUpdate[];
  /** Codes of units the good rows name that are already as the file says. */
  unchanged: string[];
}

type Level = 'zone' | 'circle' | 'thana';
const LEVEL_KIND: Record<Level, UnitKind> = { zone: 'ZONE', circle: 'DIVISION', thana: 'THANA' };
const COLUMNS: Record<
  Level,
  { name: UnitImportColumn; hi: UnitImportColumn; code: UnitImportColumn }
> = {
  zone: { name: 'zone', hi: 'zoneHi', code: 'zoneCode' },
  circle: { name: 'circle', hi: 'circleHi', code: 'circleCode' },
  thana: { name: 'thanaEn', hi: 'thanaHi', code: 'thanaCode' },
};
const CODE_PREFIX: Record<Level, string> = { zone: 'ZONE_', circle: 'ACP_', thana: '' };

/** One unit as one row describes it. */
interface Spec {
  level: Level;
  code: string;
  nameEn: string;
  /** Null when the row gives none (required only for a unit still to be created). */
  nameHi: string | null;
  /** Whether the file wrote the Hindi name (not made from "Zone-N"); only such a name updates a unit. */
  hiGiven: boolean;
  parentCode: string;
  lat: number | null;
  lng: number | null;
}

/** "Zone-1" is "ज़ोन-1" in every office; any other zone's Hindi name must be given. */
function zoneHindi(label: string): string | null {
  const m = /^zone[\s-]*(\d{1,2})$/i.exec(label);
  return m ? `ज़ोन-${Number(m[1])}` : null;
}

const same = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

export function planUnitImport(
  rows: readonly UnitSheetRow[],
  existing: readonly TreeUnit[],
  rootCode: string,
  /** Where a thana may be on the map (COMMISSIONERATE_BOUNDS); no check without. */
  bounds?: CommissionerateBounds,
): UnitImportPlan {
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const root = byCode.get(rootCode);
  if (!root) throw new Error(`the root unit ${rootCode} is missing`);

  // 1. Each row on its own: its zone, circle and thana, and what is wrong with the cells.
  const parsed = rows.map((r) => readRow(r, rootCode, bounds));

  // 2. The file against itself: one thana per row; a zone or circle named alike on every row.
  const firstSeen = new Map<string, { spec: Spec; row: number }>();
  const thanaRows = new Map<string, number[]>();
  for (const p of parsed) {
    if (p.thana) thanaRows.set(p.thana.code, [...(thanaRows.get(p.thana.code) ?? []), p.row]);
  }
  for (const p of parsed) {
    for (const spec of p.chain) {
      const seen = firstSeen.get(spec.code);
      if (!seen) {
        firstSeen.set(spec.code, { spec, row: p.row });
        continue;
      }
      if (seen.spec.level === 'thana' && spec.level === 'thana') continue; // duplicates, below
      const col = COLUMNS[spec.level];
      if (seen.spec.level !== spec.level)
        p.fail(
          col.code,
          `code ${spec.code} is a ${seenWord(seen.spec)} on row ${seen.row} and a ${UNIT_KIND_WORDS[LEVEL_KIND[spec.level]]} here`,
        );
      else if (seen.spec.parentCode !== spec.parentCode)
        p.fail(
          col.name,
          `${spec.code} is under ${seen.spec.parentCode} on row ${seen.row} but under ${spec.parentCode} here`,
        );
      else if (!same(seen.spec.nameEn, spec.nameEn))
        p.fail(
          col.name,
          `${spec.code} is named "${seen.spec.nameEn}" on row ${seen.row} but "${spec.nameEn}" here`,
        );
      else if (seen.spec.hiGiven && spec.hiGiven && !same(seen.spec.nameHi!, spec.nameHi!))
        p.fail(
          col.hi,
          `${spec.code} is named "${seen.spec.nameHi}" on row ${seen.row} but "${spec.nameHi}" here`,
        );
      else if (!seen.spec.hiGiven && spec.hiGiven)
        Object.assign(seen.spec, { nameHi: spec.nameHi, hiGiven: true });
    }
    if (p.thana) {
      const twins = (thanaRows.get(p.thana.code) ?? []).filter((n) => n !== p.row);
      // Both rows are refused: nothing says which of the two is right.
      if (twins.length > 0)
        p.fail(
          'thanaEn',
          `thana ${p.thana.code} is in the file more than once (also on row ${twins.join(', ')})`,
        );
    }
  }

  // 3. The file against the tree: where each unit is now, and what would change.
  const pathOf = (code: string): string | null => {
    const there = byCode.get(code);
    if (there) return there.path;
    const spec = firstSeen.get(code)?.spec;
    if (!spec) return null;
    const parent = pathOf(spec.parentCode);
    return parent === null ? null : childPath(parent, code);
  };
  const verdicts = new Map<string, { problems: UnitRowProblem[]; changes: UnitChanges | null }>();
  const judge = (spec: Spec) => {
    const known = verdicts.get(spec.code);
    if (known) return known;
    const col = COLUMNS[spec.level];
    const problems: UnitRowProblem[] = [];
    // The names as the whole file gives them (a later row may give what an earlier left out).
    const first = firstSeen.get(spec.code)!.spec;
    const unit = byCode.get(spec.code);
    const parentUnit = byCode.get(spec.parentCode);
    let changes: UnitChanges | null = null;
    if (parentUnit && !parentUnit.isActive)
      problems.push({
        column: col.name,
        message: `${spec.parentCode}, above ${spec.code}, is retired`,
      });
    if (!unit) {
      if (!first.nameHi)
        problems.push({
          column: col.hi,
          message:
            spec.level === 'zone'
              ? `the Hindi name of zone "${spec.nameEn}" is required to create it (add a zone_hi column; only names like "Zone-1" are written in Hindi for you)`
              : `the Hindi name of ${UNIT_KIND_WORDS[LEVEL_KIND[spec.level]]} "${spec.nameEn}" is required`,
        });
    } else if (unit.kind !== LEVEL_KIND[spec.level]) {
      problems.push({
        column: col.code,
        message: `${spec.code} is already a ${UNIT_KIND_WORDS[unit.kind]} (${unit.path}), not a ${UNIT_KIND_WORDS[LEVEL_KIND[spec.level]]}`,
      });
    } else if (!unit.isActive) {
      problems.push({
        column: col.name,
        message: `${spec.code} was retired; an import does not bring back a retired unit`,
      });
    } else {
      const parentPath = pathOf(spec.parentCode);
      const placed =
        spec.level === 'zone'
          ? unit.parentId === root.id
          : parentPath !== null && unit.path !== parentPath && inUnitSubtree(unit.path, parentPath);
      if (!placed)
        problems.push({
          column: col.name,
          message: `${spec.code} is at ${unit.path}, not under ${spec.parentCode} as the file says; move it first (POST /api/v1/units/{id}/move) or correct the file`,
        });
      changes = {};
      if (!same(unit.nameEn, spec.nameEn)) changes.nameEn = spec.nameEn;
      if (first.hiGiven && !same(unit.nameHi, first.nameHi!)) changes.nameHi = first.nameHi!;
      if (spec.lat !== null && spec.lat !== unit.lat) changes.lat = spec.lat;
      if (spec.lng !== null && spec.lng !== unit.lng) changes.lng = spec.lng;
    }
    const verdict = { problems, changes };
    verdicts.set(spec.code, verdict);
    return verdict;
  };
  for (const p of parsed)
    for (const spec of p.chain) for (const e of judge(spec).problems) p.fail(e.column, e.message);

  // 4. What the good rows add up to.
  const plan: UnitImportPlan = { goodRows: [], bad: [], create: [], update: [], unchanged: [] };
  const taken = new Set<string>();
  const good = parsed.filter((p) => p.errors.length === 0 && p.thana);
  for (const p of parsed)
    if (p.errors.length > 0 || !p.thana)
      plan.bad.push({ row: p.row, code: p.thana?.code ?? null, errors: p.errors });
  for (const level of ['zone', 'circle', 'thana'] as const) {
    for (const p of good) {
      const spec = p.chain.find((s) => s.level === level);
      if (!spec || taken.has(spec.code)) continue;
      taken.add(spec.code);
      const first = firstSeen.get(spec.code)!.spec;
      const unit = byCode.get(spec.code);
      const changes = verdicts.get(spec.code)?.changes;
      if (!unit)
        plan.create.push({
          code: spec.code,
          kind: LEVEL_KIND[level],
          nameEn: first.nameEn,
          nameHi: first.nameHi!,
          parentCode: spec.parentCode,
          lat: spec.lat,
          lng: spec.lng,
        });
      else if (changes && Object.keys(changes).length > 0)
        plan.update.push({ id: unit.id, code: unit.code, changes });
      else plan.unchanged.push(unit.code);
    }
  }
  plan.goodRows = good.map((p) => p.row);
  return plan;
}

function seenWord(spec: Spec): string {
  return UNIT_KIND_WORDS[LEVEL_KIND[spec.level]];
}

interface ParsedRow {
  row: number;
  chain: Spec[];
  thana: Spec | null;
  errors: UnitRowProblem[];
  fail(column: UnitImportColumn, message: string): void;
}

function readRow(r: UnitSheetRow, rootCode: string, bounds?: CommissionerateBounds): ParsedRow {
  const errors: UnitRowProblem[] = [];
  const fail = (column: UnitImportColumn, message: string) => {
    if (!errors.some((e) => e.column === column && e.message === message))
      errors.push({ column, message });
  };
  const c = r.cells;
  const lat = coordinate(c.lat, 'lat', -90, 90, fail);
  const lng = coordinate(c.lng, 'lng', -180, 180, fail);
  if ((lat === null) !== (lng === null) && (c.lat || c.lng))
    fail(c.lat ? 'lng' : 'lat', 'give both lat and lng, or neither');
  if (bounds && lat !== null && lng !== null) {
    for (const axis of ['lat', 'lng'] as const) {
      const problem = coordinateProblem(
        bounds,
        axis,
        axis === 'lat' ? lat : lng,
        axis === 'lat' ? lng : lat,
      );
      if (problem) fail(axis, `${axis} ${problem}`);
    }
  }

  const read = (level: Level, parentCode: string): Spec | null => {
    const col = COLUMNS[level];
    const word = UNIT_KIND_WORDS[LEVEL_KIND[level]];
    const nameEn = c[col.name] ?? '';
    const given = c[col.hi] ?? '';
    if (nameEn.length < 2) {
      fail(col.name, `the ${word}'s English name is required`);
      return null;
    }
    if (nameEn.length > 120)
      fail(col.name, `the ${word}'s English name is longer than 120 characters`);
    // A bad Hindi name is kept as given: its row is refused, and it stands in the report.
    const nameHi: string | null = given || (level === 'zone' ? zoneHindi(nameEn) : null);
    if (given && lostToQuestionMarks(given)) {
      fail(
        col.hi,
        `the ${word}'s Hindi name "${given}" has "?" where letters were lost: the file was saved in an encoding that cannot hold Hindi. ${SAVE_AS_CSV_UTF8}`,
      );
    } else if (given && !DEVANAGARI.test(given)) {
      fail(col.hi, `the ${word}'s Hindi name "${given}" must be written in Devanagari`);
    } else if (given.length > 120)
      fail(col.hi, `the ${word}'s Hindi name is longer than 120 characters`);
    const typed = (c[col.code] ?? '').toUpperCase();
    const code = typed || codeFromName(nameEn, CODE_PREFIX[level]);
    if (typed && !UNIT_CODE.test(typed)) {
      fail(col.code, `code "${c[col.code]}" must be 2–40 letters A–Z, digits or "_"`);
      return null;
    }
    if (!code) {
      fail(
        col.code,
        `no code can be made from "${nameEn}"; add a ${col.code.replace(/Code$/, '_code')} column`,
      );
      return null;
    }
    if (code === rootCode) {
      fail(col.code, `${code} is the commissionerate itself`);
      return null;
    }
    return {
      level,
      code,
      nameEn,
      nameHi,
      hiGiven: nameHi !== null && nameHi === given,
      parentCode,
      lat: level === 'thana' ? lat : null,
      lng: level === 'thana' ? lng : null,
    };
  };

  const zone = read('zone', rootCode);
  const circle = c.circle ? (zone ? read('circle', zone.code) : null) : null;
  const thanaParent = c.circle ? circle : zone;
  // Read even without its parent, so the row's report names every problem and the thana.
  const thana = read('thana', thanaParent?.code ?? '');
  const chain = [zone, c.circle ? circle : null, thanaParent ? thana : null].filter(
    (s): s is Spec => s !== null,
  );
  return { row: r.row, chain, thana, errors, fail };
}

function coordinate(
  text: string | undefined,
  column: 'lat' | 'lng',
  min: number,
  max: number,
  fail: (c: UnitImportColumn, m: string) => void,
): number | null {
  if (!text) return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) {
    fail(column, `${column} "${text}" must be a number from ${min} to ${max}`);
    return null;
  }
  return n;
}
