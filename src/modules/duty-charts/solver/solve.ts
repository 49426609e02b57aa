/**
 * The bandobast solver: validate, compile, pin, construct greedily, repair by chains,
 * improve by local search, then report. Pure TypeScript and synchronous, so the CLI,
 * the NestJS module and the tests all run exactly the same code.
 */
import { AttributeIndex } from './attributes';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { constructChart } from './construct';
import { searchForCoverage } from './coverage-search';
import { improveChart } from './local-search';
import { BandobastModel, compileModel, rankFits } from './model';
import { repairChart } from './repair';
import { SeededRandom } from './rng';
import { findShortfalls } from './shortfalls';
import { DEFAULT_WEIGHTS, SoftWeights } from './soft-weights';
import { Assignment, BandobastInstance, DutyChartSolution, HoursSpread, RANKS } from './types';
import { assertValidInstance } from './validate';

export interface SolveOptions {
  /** Overrides `instance.seed`. */
  seed?: number;
  weights?: Partial<SoftWeights>;
  /** Local-search moves; the default scales with the number of slots. Never a time limit, so results are reproducible. */
  searchMoves?: number;
  /** Progress lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

/** Local-search moves per filled slot by default, and the cap. */
const MOVES_PER_SLOT = 60;
const MAX_DEFAULT_MOVES = 400_000;
/** Coverage-search steps without progress before a shortfall is accepted as real. */
const COVERAGE_PATIENCE = 400;

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

  applyPinned(state, instance);
  lap(
    `compiled ${model.officerIds.length} officers, ${model.shiftIds.length} shifts, ${state.slotCount} slots`,
  );
  constructChart(state, attributes);
  lap(`greedy construction: ${state.deficit} unmet requirement units`);
  repairChart(state, attributes);
  lap(`repair: ${state.deficit} unmet requirement units`);
  if (state.deficit > 0) {
    const coverage = searchForCoverage(state, attributes, random, COVERAGE_PATIENCE);
    lap(
      `coverage search: ${coverage.steps} steps, ${coverage.deficitAfter} unmet requirement units`,
    );
  }
  const moves =
    options.searchMoves ?? Math.min(MAX_DEFAULT_MOVES, MOVES_PER_SLOT * state.slotCount);
  const search = improveChart(state, moves, random);
  lap(
    `local search: ${search.accepted}/${search.tried} moves kept, soft penalty -${Math.round(search.improvement)}`,
  );

  const shortfalls = findShortfalls(state, attributes);
  const solution: DutyChartSolution = {
    status: shortfalls.length === 0 ? 'OK' : 'INFEASIBLE',
    assignments: assignmentsOf(state),
    shortfalls,
    stats: { solveMs: Math.round(performance.now() - started), dutyHours: dutyHourSpread(state) },
  };
  log(
    `${solution.status}: ${solution.assignments.length} duties, ${shortfalls.length} shortfalls, ${solution.stats.solveMs} ms`,
  );
  return solution;
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

/**
 * Officers who could take at least one shift of the chart: a fitting rank and not on
 * leave for it. Someone on leave all week is not "treated unfairly" by getting no duty.
 */
export function eligibleOfficers(model: BandobastModel): number[] {
  // Shifts sharing a time window share the answer, so group them first.
  const windows = new Map<string, { start: number; end: number; ranks: Set<number> }>();
  for (let s = 0; s < model.shiftIds.length; s++) {
    if (model.shiftTooLong[s]) continue;
    const key = `${model.shiftStart[s]}|${model.shiftEnd[s]}`;
    const window = windows.get(key) ?? {
      start: model.shiftStart[s],
      end: model.shiftEnd[s],
      ranks: new Set<number>(),
    };
    windows.set(key, window);
    for (let rank = 0; rank < RANKS.length; rank++)
      if (model.shiftRankNeed[s * RANKS.length + rank] > 0) window.ranks.add(rank);
  }
  const eligible: number[] = [];
  for (let o = 0; o < model.officerIds.length; o++) {
    const rank = model.officerRank[o];
    for (const window of windows.values()) {
      const fits = [...window.ranks].some((slotRank) => rankFits(model, rank, slotRank));
      if (
        fits &&
        !model.officerLeave[o].some((leave) => leave.start < window.end && window.start < leave.end)
      ) {
        eligible.push(o);
        break;
      }
    }
  }
  return eligible;
}
