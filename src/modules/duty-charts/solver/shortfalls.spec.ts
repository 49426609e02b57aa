import { checkDutyChart } from '../checker';
import { at, officer } from '../checker/hand-made.fixture';
import { generateBandobast, InfeasibleSpec } from './generator';
import { solve } from './solve';
import { BandobastInstance, DutyChartSolution } from './types';

const totalsByRequirement = (solution: DutyChartSolution) => {
  const totals: Record<string, number> = {};
  for (const s of solution.shortfalls)
    totals[s.requirement] = (totals[s.requirement] ?? 0) + s.needed - s.assigned;
  return totals;
};

function womenFrisking(women: number, needed: number): BandobastInstance {
  return {
    officers: [
      ...Array.from({ length: women }, (_, k) =>
        officer(`W-${k + 1}`, 'CONSTABLE', { gender: 'F' }),
      ),
      ...Array.from({ length: 6 }, (_, k) => officer(`M-${k + 1}`, 'CONSTABLE')),
    ],
    posts: [
      {
        id: 'D1-S3-P12',
        sector: 'D1-S3',
        shifts: [
          {
            id: 'D1-S3-P12-A',
            start: at(0, 6),
            end: at(0, 14),
            require: { ranks: { CONSTABLE: 6 }, minWomen: needed },
          },
        ],
      },
    ],
  };
}

describe('shortfall report of an infeasible bandobast', () => {
  it('reports a shift that needs more women than exist, with the true numbers and a reason', () => {
    const solution = solve(womenFrisking(3, 5));
    expect(solution.status).toBe('INFEASIBLE');
    expect(solution.shortfalls).toEqual([
      {
        shiftId: 'D1-S3-P12-A',
        requirement: 'women',
        needed: 5,
        assigned: 3,
        reason:
          'sector D1-S3, shift D1-S3-P12-A: 2 more women needed (needs 5, has 3); ' +
          '3 women of a fitting rank are off leave at that time: 3 already on this shift',
      },
    ]);
    // The slots are still filled: a shortfall of women is not a reason to leave posts empty.
    expect(solution.assignments).toHaveLength(6);
  });

  it.each<[string, InfeasibleSpec]>([
    ['women', { requirement: 'women', extra: 4 }],
    ['armed', { requirement: 'skill', skill: 'armed', extra: 3 }],
    ['wireless', { requirement: 'skill', skill: 'wireless', extra: 1 }],
    ['SI rank', { requirement: 'rank', rank: 'SI', extra: 2 }],
  ])(
    'finds exactly the true minimum shortfall when a generated bandobast is short of %s',
    (_, infeasible) => {
      for (const size of ['tiny', '300'] as const) {
        const generated = generateBandobast({ size, seed: 4, infeasible });
        const solution = solve(generated.instance);
        const known = generated.knownShortfall as { requirement: string; total: number };
        expect(solution.status).toBe('INFEASIBLE');
        expect(totalsByRequirement(solution)).toEqual({ [known.requirement]: known.total });
        expect(checkDutyChart(generated.instance, solution).violations).toEqual([]);
      }
    },
  );

  it('never breaks an officer-side rule to close a shortfall, and declares every gap', () => {
    const generated = generateBandobast({
      size: '300',
      seed: 9,
      infeasible: { requirement: 'women', extra: 6 },
    });
    const solution = solve(generated.instance);
    expect(checkDutyChart(generated.instance, solution).violations).toEqual([]);
    expect(solution.shortfalls.every((s) => s.reason.length > 0 && s.assigned < s.needed)).toBe(
      true,
    );
  });

  it('explains a shift longer than the 24-hour cap instead of staffing it illegally', () => {
    const instance = womenFrisking(3, 0);
    instance.posts[0].shifts[0].end = at(0, 19);
    const solution = solve(instance);
    expect(solution.assignments).toEqual([]);
    expect(solution.shortfalls).toEqual([
      expect.objectContaining({ requirement: 'rank:CONSTABLE', needed: 6, assigned: 0 }),
    ]);
    expect(solution.shortfalls[0].reason).toContain(
      'lasts 13 h, more than the 12 h allowed in any 24 h',
    );
  });
});
