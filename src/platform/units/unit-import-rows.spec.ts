import { BHOPAL_BOUNDS } from '../geo';
import { codeFromName, placementProblem } from './tree-rules';
import { planUnitImport, TreeUnit, unitSheet, UnitSheetRow } from './unit-import-rows';

const unit = (
  code: string,
  kind: TreeUnit['kind'],
  path: string,
  parentId: string | null,
  extra: Partial<TreeUnit> = {},
): TreeUnit => ({
  id: `id-${code}`,
  code,
  kind,
  nameEn: code,
  nameHi: 'नाम',
  parentId,
  path,
  lat: null,
  lng: null,
  isActive: true,
  ...extra,
});
const TREE: TreeUnit[] = [
  unit('BPL', 'COMMISSIONERATE', 'BPL', null),
  unit('ZONE_1', 'ZONE', 'BPL.ZONE_1', 'id-BPL', { nameEn: 'Zone-1', nameHi: 'ज़ोन-1' }),
  unit('ACP_TT_NAGAR', 'DIVISION', 'BPL.ZONE_1.ACP_TT_NAGAR', 'id-ZONE_1'),
  unit('TT_NAGAR', 'THANA', 'BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR', 'id-ACP_TT_NAGAR', {
    nameEn: 'TT Nagar',
    nameHi: 'टीटी नगर',
    lat: 23.2345,
    lng: 77.4,
  }),
  unit('OLD_THANA', 'THANA', 'BPL.ZONE_1.OLD_THANA', 'id-ZONE_1', {
    nameEn: 'Old Thana',
    isActive: false,
  }),
];
const sheet = (...lines: string[][]): UnitSheetRow[] =>
  unitSheet([
    ['zone', 'zone_hi', 'circle', 'circle_hi', 'thana_en', 'thana_hi', 'lat', 'lng'],
    ...lines,
  ]).rows;
const plan = (rows: UnitSheetRow[]) => planUnitImport(rows, TREE, 'BPL');

