import { checkDutyChart } from '../checker';
import { generateBandobast } from './generator';

describe('bandobast generator', () => {
  it('is deterministic by seed', () => {
    expect(generateBandobast({ size: '300', seed: 7 })).toEqual(
      generateBandobast({ size: '300', seed: 7 }),
    );
    expect(generateBandobast({ size: '300', seed: 7 })).not.toEqual(
      generateBandobast({ size: '300', seed: 8 }),
    );
  });

  it('shapes a 5,500-strong festival day like the Diwali 2019 order: ~250 posts, three shifts', () => {
    const { instance } = generateBandobast({ size: '5500', seed: 1 });
    expect(instance.officers).toHaveLength(5500);
    expect(instance.posts.length).toBeGreaterThanOrEqual(240);
    expect(instance.posts.length).toBeLessThanOrEqual(260);
    expect(
      new Set(instance.posts.flatMap((post) => post.shifts.map((shift) => shift.id.slice(-1)))),
    ).toEqual(new Set(['A', 'B', 'C']));
    const ranks = new Set(instance.officers.map((officer) => officer.rank));
    expect([...ranks].sort()).toEqual(['ASI', 'CONSTABLE', 'HEAD_CONSTABLE', 'INSPECTOR', 'SI']);
    expect(instance.officers.some((officer) => officer.gender === 'F')).toBe(true);
    expect(instance.officers.some((officer) => (officer.unavailable ?? []).length > 0)).toBe(true);
  });

  it.each(['tiny', '300', '1500'] as const)(
    'plants a witness chart that proves the %s instance feasible',
    (size) => {
      const generated = generateBandobast({ size, seed: 2 });
      const witness = {
        status: 'OK' as const,
        assignments: generated.witness,
        shortfalls: [],
        stats: { solveMs: 0, dutyHours: { min: 0, max: 0, stddev: 0 } },
      };
      expect(checkDutyChart(generated.instance, witness).violations).toEqual([]);
    },
  );

  it('makes an infeasible instance whose witness misses exactly the known shortfall', () => {
    const generated = generateBandobast({
      size: '300',
      seed: 2,
      infeasible: { requirement: 'women', extra: 3 },
    });
    const witness = {
      status: 'INFEASIBLE' as const,
      assignments: generated.witness,
      shortfalls: [],
      stats: { solveMs: 0, dutyHours: { min: 0, max: 0, stddev: 0 } },
    };
    const gaps = checkDutyChart(generated.instance, witness).violations.filter(
      (v) => v.constraint === 'undeclared-shortfall',
    );
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((v) => v.message.includes('women'))).toBe(true);
    expect(generated.knownShortfall).toEqual({ requirement: 'women', total: 3 });
  });

  it('generates infeasible instances for one day only', () => {
    expect(() =>
      generateBandobast({ size: 'tiny', days: 2, infeasible: { requirement: 'women', extra: 1 } }),
    ).toThrow(/one day only/);
  });
});
