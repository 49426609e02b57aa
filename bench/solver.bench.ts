/**
 * Duty-chart (bandobast) solver benchmark on generated Bhopal-like instances.
 * Run: npx ts-node --transpile-only bench/solver.bench.ts [sizes=1500,5500] [seed=1]
 *
 * For each size prints solve time, hard violations found by the independent checker,
 * duty-hour spread, and the same figures for a simple greedy baseline run in this
 * process, plus the gap (solver minus baseline). Goal at 5,500 personnel on 2 cores:
 * under 10 s, 0 hard violations, max-min duty hours within one shift (8 h).
 * Exits 1 if the solver misses a goal.
 */
import { checkDutyChart } from '../src/modules/duty-charts/checker';
import type { ChartCheck } from '../src/modules/duty-charts/checker';
import { DutyChartState, NO_OFFICER } from '../src/modules/duty-charts/solver/chart-state';
import { compileModel, hasSkill, rankFits } from '../src/modules/duty-charts/solver/model';
import { DEFAULT_WEIGHTS } from '../src/modules/duty-charts/solver/soft-weights';
import {
  BandobastInstance,
  BandobastSize,
  DutyChartSolution,
  generateBandobast,
  RANKS,
  solve,
} from '../src/modules/duty-charts/solver';

const SHIFT_HOURS = 8;
const BUDGET_MS = 10_000;
const sizes = (process.argv[2] ?? '1500,5500').split(',') as BandobastSize[];
const seed = Number(process.argv[3] ?? 1);

/** Officer-side breaches found by the checker (the chart is never allowed any). */
function hardViolations(check: ChartCheck): number {
  const requirementSide = new Set([
    'rank-count',
    'min-women',
    'skill',
    'undeclared-shortfall',
    'status',
  ]);
  return check.violations.filter((v) => !requirementSide.has(v.constraint)).length;
}

/** Requirement units left unmet: empty slots plus missing women and skill holders. */
function unmetUnits(instance: BandobastInstance, solution: DutyChartSolution): number {
  const officers = new Map(instance.officers.map((officer) => [officer.id, officer]));
  const teams = new Map<string, string[]>();
  for (const a of solution.assignments)
    teams.set(a.shiftId, [...(teams.get(a.shiftId) ?? []), a.officerId]);
  let unmet = 0;
  for (const shift of instance.posts.flatMap((post) => post.shifts)) {
    const team = (teams.get(shift.id) ?? []).map((id) => officers.get(id));
    const slots = Object.values(shift.require.ranks).reduce((sum, count) => sum + (count ?? 0), 0);
    unmet += Math.max(0, slots - team.length);
    unmet += Math.max(
      0,
      (shift.require.minWomen ?? 0) - team.filter((o) => o?.gender === 'F').length,
    );
    for (const [skill, count] of Object.entries(shift.require.skills ?? {})) {
      unmet += Math.max(0, count - team.filter((o) => o?.skills?.includes(skill)).length);
    }
  }
  return unmet;
}

/**
 * What a clerk with a register would do: shift by shift, slot by slot, take the first
 * officer on the roll who may legally serve, preferring one who brings a woman or a
 * skill the shift still lacks. Legal on the officer side; no fairness, no distances.
 */
function greedyBaseline(instance: BandobastInstance): DutyChartSolution {
  const started = performance.now();
  const model = compileModel(instance);
  const state = new DutyChartState(model, DEFAULT_WEIGHTS);
  for (const shift of model.shiftsByStart) {
    for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
      let pick = NO_OFFICER;
      for (let officer = 0; officer < model.officerIds.length; officer++) {
        if (!rankFits(model, model.officerRank[officer], state.slotRank[slot])) continue;
        if (!state.canTake(officer, shift)) continue;
        const bringsWoman =
          model.officerIsWoman[officer] === 1 &&
          state.shiftWomen[shift] < model.shiftMinWomen[shift];
        const bringsSkill = model.shiftSkillNeeds[shift].some(
          (need, k) =>
            state.shiftSkillHave[shift][k] < need.count && hasSkill(model, officer, need.skill),
        );
        if (pick === NO_OFFICER) pick = officer;
        if (bringsWoman || bringsSkill) {
          pick = officer;
          break;
        }
      }
      if (pick !== NO_OFFICER) state.assign(pick, slot);
    }
  }
  const assignments = [];
  for (let slot = 0; slot < state.slotCount; slot++) {
    const officer = state.slotOfficer[slot];
    if (officer === NO_OFFICER) continue;
    assignments.push({
      officerId: model.officerIds[officer],
      shiftId: model.shiftIds[state.slotShift[slot]],
      slotRank: RANKS[state.slotRank[slot]],
    });
  }
  return {
    status: 'OK',
    assignments,
    shortfalls: [],
    stats: {
      solveMs: Math.round(performance.now() - started),
      dutyHours: { min: 0, max: 0, stddev: 0 },
    },
  };
}

