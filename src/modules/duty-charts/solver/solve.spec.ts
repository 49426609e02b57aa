import { checkDutyChart } from '../checker';
import { checkPointInstance, officer } from '../checker/hand-made.fixture';
import { generateBandobast } from './generator';
import { solve } from './solve';
import { DutyChartSolution } from './types';

const withoutTiming = (solution: DutyChartSolution) => ({
  ...solution,
  stats: { ...solution.stats, solveMs: 0 },
});

describe('bandobast solver', () => {
  it.each([
    ['tiny', 2],
    ['300', 1],
    ['300', 2],
    ['1500', 1],
  ] as const)(
    'staffs a generated %s-personnel, %i-day bandobast that the independent checker passes with 0 violations',
    (size, days) => {
      const { instance } = generateBandobast({ size, seed: 11, days });
      const solution = solve(instance);
      const check = checkDutyChart(instance, solution);
      expect(check.violations).toEqual([]);
      expect(solution.status).toBe('OK');
      expect(solution.shortfalls).toEqual([]);
      const slots = instance.posts
        .flatMap((post) => post.shifts)
        .reduce(
          (sum, shift) =>
            sum + Object.values(shift.require.ranks).reduce((a, b) => a + (b ?? 0), 0),
          0,
        );
      expect(solution.assignments).toHaveLength(slots);
    },
  );

  it('keeps the spread of duty hours within one shift on a one-day chart', () => {
    const { instance } = generateBandobast({ size: '300', seed: 5 });
    const solution = solve(instance);
    const { fairness } = checkDutyChart(instance, solution);
    expect(fairness.dutyHours.max - fairness.dutyHours.min).toBeLessThanOrEqual(8);
    expect(solution.stats.dutyHours).toMatchObject({
      min: fairness.dutyHours.min,
      max: fairness.dutyHours.max,
    });
  });

  it('gives the same chart for the same instance and seed', () => {
    const { instance } = generateBandobast({ size: '300', seed: 3, days: 2 });
    expect(withoutTiming(solve(instance))).toEqual(withoutTiming(solve(instance)));
  });

  it('gives a legal chart for any seed, and the seed option overrides the instance seed', () => {
    const { instance } = generateBandobast({ size: '300', seed: 3 });
    const first = solve(instance, { seed: 1 });
    const second = solve(instance, { seed: 2 });
    expect(checkDutyChart(instance, first).violations).toEqual([]);
    expect(checkDutyChart(instance, second).violations).toEqual([]);
    expect(withoutTiming(solve({ ...instance, seed: 2 }))).toEqual(withoutTiming(second));
  });

  it('staffs the night shift across midnight without breaking rest or the 24-hour cap', () => {
    const instance = checkPointInstance();
    const solution = solve(instance);
    expect(checkDutyChart(instance, solution).violations).toEqual([]);
    expect(solution.status).toBe('OK');
    // C-6 is on leave until noon, so only the evening or night shift can have her.
    const leaveTaker = solution.assignments.filter((a) => a.officerId === 'C-6');
    expect(leaveTaker.every((a) => a.shiftId !== 'D1-S1-P1-A')).toBe(true);
  });

  it('fills a lower slot with a higher rank only when allowed, and says which slot rank it fills', () => {
    const instance = checkPointInstance();
    instance.officers = instance.officers.filter((o) => o.id !== 'C-7' && o.id !== 'C-4');
    instance.officers.push(officer('SI-1', 'SI'));
    const strict = solve(instance);
    expect(strict.status).toBe('INFEASIBLE');
    expect(strict.shortfalls.map((s) => s.requirement)).toEqual(['rank:CONSTABLE']);

    instance.rules = { ...instance.rules, higherRankMayFillLower: true };
    const relaxed = solve(instance);
    expect(relaxed.status).toBe('OK');
    expect(relaxed.assignments).toContainEqual(
      expect.objectContaining({ officerId: 'SI-1', slotRank: 'CONSTABLE' }),
    );
    expect(checkDutyChart(instance, relaxed).violations).toEqual([]);
  });

  it('prefers officers with fewer rolling 30-day hours when not everyone is needed', () => {
    const instance = checkPointInstance();
    instance.posts[0].shifts = instance.posts[0].shifts.slice(0, 1);
    instance.posts[0].shifts[0].require = { ranks: { CONSTABLE: 1 } };
    instance.officers = [
      officer('TIRED', 'CONSTABLE', { history: { dutyHours30d: 240 } }),
      officer('RESTED', 'CONSTABLE', { history: { dutyHours30d: 120 } }),
    ];
    expect(solve(instance).assignments).toEqual([
      { officerId: 'RESTED', shiftId: 'D1-S1-P1-A', slotRank: 'CONSTABLE' },
    ]);
  });
});
