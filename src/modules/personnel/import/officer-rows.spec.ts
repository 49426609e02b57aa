import { checkOfficerRows, RowContext } from './officer-rows';
import { SheetRow } from './sheet';

const ctx: RowContext = {
  unitsInScope: new Map([['TT_NAGAR', 'u-tt']]),
  allUnits: new Map([
    ['TT_NAGAR', 'u-tt'],
    ['MP_NAGAR', 'u-mp'],
  ]),
  existingBeltNos: new Set(['BPL-1']),
};
const good = {
  beltNo: 'BPL-2',
  nameEn: 'Ram Kumar',
  nameHi: 'राम कुमार',
  rank: 'Constable',
  gender: 'M',
  unit: 'tt_nagar',
  mobile: '98765 43210',
  skills: 'Armed, bomb disposal',
};
const row = (n: number, cells: Partial<typeof good>): SheetRow => ({
  row: n,
  cells: { ...good, ...cells },
});

describe('checkOfficerRows', () => {
  it('accepts a good row and normalises what people type', () => {
    const { good: ok, bad } = checkOfficerRows([row(2, {})], ctx);
    expect(bad).toEqual([]);
    expect(ok).toEqual([
      {
        row: 2,
        beltNo: 'BPL-2',
        nameEn: 'Ram Kumar',
        nameHi: 'राम कुमार',
        rank: 'CONSTABLE',
        gender: 'M',
        unitId: 'u-tt',
        homeUnitId: null,
        mobile: '9876543210',
        skills: ['armed', 'bomb-disposal'],
      },
    ]);
  });

  it('reports every problem of a row, not just the first', () => {
    const { bad } = checkOfficerRows(
      [row(3, { rank: 'Sipahee', gender: 'Q', mobile: '12345', skills: 'juggling', nameHi: '' })],
      ctx,
    );
    expect(bad[0]!.errors.map((e) => e.column)).toEqual([
      'nameHi',
      'rank',
      'gender',
      'mobile',
      'skills',
    ]);
  });

  it('refuses both rows that share a belt number, and one already on the roll', () => {
    const { good: ok, bad } = checkOfficerRows(
      [row(2, { beltNo: 'bpl-9' }), row(3, { beltNo: 'BPL-9' }), row(4, { beltNo: 'BPL-1' })],
      ctx,
    );
    expect(ok).toEqual([]);
    expect(bad.map((b) => [b.row, b.errors[0]!.message])).toEqual([
      [2, 'duplicate belt number BPL-9 in the file (also on row 3)'],
      [3, 'duplicate belt number BPL-9 in the file (also on row 2)'],
      [4, 'belt number BPL-1 is already on the roll'],
    ]);
  });

  it('tells an unknown unit from one outside the importing user’s unit', () => {
    const { bad } = checkOfficerRows(
      [row(2, { unit: 'MP_NAGAR' }), row(3, { unit: 'NOWHERE' })],
      ctx,
    );
    expect(bad.map((b) => b.errors[0]!.message)).toEqual([
      'unit MP_NAGAR is outside your unit',
      'unknown unit code "NOWHERE"',
    ]);
  });

  it('refuses a name holding an Aadhaar number', () => {
    const { bad } = checkOfficerRows([row(2, { nameEn: 'Ram 2345 6789 0124' })], ctx);
    expect(bad[0]!.errors[0]!.message).toContain('Aadhaar');
  });

  it("refuses a Hindi name that Excel's ANSI save turned into question marks", () => {
    const { good: ok, bad } = checkOfficerRows([row(2, { nameHi: '??? ?????' })], ctx);
    expect(ok).toEqual([]);
    expect(bad[0]!.errors).toEqual([
      {
        column: 'nameHi',
        message: expect.stringContaining('"??? ?????" has "?" where letters were lost'),
      },
    ]);
    expect(bad[0]!.errors[0]!.message).toContain('CSV UTF-8 (Comma delimited)');
  });

  it('posts no officer to a retired unit', () => {
    const { bad } = checkOfficerRows([row(2, {})], { ...ctx, retiredUnits: new Set(['TT_NAGAR']) });
    expect(bad[0]!.errors).toEqual([
      { column: 'unit', message: 'unit TT_NAGAR is retired; no officer can be posted to it' },
    ]);
  });
});