function compare(
  label: string,
  instance: BandobastInstance,
): { solution: DutyChartSolution; check: ChartCheck } {
  const solution = solve(instance);
  const check = checkDutyChart(instance, solution);
  const baseline = greedyBaseline(instance);
  const baselineCheck = checkDutyChart(instance, baseline);
  const rows: [string, number, number][] = [
    ['solveMs', solution.stats.solveMs, baseline.stats.solveMs],
    ['hardViolations', hardViolations(check), hardViolations(baselineCheck)],
    ['unmetRequirementUnits', unmetUnits(instance, solution), unmetUnits(instance, baseline)],
    ['dutyHours.max', check.fairness.dutyHours.max, baselineCheck.fairness.dutyHours.max],
    ['dutyHours.min', check.fairness.dutyHours.min, baselineCheck.fairness.dutyHours.min],
    ['dutyHours.stddev', check.fairness.dutyHours.stddev, baselineCheck.fairness.dutyHours.stddev],
    [
      'rolling30dHours.max',
      check.fairness.rolling30dHours.max,
      baselineCheck.fairness.rolling30dHours.max,
    ],
    [
      'rolling30dHours.stddev',
      check.fairness.rolling30dHours.stddev,
      baselineCheck.fairness.rolling30dHours.stddev,
    ],
    [
      'rolling30dNights.max',
      check.fairness.rolling30dNights.max,
      baselineCheck.fairness.rolling30dNights.max,
    ],
    ['meanDistanceKm', check.fairness.meanDistanceKm, baselineCheck.fairness.meanDistanceKm],
    [
      'sectorUnitCohesion',
      check.fairness.sectorUnitCohesion,
      baselineCheck.fairness.sectorUnitCohesion,
    ],
  ];
  for (const [name, ours] of rows) console.log(`solver.${label}.${name}: ${ours}`);
  for (const [name, , theirs] of rows) console.log(`baseline.${label}.${name}: ${theirs}`);
  for (const [name, ours, theirs] of rows) {
    console.log(`gap.${label}.${name}: ${Math.round((ours - theirs) * 100) / 100}`);
  }
  return { solution, check };
}

let missedGoal = false;
for (const size of sizes) {
  const { instance } = generateBandobast({ size, seed });
  const shifts = instance.posts.reduce((sum, post) => sum + post.shifts.length, 0);
  console.log(
    `# ${size} personnel: ${instance.posts.length} posts, ${shifts} shifts, seed ${seed}`,
  );
  const { solution, check } = compare(size, instance);
  const spread = check.fairness.dutyHours.max - check.fairness.dutyHours.min;
  const ok =
    solution.status === 'OK' &&
    check.violations.length === 0 &&
    spread <= SHIFT_HOURS &&
    solution.stats.solveMs < BUDGET_MS;
  if (!ok) {
    missedGoal = true;
    console.log(
      `# ${size}: MISSED a goal (${solution.status}, ${check.violations.length} violations, spread ${spread} h)`,
    );
  }
}

// A deliberately infeasible day: every armed officer is needed and 3 more are asked
// for, so the true minimum shortfall is exactly 3 armed.
const tight = generateBandobast({
  size: '1500',
  seed,
  infeasible: { requirement: 'skill', skill: 'armed', extra: 3 },
});
console.log(`# 1500 personnel, armed officers short by exactly ${tight.knownShortfall?.total}`);
const { solution: tightSolution } = compare('1500-armed-short', tight.instance);
console.log(`solver.1500-armed-short.trueShortfall: ${tight.knownShortfall?.total}`);
if (unmetUnits(tight.instance, tightSolution) !== tight.knownShortfall?.total) missedGoal = true;
process.exit(missedGoal ? 1 : 0);
