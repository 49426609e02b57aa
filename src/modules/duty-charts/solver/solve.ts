/**
 * The bandobast solver: validate, compile, pin, prove a lower bound on what must stay
 * unmet (and say so when the roll is short), construct greedily, repair by chains, search
 * for coverage, shape what is still short, improve by local search, then report. Every
 * phase after construction works to a budget and stops at the bound. Pure TypeScript and
 * synchronous, so the CLI, the NestJS module and the tests all run exactly the same code.
 */
import { AttributeIndex } from './attributes';
import { PhaseBudget, PhaseReport, SolveClock } from './budget';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { constructChart } from './construct';
import { searchForCoverage } from './coverage-search';
import { improveChart } from './local-search';
import { compileModel } from './model';
import { repairChart } from './repair';
import { SeededRandom } from './rng';
import { deficitLowerBound } from './lower-bound';
import { checkRoll, eligibleOfficers } from './roll-check';
import { findShortfalls } from './shortfalls';
import { shapeShortfalls } from './shortfall-shape';
import { DEFAULT_WEIGHTS, SoftWeights } from './soft-weights';
import {
  Assignment,
  BandobastInstance,
  DutyChartSolution,
  HoursSpread,
  RANKS,
  RollCheck,
  ShortfallShape,
} from './types';
import { assertValidInstance } from './validate';

