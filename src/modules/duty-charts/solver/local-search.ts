/**
 * Local search on a legal chart: replace an officer by a free colleague, or swap two
 * officers between shifts, keeping every move that does not raise the soft penalty.
 * Every move is checked against the officer-side rules and may never lower a shift's
 * women or skill count, so the chart stays as legal as the repair phase left it.
 * It runs a number of moves fixed up front (it improves the soft score only, so no bound
 * ends it early); a time limit or a cancel stops it between moves.
 */
import { SolveClock } from './budget';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { BandobastModel, officerPostKm, RANK_COUNT, rankFits } from './model';
import { SeededRandom } from './rng';
import { nearest } from './geo';

/** Officers per (post, rank) in the "near the post" candidate list. */
const NEAR_OFFICERS = 40;
/** Share of moves that draw the newcomer from near the post rather than from the whole rank. */
const NEAR_SHARE = 0.7;
/** Every n-th move hands a duty of one of the most-loaded officers to a lighter colleague. */
const OFFLOAD_EVERY = 40;
/** Most-loaded working officers considered for offloading, refreshed as the search runs. */
const HEAVY_LIST = 60;
const HEAVY_REFRESH = 4_000;
/** Candidates scanned for the lighter colleague. */
const OFFLOAD_SCAN = 250;

export interface SearchReport {
  tried: number;
  accepted: number;
  improvement: number;
  /** True when the clock stopped it before its moves were done. */
  cutShort: boolean;
}

export function improveChart(
  state: DutyChartState,
  moves: number,
  random: SeededRandom,
  clock: SolveClock = new SolveClock(),
): SearchReport {
  const model = state.model;
  const movable: number[] = [];
  for (let slot = 0; slot < state.slotCount; slot++) {
    if (state.slotOfficer[slot] !== NO_OFFICER && !state.slotPinned[slot]) movable.push(slot);
  }
  const report: SearchReport = { tried: 0, accepted: 0, improvement: 0, cutShort: false };
  if (movable.length === 0) return report;
  const near = nearestOfficersOfPosts(model, NEAR_OFFICERS);
  const start = state.softCost;
  let heavy: number[] = [];
  for (let move = 0; move < moves; move++) {
    if ((move & 255) === 0 && clock.expired) {
      report.cutShort = true;
      break;
    }
    if (move % OFFLOAD_EVERY === 0) {
      if (move % HEAVY_REFRESH === 0) heavy = mostLoaded(state, HEAVY_LIST);
      if (heavy.length > 0 && tryOffload(state, heavy[random.below(heavy.length)], random))
        report.accepted++;
      report.tried++;
      continue;
    }
    const slot = movable[random.below(movable.length)];
    const shift = state.slotShift[slot];
    const rank = state.slotRank[slot];
    const pool =
      random.next() < NEAR_SHARE
        ? near[model.shiftPost[shift] * RANK_COUNT + rank]
        : model.officersByRank[rank];
    if (pool.length === 0) continue;
    const newcomer = pool[random.below(pool.length)];
    report.tried++;
    if (tryMove(state, slot, newcomer)) report.accepted++;
  }
  report.improvement = start - state.softCost;
  return report;
}

/** Puts `newcomer` into `slot`; the current occupant takes the newcomer's clashing duty, if any. */
function tryMove(state: DutyChartState, slot: number, newcomer: number): boolean {
  const model = state.model;
  const shift = state.slotShift[slot];
  const occupant = state.slotOfficer[slot];
  if (newcomer === occupant || state.isOnShift(newcomer, shift)) return false;
  const clashes = state.clashingSlots(newcomer, shift);
  if (clashes.length > 1) return false;
  const before = state.softCost;
  if (clashes.length === 0) {
    if (!state.canTake(newcomer, shift) || state.attributesWorsen(shift, occupant, newcomer))
      return false;
    const mark = state.beginTrial();
    state.unassign(slot);
    state.assign(newcomer, slot);
    return settle(state, mark, before);
  }
  const other = clashes[0];
  const otherShift = state.slotShift[other];
  if (
    state.slotPinned[other] ||
    !rankFits(model, model.officerRank[occupant], state.slotRank[other])
  )
    return false;
  if (state.isOnShift(occupant, otherShift)) return false;
  if (!state.canTake(newcomer, shift, otherShift) || !state.canTake(occupant, otherShift, shift))
    return false;
  if (
    state.attributesWorsen(shift, occupant, newcomer) ||
    state.attributesWorsen(otherShift, newcomer, occupant)
  )
    return false;
  const mark = state.beginTrial();
  state.unassign(slot);
  state.unassign(other);
  state.assign(newcomer, slot);
  state.assign(occupant, other);
  return settle(state, mark, before);
}

/**
 * Load balance aims at the maximum (as Timefold's does): random moves rarely reach the
 * busiest officers, so they are targeted directly. One of the officer's duties goes to
 * the colleague of a fitting rank who can legally take it at the lowest marginal cost.
 */
function tryOffload(state: DutyChartState, officer: number, random: SeededRandom): boolean {
  const movable = state.officerSlots[officer].filter((slot) => !state.slotPinned[slot]);
  if (movable.length === 0) return false;
  const slot = movable[random.below(movable.length)];
  const shift = state.slotShift[slot];
  const pool = state.model.officersByRank[state.slotRank[slot]];
  let best = NO_OFFICER;
  let bestCost = Infinity;
  const offset = random.below(Math.max(1, pool.length));
  for (let k = 0; k < Math.min(pool.length, OFFLOAD_SCAN); k++) {
    const candidate = pool[(offset + k) % pool.length];
    if (candidate === officer || !state.canTake(candidate, shift)) continue;
    if (state.attributesWorsen(shift, officer, candidate)) continue;
    const cost = state.placementCost(candidate, slot);
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  if (best === NO_OFFICER) return false;
  const before = state.softCost;
  const mark = state.beginTrial();
  state.unassign(slot);
  state.assign(best, slot);
  return settle(state, mark, before);
}

/** Working officers with the highest rolling 30-day hours, heaviest first. */
function mostLoaded(state: DutyChartState, count: number): number[] {
  const model = state.model;
  const load = (o: number) => model.historyHours[o] + state.officerHours[o];
  const working: number[] = [];
  for (let o = 0; o < model.officerIds.length; o++)
    if (state.officerSlots[o].length > 0) working.push(o);
  return nearest(working, (o) => -load(o), count);
}

/** Keeps moves that do not worsen the score; sideways moves let the search cross plateaus. */
function settle(state: DutyChartState, mark: number, before: number): boolean {
  if (state.softCost <= before + 1e-6) {
    state.commit();
    return true;
  }
  state.rollback(mark);
  return false;
}

/** For each (post, rank) the post needs, the officers of that rank living nearest the post. */
function nearestOfficersOfPosts(model: BandobastModel, count: number): number[][] {
  const lists: number[][] = Array.from({ length: model.postIds.length * RANK_COUNT }, () => []);
  for (let shift = 0; shift < model.shiftIds.length; shift++) {
    const post = model.shiftPost[shift];
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      if (
        model.shiftRankNeed[shift * RANK_COUNT + rank] === 0 ||
        lists[post * RANK_COUNT + rank].length > 0
      )
        continue;
      lists[post * RANK_COUNT + rank] = nearest(
        model.officersByRank[rank],
        (o) => officerPostKm(model, o, post),
        count,
      );
    }
  }
  return lists;
}