describe('planUnitImport', () => {
  it('creates a new zone, its circle and thanas, parents first, and leaves what is already there', () => {
    const p = plan(
      sheet(
        ['Zone-2', '', 'ACP Govindpura', 'एसीपी गोविंदपुरा', 'Piplani', 'पिपलानी', '23.245', '77.47'],
        ['Zone-2', '', 'ACP Govindpura', 'एसीपी गोविंदपुरा', 'Govindpura', 'गोविंदपुरा', '', ''],
        ['Zone-1', '', '', '', 'TT Nagar', 'टीटी नगर', '23.2345', '77.4000'],
      ),
    );
    expect(p.bad).toEqual([]);
    expect(p.goodRows).toEqual([2, 3, 4]);
    expect(p.create.map((u) => [u.code, u.kind, u.parentCode, u.nameHi])).toEqual([
      ['ZONE_2', 'ZONE', 'BPL', 'ज़ोन-2'],
      ['ACP_GOVINDPURA', 'DIVISION', 'ZONE_2', 'एसीपी गोविंदपुरा'],
      ['PIPLANI', 'THANA', 'ACP_GOVINDPURA', 'पिपलानी'],
      ['GOVINDPURA', 'THANA', 'ACP_GOVINDPURA', 'गोविंदपुरा'],
    ]);
    expect(p.create[2]).toMatchObject({ lat: 23.245, lng: 77.47 });
    // TT Nagar sits under a circle of Zone-1: the file, naming no circle, agrees with that.
    expect(p.unchanged).toEqual(['ZONE_1', 'TT_NAGAR']);
    expect(p.update).toEqual([]);
  });

  it('updates the names and place the file gives, never a Hindi name it made up', () => {
    const p = plan(sheet(['Zone-1', '', '', '', 'T.T. Nagar', 'टी.टी. नगर', '23.2350', '77.4000']));
    // "T.T. Nagar" makes the code T_T_NAGAR; the file names the thana's code to match.
    expect(p.create.map((u) => u.code)).toEqual(['T_T_NAGAR']);
    const q = planUnitImport(
      unitSheet([
        ['zone', 'thana_code', 'thana_en', 'thana_hi', 'lat', 'lng'],
        ['Zone-1', 'TT_NAGAR', 'T.T. Nagar', 'टी.टी. नगर', '23.2350', '77.4000'],
      ]).rows,
      TREE,
      'BPL',
    );
    expect(q.update).toEqual([
      {
        id: 'id-TT_NAGAR',
        code: 'TT_NAGAR',
        changes: { nameEn: 'T.T. Nagar', nameHi: 'टी.टी. नगर', lat: 23.235 },
      },
    ]);
    // Zone-1's Hindi name was made from "Zone-1", not written in the file: it stays as it is.
    expect(q.unchanged).toEqual(['ZONE_1']);
  });

  it('reports every problem of every row, and plans only the good rows', () => {
    const p = plan(
      sheet(
        ['Zone-4 (inferred)', '', '', '', 'Kolar', 'कोलार', '', ''],
        ['Zone-1', '', '', '', 'Misrod', '??? ????', '123', '77.4'],
        ['Zone-1', '', '', '', 'Berasia', 'Berasia', '', ''],
        ['Zone-1', '', '', '', 'Old Thana', 'पुराना थाना', '', ''],
        ['Zone-2', '', '', '', 'TT Nagar', 'टीटी नगर', '', ''],
        ['Zone-1', '', '', '', 'Kolar', 'कोलार', '', ''],
        ['Zone-3', '', '', '', 'Kotwali', 'कोतवाली', '', ''],
      ),
    );
    const byRow = new Map(
      p.bad.map((b) => [b.row, b.errors.map((e) => `${e.column}: ${e.message}`)]),
    );
    expect([...byRow.keys()]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(byRow.get(2)).toEqual([
      expect.stringMatching(
        /^thanaEn: thana KOLAR is in the file more than once \(also on row 7\)/,
      ),
      expect.stringMatching(
        /^zoneHi: the Hindi name of zone "Zone-4 \(inferred\)" is required to create it/,
      ),
    ]);
    expect(byRow.get(3)).toEqual([
      'lat: lat "123" must be a number from -90 to 90',
      expect.stringMatching(/^lng: give both lat and lng/),
      expect.stringMatching(
        /^thanaHi: the thana's Hindi name "\?\?\? \?\?\?\?" has "\?" where letters were lost.*CSV UTF-8/,
      ),
    ]);
    expect(byRow.get(4)).toEqual([
      'thanaHi: the thana\'s Hindi name "Berasia" must be written in Devanagari',
    ]);
    expect(byRow.get(5)).toEqual([
      'thanaEn: OLD_THANA was retired; an import does not bring back a retired unit',
    ]);
    expect(byRow.get(6)).toEqual([
      expect.stringMatching(
        /^thanaEn: TT_NAGAR is at BPL\.ZONE_1\.ACP_TT_NAGAR\.TT_NAGAR, not under ZONE_2 as the file says; move it first/,
      ),
    ]);
    expect(p.goodRows).toEqual([8]);
    expect(p.create.map((u) => u.code)).toEqual(['ZONE_3', 'KOTWALI']);
  });

  it('refuses a file whose rows disagree about a zone', () => {
    const p = plan(
      sheet(
        ['Zone-3', 'ज़ोन-3', '', '', 'Kotwali', 'कोतवाली', '', ''],
        ['Zone-3', 'जोन तीन', '', '', 'Talaiya', 'तलैया', '', ''],
      ),
    );
    expect(p.bad).toEqual([
      {
        row: 3,
        code: 'TALAIYA',
        errors: [
          { column: 'zoneHi', message: 'ZONE_3 is named "ज़ोन-3" on row 2 but "जोन तीन" here' },
        ],
      },
    ]);
  });

  it('refuses a thana placed outside the commissionerate, or with lat and lng swapped', () => {
    const p = planUnitImport(
      sheet(
        ['Zone-1', '', '', '', 'Far Away', 'दूर', '28.61', '77.21'],
        ['Zone-1', '', '', '', 'Swapped', 'उलटा', '77.40', '23.23'],
        ['Zone-1', '', '', '', 'Near', 'पास', '23.30', '77.45'],
      ),
      TREE,
      'BPL',
      BHOPAL_BOUNDS,
    );
    expect(p.bad.map((b) => [b.row, b.errors.map((e) => e.column)])).toEqual([
      [2, ['lat']],
      [3, ['lat']],
    ]);
    expect(p.bad[1]!.errors[0]!.message).toContain('lat and lng look swapped');
    expect(p.goodRows).toEqual([4]);
  });

  it('tells a thana code that is a zone already', () => {
    const p = planUnitImport(
      unitSheet([
        ['zone', 'thana_en', 'thana_hi', 'thana_code'],
        ['Zone-1', 'Zone One Thana', 'थाना', 'ZONE_1'],
      ]).rows,
      TREE,
      'BPL',
    );
    expect(p.bad[0]!.errors.map((e) => e.message)).toContain(
      'code ZONE_1 is a zone on row 2 and a thana here',
    );
  });

  it('reads the header spellings of bhopal-units.csv and leaves unknown columns out', () => {
    const s = unitSheet([
      ['zone', 'thana_en', 'thana_hi', 'lat', 'lng', 'approx', 'source_url'],
      [
        'Zone-1',
        'TT Nagar',
        'टीटी नगर',
        '23.2345',
        '77.4000',
        'approx ±0.3 km',
        'https://example.org',
      ],
      ['', '', '', '', '', '', ''],
      ['Zone-1', 'Kamla Nagar', 'कमला नगर', '', '', '', ''],
    ]);
    expect(s.missingColumns).toEqual([]);
    expect(s.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(s.rows[0]!.cells).toEqual({
      zone: 'Zone-1',
      thanaEn: 'TT Nagar',
      thanaHi: 'टीटी नगर',
      lat: '23.2345',
      lng: '77.4000',
    });
    expect(unitSheet([['Zone', 'Name']]).missingColumns).toEqual(['thanaEn', 'thanaHi']);
  });
});

describe('tree rules', () => {
  it('hangs zones from the commissionerate, circles from zones, thanas from circles or zones', () => {
    expect(placementProblem('ZONE', 'COMMISSIONERATE')).toBeNull();
    expect(placementProblem('DIVISION', 'ZONE')).toBeNull();
    expect(placementProblem('THANA', 'DIVISION')).toBeNull();
    expect(placementProblem('THANA', 'ZONE')).toBeNull();
    expect(placementProblem('BRANCH', 'BRANCH')).toBeNull();
    expect(placementProblem('THANA', 'COMMISSIONERATE')).toBe(
      'a thana cannot be placed under a commissionerate (only under a zone or ACP circle)',
    );
    expect(placementProblem('ZONE', 'THANA')).toBe(
      'a zone cannot be placed under a thana (only under a commissionerate)',
    );
  });

  it('makes codes from English names', () => {
    expect(codeFromName('Koh-e-Fiza')).toBe('KOH_E_FIZA');
    expect(codeFromName('Zone-4 (inferred)', 'ZONE_')).toBe('ZONE_4');
    expect(codeFromName('Rural (SP Bhopal Dehat; unverified)', 'ZONE_')).toBe('ZONE_RURAL');
    expect(codeFromName('TT Nagar', 'ACP_')).toBe('ACP_TT_NAGAR');
    expect(codeFromName('ACP TT Nagar', 'ACP_')).toBe('ACP_TT_NAGAR');
    expect(codeFromName('कोलार')).toBeNull();
  });
});