export interface SolveOptions {
  /** Overrides `instance.seed`. */
  seed?: number;
  weights?: Partial<SoftWeights>;
  /** Local-search moves; the default scales with the number of filled slots. Never a time limit, so results are reproducible. */
  searchMoves?: number;
  /** Scales every phase's work budget (1 by default); the budgets are counts, so any value stays reproducible. */
  effort?: number;
  /** Where a shortfall that cannot be avoided goes: on as few posts as possible (default), or evened out. */
  shortfalls?: ShortfallShape;
  /**
   * Wall-clock limit of the whole solve in ms. When reached, the phase running stops between
   * two moves and the best chart so far is returned with `stats.cutShort`. The only time
   * the solver reads a clock, and only to stop: without it a solve is fully reproducible.
   */
  timeLimitMs?: number;
  /** Asked between moves; true stops the solve like the time limit (a cancel). */
  shouldStop?: () => boolean;
  /** Called once before the phases run, with what the roll can and cannot cover. */
  onRollChecked?: (roll: RollCheck) => void;
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

/** Local-search moves per filled slot by default, and the cap. */
const MOVES_PER_SLOT = 60;
const MAX_DEFAULT_MOVES = 400_000;
/** Coverage-search steps without progress before a shortfall is accepted as real. */
const COVERAGE_PATIENCE = 400;
/**
 * Work budgets, in officer-side checks. Each phase gets a base that scales with the
 * instance (per slot) plus an allowance per unmet unit above the proven bound, capped so
 * that a roll far too small cannot make the phase open-ended. Feasible charts and the
 * known-shortfall instances use a small fraction of these (README, "Budgets").
 */
const REPAIR_WORK_PER_SLOT = 400;
const REPAIR_WORK_PER_UNIT = 200_000;
const COVERAGE_WORK_PER_SLOT = 800;
const COVERAGE_WORK_PER_UNIT = 400_000;
const SHAPE_WORK_PER_SLOT = 200;
const MAX_PHASE_WORK = 150_000_000;

/** Budget of a covering phase: per slot, plus per unmet unit the chart is above the proven bound. */
function phaseWork(
  state: DutyChartState,
  bound: number,
  perSlot: number,
  perUnit: number,
  effort: number,
): number {
  const gap = Math.max(0, state.deficit - bound);
  return Math.round(effort * Math.min(MAX_PHASE_WORK, perSlot * state.slotCount + perUnit * gap));
}

/**
 * Solves a duty chart. Throws `InvalidInstanceError` (with field-naming messages) on
 * bad input; otherwise always returns a chart, `INFEASIBLE` with shortfalls when the
 * requirements cannot all be met.
 */
export function solve(input: unknown, options: SolveOptions = {}): DutyChartSolution {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const instance = assertValidInstance(input);
  const model = compileModel(instance);
  const state = new DutyChartState(model, { ...DEFAULT_WEIGHTS, ...options.weights });
  const random = new SeededRandom(options.seed ?? instance.seed ?? 1);
  const attributes = new AttributeIndex(model);
  const lap = lapTimer(log, started);
  const effort = options.effort ?? 1;
  const clock = new SolveClock(
    options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs,
    options.shouldStop,
  );

  applyPinned(state, instance);
  lap(
    `compiled ${model.officerIds.length} officers, ${model.shiftIds.length} shifts, ${state.slotCount} slots`,
  );
  const bound = deficitLowerBound(state, attributes);
  const roll = checkRoll(state, bound);
  lap(roll.message ?? `proven lower bound: ${bound.total} unmet requirement units`);
  options.onRollChecked?.(roll);

  const phases: PhaseReport[] = [];
  const runPhase = (
    name: string,
    work: number,
    floor: number,
    run: (budget: PhaseBudget) => string | void,
  ) => {
    const budget = new PhaseBudget(name, state, work, floor, clock);
    const detail = budget.over ? undefined : run(budget);
    const report = budget.report();
    phases.push(report);
    lap(
      `${name}: ${detail ? `${detail}, ` : ''}${state.deficit} unmet requirement units (${report.work} checks of ${report.budget}, stopped: ${report.stoppedBy})`,
    );
  };
  constructChart(state, attributes);
  lap(`greedy construction: ${state.deficit} unmet requirement units`);
  runPhase(
    'repair',
    phaseWork(state, bound.total, REPAIR_WORK_PER_SLOT, REPAIR_WORK_PER_UNIT, effort),
    bound.total,
    (budget) => repairChart(state, attributes, budget),
  );
  runPhase(
    'coverage search',
    phaseWork(state, bound.total, COVERAGE_WORK_PER_SLOT, COVERAGE_WORK_PER_UNIT, effort),
    bound.total,
    (budget) =>
      `${searchForCoverage(state, attributes, random, COVERAGE_PATIENCE, budget).steps} steps`,
  );
  if (state.deficit > 0)
    runPhase(
      'shortfall shaping',
      Math.round(effort * SHAPE_WORK_PER_SLOT * state.slotCount),
      -Infinity,
      (budget) =>
        `${shapeShortfalls(state, attributes, options.shortfalls ?? 'concentrated', budget)} moves kept`,
    );
  const filled = state.slotCount - countOpenSlots(state);
  const moves =
    options.searchMoves ??
    Math.round(effort * Math.min(MAX_DEFAULT_MOVES, MOVES_PER_SLOT * filled));
  const search = improveChart(state, moves, random, clock);
  phases.push({
    phase: 'local search',
    work: search.tried,
    budget: moves,
    stoppedBy: search.cutShort ? 'time' : 'budget',
    unmetBefore: state.deficit,
    unmetAfter: state.deficit,
  });
  lap(
    `local search: ${search.accepted}/${search.tried} moves kept, soft penalty -${Math.round(search.improvement)}`,
  );

  const shortfalls = findShortfalls(state, attributes);
  const cutShort = phases.some((phase) => phase.stoppedBy === 'time');
  const solution: DutyChartSolution = {
    status: shortfalls.length === 0 ? 'OK' : 'INFEASIBLE',
    assignments: assignmentsOf(state),
    shortfalls,
    stats: {
      solveMs: Math.round(performance.now() - started),
      dutyHours: dutyHourSpread(state),
      unmet: state.deficit,
      lowerBound: bound.total,
      cutShort,
      roll,
      phases,
    },
  };
  log(
    `${solution.status}: ${solution.assignments.length} duties, ${state.deficit} unmet units in ${shortfalls.length} shortfalls (proven minimum ${bound.total}${state.deficit === bound.total ? ', reached' : ''})${cutShort ? ', cut short by the time limit' : ''}, ${solution.stats.solveMs} ms`,
  );
  return solution;
}

function countOpenSlots(state: DutyChartState): number {
  let open = 0;
  for (let slot = 0; slot < state.slotCount; slot++)
    if (state.slotOfficer[slot] === NO_OFFICER) open++;
  return open;
}

function lapTimer(log: (line: string) => void, started: number): (what: string) => void {
  return (what) => log(`[${Math.round(performance.now() - started)} ms] ${what}`);
}

/** Pinned duties go in first and are never moved; validation already proved them legal. */
function applyPinned(state: DutyChartState, instance: BandobastInstance): void {
  const model = state.model;
  const officerIndex = new Map(model.officerIds.map((id, o) => [id, o]));
  const shiftIndex = new Map(model.shiftIds.map((id, s) => [id, s]));
  for (const pin of instance.pinned ?? []) {
    const officer = officerIndex.get(pin.officerId) as number;
    const shift = shiftIndex.get(pin.shiftId) as number;
    const slotRank = RANKS.indexOf(pin.slotRank ?? RANKS[model.officerRank[officer]]);
    for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
      if (state.slotRank[slot] === slotRank && state.slotOfficer[slot] === NO_OFFICER) {
        state.assign(officer, slot);
        state.slotPinned[slot] = 1;
        break;
      }
    }
  }
}

function assignmentsOf(state: DutyChartState): Assignment[] {
  const model = state.model;
  const assignments: Assignment[] = [];
  for (let slot = 0; slot < state.slotCount; slot++) {
    const officer = state.slotOfficer[slot];
    if (officer === NO_OFFICER) continue;
    assignments.push({
      officerId: model.officerIds[officer],
      shiftId: model.shiftIds[state.slotShift[slot]],
      slotRank: RANKS[state.slotRank[slot]],
    });
  }
  return assignments;
}

/** Chart duty hours over eligible officers, counting those given no duty at all. */
function dutyHourSpread(state: DutyChartState): HoursSpread {
  const hours = eligibleOfficers(state.model).map((o) => state.officerHours[o]);
  if (hours.length === 0) return { min: 0, max: 0, stddev: 0 };
  const mean = hours.reduce((sum, h) => sum + h, 0) / hours.length;
  const variance = hours.reduce((sum, h) => sum + (h - mean) ** 2, 0) / hours.length;
  return {
    min: Math.min(...hours),
    max: Math.max(...hours),
    stddev: Math.round(Math.sqrt(variance) * 100) / 100,
  };
}

export { eligibleOfficers };
