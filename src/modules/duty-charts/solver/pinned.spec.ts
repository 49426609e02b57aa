import { checkDutyChart } from '../checker';
import { at, checkPointInstance } from '../checker/hand-made.fixture';
import { generateBandobast } from './generator';
import { solve } from './solve';
import { assertValidInstance, InvalidInstanceError } from './validate';

describe('pinned duties', () => {
  it('survive a re-solve after another officer goes on leave', () => {
    const { instance } = generateBandobast({ size: '300', seed: 2 });
    const first = solve(instance);
    const pinned = first.assignments.filter((_, index) => index % 3 === 0);
    const pinnedOfficers = new Set(pinned.map((pin) => pin.officerId));
    // An officer who was on duty but is not pinned reports sick for the whole day.
    const sick = first.assignments.find((a) => !pinnedOfficers.has(a.officerId))
      ?.officerId as string;
    const resolved = {
      ...instance,
      pinned,
      officers: instance.officers.map((o) =>
        o.id === sick ? { ...o, unavailable: [{ from: at(0, 0), to: at(1, 12) }] } : o,
      ),
    };
    const second = solve(resolved, { seed: 99 });
    for (const pin of pinned) expect(second.assignments).toContainEqual(pin);
    expect(second.assignments.some((a) => a.officerId === sick)).toBe(false);
    expect(checkDutyChart(resolved, second).violations).toEqual([]);
    expect(second.status).toBe('OK');
  });

  it('keep their slot rank when a higher rank is pinned into a lower slot', () => {
    const instance = checkPointInstance();
    instance.rules = { ...instance.rules, higherRankMayFillLower: true };
    instance.pinned = [{ officerId: 'HC-3', shiftId: 'D1-S1-P1-B', slotRank: 'CONSTABLE' }];
    const solution = solve(instance);
    expect(solution.assignments).toContainEqual({
      officerId: 'HC-3',
      shiftId: 'D1-S1-P1-B',
      slotRank: 'CONSTABLE',
    });
    expect(checkDutyChart(instance, solution).violations).toEqual([]);
  });

  it('are rejected, naming the pin, when they fall in the officer’s leave', () => {
    const instance = checkPointInstance();
    instance.pinned = [{ officerId: 'C-6', shiftId: 'D1-S1-P1-A' }];
    expect(() => solve(instance)).toThrow(InvalidInstanceError);
    expect(() => assertValidInstance(instance)).toThrow(/pinned\[0\]: officer C-6 is unavailable/);
  });

  it('are rejected when they break the rest rule between themselves', () => {
    const instance = checkPointInstance();
    instance.pinned = [
      { officerId: 'C-1', shiftId: 'D1-S1-P1-A' },
      { officerId: 'C-1', shiftId: 'D1-S1-P1-B' },
    ];
    expect(() => assertValidInstance(instance)).toThrow(
      /pinned\[1\]: officer C-1 would have less than 8 h rest/,
    );
  });

  it('are rejected when more officers of a rank are pinned than the shift needs', () => {
    const instance = checkPointInstance();
    instance.pinned = ['HC-1', 'HC-2'].map((officerId) => ({ officerId, shiftId: 'D1-S1-P1-A' }));
    expect(() => assertValidInstance(instance)).toThrow(
      /pinned\[1\]: shift D1-S1-P1-A needs 1 HEAD_CONSTABLE but 2 are pinned/,
    );
  });
});
