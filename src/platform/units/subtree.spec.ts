import type { Actor } from '../context/request-context';
import {
  childPath,
  inUnitSubtree,
  unitInScope,
  unitScope,
  unitSubtreeScope,
  unitSubtreeSql,
} from './subtree';

const actor = (unitPath: string, roles: Actor['roles'] = ['OFFICER']): Actor => ({
  id: 'u',
  username: 'u',
  roles,
  unitId: 'x',
  unitPath,
});

describe('unit subtree', () => {
  it('holds the unit itself and every unit under it', () => {
    expect(inUnitSubtree('BPL.ZONE_1', 'BPL.ZONE_1')).toBe(true);
    expect(inUnitSubtree('BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR', 'BPL.ZONE_1')).toBe(true);
    expect(inUnitSubtree('BPL.ZONE_1', 'BPL')).toBe(true);
  });

  it('holds neither the parent nor a sibling', () => {
    expect(inUnitSubtree('BPL', 'BPL.ZONE_1')).toBe(false);
    expect(inUnitSubtree('BPL.ZONE_2.MP_NAGAR', 'BPL.ZONE_1')).toBe(false);
  });

  it('keeps prefix siblings apart: Z1 is not Z10, ZONE_1 is not ZONE_10', () => {
    expect(inUnitSubtree('BPL.Z10', 'BPL.Z1')).toBe(false);
    expect(inUnitSubtree('BPL.Z10.TH_A', 'BPL.Z1')).toBe(false);
    expect(inUnitSubtree('BPL.ZONE_10.TT', 'BPL.ZONE_1')).toBe(false);
  });

  it("reads '_' as a letter, not a wildcard: TH_1 is not TH11", () => {
    expect(inUnitSubtree('BPL.TH11', 'BPL.TH_1')).toBe(false);
    expect(inUnitSubtree('BPL.TH11.BRANCH', 'BPL.TH_1')).toBe(false);
    expect(inUnitSubtree('BPL.TH_1.BRANCH', 'BPL.TH_1')).toBe(true);
  });

  it('builds a child path from its parent', () => {
    expect(childPath(null, 'BPL')).toBe('BPL');
    expect(childPath('BPL.ZONE_1', 'TT_NAGAR')).toBe('BPL.ZONE_1.TT_NAGAR');
    expect(inUnitSubtree(childPath('BPL.ZONE_1', 'TT_NAGAR'), 'BPL.ZONE_1')).toBe(true);
  });

  it('writes the same test as SQL without LIKE, so nothing in a code is a pattern', () => {
    expect(unitSubtreeSql('u.path', ':root')).toBe(
      `(u.path = :root OR starts_with(u.path, :root || '.'))`,
    );
    expect(unitSubtreeScope('o.unit_id', 'BPL.TH_1', 'p')).toEqual({
      sql: `o.unit_id IN (SELECT id FROM unit WHERE (path = :p OR starts_with(path, :p || '.')))`,
      params: { p: 'BPL.TH_1' },
    });
  });

  it('scopes a unit-bound actor to their subtree, and a commissionerate-wide one to everything', () => {
    expect(unitScope(actor('BPL.TH_1'), 'd.unit_id').params).toEqual({ scopePath: 'BPL.TH_1' });
    expect(unitScope(actor('BPL.TH_1', ['CONTROL_ROOM']), 'd.unit_id')).toEqual({
      sql: 'TRUE',
      params: {},
    });
    expect(unitInScope(actor('BPL.TH_1'), { path: 'BPL.TH11' })).toBe(false);
    expect(unitInScope(actor('BPL.TH_1'), { path: 'BPL.TH_1.B' })).toBe(true);
    expect(unitInScope(actor('BPL.TH_1', ['AUDITOR']), { path: 'BPL.TH11' })).toBe(true);
  });
});
