/**
 * Coverage search: when greedy and chain repair still leave holes, a tabu search on
 * the hard score alone (empty slots + missing women/skills). Each step picks an unmet
 * requirement, tries a handful of officers who could meet it (each may give up the
 * duties that clash, which are re-staffed at once), and takes the best trial even if
 * it only holds the score level, so the search can walk across plateaus that a pure
 * improvement rule cannot. The best chart seen is kept. It stops when the chart meets
 * the proven bound, after a fixed number of steps without progress, or when its work
 * budget is spent (counted in checks, not time, so it is reproducible); a time limit or a
 * cancel also stops it, and the best chart seen is restored either way.
 */
import { Attribute, AttributeIndex, attributeNeeds, hasAttribute } from './attributes';
import { PhaseBudget } from './budget';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { candidatesForRank } from './construct';
import { rankFits } from './model';
import { SeededRandom } from './rng';

/** Officers tried per step. */
const TRIALS_PER_STEP = 16;
/** Candidates looked at when re-staffing a vacated slot. */
const RESTAFF_SCAN = 400;
/** Steps an officer stays untouchable after being moved, so the search does not undo itself. */
const TABU_STEPS = 12;

export interface CoverageReport {
  steps: number;
  deficitBefore: number;
  deficitAfter: number;
}

/** An empty slot (`attribute` null, `slotRank` its rank) or a missing woman/skill holder. */
interface Unmet {
  shift: number;
  slotRank: number;
  attribute: Attribute | null;
}

export function searchForCoverage(
  state: DutyChartState,
  attributes: AttributeIndex,
  random: SeededRandom,
  patience: number,
  budget: PhaseBudget,
): CoverageReport {
  const report: CoverageReport = {
    steps: 0,
    deficitBefore: state.deficit,
    deficitAfter: state.deficit,
  };
  if (budget.over) return report;
  const tabuUntil = new Int32Array(state.model.officerIds.length);
  let best = Int32Array.from(state.slotOfficer);
  let bestDeficit = state.deficit;
  let sinceProgress = 0;
  while (sinceProgress < patience && !budget.over) {
    report.steps++;
    sinceProgress++;
    const unmet = unmetRequirements(state);
    const target = unmet[random.below(unmet.length)];
    const pool =
      target.attribute === null
        ? candidatesForRank(state.model, target.slotRank)
        : (attributes.holders.get(target.attribute) ?? []);
    const move = bestTrial(state, target, pool, random, tabuUntil, report.steps);
    if (!move) continue;
    applyMove(state, move);
    tabuUntil[move.officer] = report.steps + TABU_STEPS + random.below(TABU_STEPS);
    if (state.deficit < bestDeficit) {
      bestDeficit = state.deficit;
      best = Int32Array.from(state.slotOfficer);
      sinceProgress = 0;
    }
  }
  if (state.deficit > bestDeficit) restore(state, best);
  report.deficitAfter = state.deficit;
  return report;
}

function unmetRequirements(state: DutyChartState): Unmet[] {
  const model = state.model;
  const unmet: Unmet[] = [];
  for (let shift = 0; shift < model.shiftIds.length; shift++) {
    for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
      if (state.slotOfficer[slot] === NO_OFFICER)
        unmet.push({ shift, slotRank: state.slotRank[slot], attribute: null });
    }
    for (const need of attributeNeeds(state, shift)) {
      if (need.have < need.need) unmet.push({ shift, slotRank: -1, attribute: need.attribute });
    }
  }
  return unmet;
}

interface Move {
  officer: number;
  entry: number;
  /** Seeds the re-staffing scan, so applying the chosen move replays its trial exactly. */
  seed: number;
  deficit: number;
  cost: number;
}

function bestTrial(
  state: DutyChartState,
  target: Unmet,
  pool: readonly number[],
  random: SeededRandom,
  tabuUntil: Int32Array,
  step: number,
): Move | null {
  let best: Move | null = null;
  for (const officer of promisingOfficers(state, target, pool, random)) {
    if (
      tabuUntil[officer] > step ||
      state.isOnShift(officer, target.shift) ||
      state.isOnLeaveDuring(officer, target.shift)
    )
      continue;
    const entry =
      target.attribute === null
        ? openSlotOfRankFor(state, target)
        : entryFor(state, officer, target.shift, target.attribute);
    if (entry < 0) continue;
    const mark = state.beginTrial();
    const seed = step * 7_919 + officer;
    const done = bringIn(state, officer, entry, seed);
    const move = { officer, entry, seed, deficit: state.deficit, cost: state.softCost };
    state.rollback(mark);
    if (!done) continue;
    if (
      !best ||
      move.deficit < best.deficit ||
      (move.deficit === best.deficit && move.cost < best.cost)
    )
      best = move;
  }
  return best;
}

/**
 * Who to try: officers free to serve the shift, then holders wasted where they are
 * (their shift has more of the attribute than it needs), then a random few, so that
 * long chains through busy officers are still explored.
 */
function promisingOfficers(
  state: DutyChartState,
  target: Unmet,
  pool: readonly number[],
  random: SeededRandom,
): number[] {
  const free: number[] = [];
  const wasted: number[] = [];
  const others: number[] = [];
  const offset = random.below(Math.max(1, pool.length));
  for (let k = 0; k < pool.length; k++) {
    const officer = pool[(offset + k) % pool.length];
    if (state.canTake(officer, target.shift)) {
      if (free.length < TRIALS_PER_STEP) free.push(officer);
    } else if (
      target.attribute !== null &&
      wasted.length < TRIALS_PER_STEP &&
      isWastedHolder(state, officer, target)
    ) {
      wasted.push(officer);
    } else if (others.length < TRIALS_PER_STEP) {
      others.push(officer);
    }
    if (free.length + wasted.length >= TRIALS_PER_STEP && others.length >= TRIALS_PER_STEP / 2)
      break;
  }
  return [...free, ...wasted, ...others.slice(0, TRIALS_PER_STEP / 2)];
}

function isWastedHolder(state: DutyChartState, officer: number, target: Unmet): boolean {
  const clashes = state.clashingSlots(officer, target.shift);
  return (
    clashes.length > 0 &&
    clashes.every((slot) => {
      const need = attributeNeeds(state, state.slotShift[slot]).find(
        (item) => item.attribute === target.attribute,
      );
      return !need || need.have > need.need;
    })
  );
}

function openSlotOfRankFor(state: DutyChartState, target: Unmet): number {
  return state.openSlotOfRank(target.shift, target.slotRank);
}

/**
 * Where the holder would stand: an open slot of a fitting rank, else the fitting slot
 * whose occupant lacks the attribute and matters least to the shift's other needs.
 */
function entryFor(
  state: DutyChartState,
  officer: number,
  shift: number,
  attribute: Attribute,
): number {
  const open = state.openSlotFor(officer, shift);
  if (open >= 0) return open;
  const model = state.model;
  const needs = attributeNeeds(state, shift);
  let best = -1;
  let bestLoss = Infinity;
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    const occupant = state.slotOfficer[slot];
    if (
      occupant === NO_OFFICER ||
      state.slotPinned[slot] ||
      hasAttribute(model, occupant, attribute)
    )
      continue;
    if (!rankFits(model, model.officerRank[officer], state.slotRank[slot])) continue;
    let loss = 0;
    for (const need of needs) {
      if (
        need.have <= need.need &&
        hasAttribute(model, occupant, need.attribute) &&
        !hasAttribute(model, officer, need.attribute)
      )
        loss++;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = slot;
    }
  }
  return best;
}

/** The officer leaves every clashing duty, takes `entry`, and each vacated slot is re-staffed if anyone legal is free. */
function bringIn(state: DutyChartState, officer: number, entry: number, seed: number): boolean {
  const random = new SeededRandom(seed);
  const shift = state.slotShift[entry];
  const clashes = state.clashingSlots(officer, shift);
  if (clashes.length > 2 || clashes.some((slot) => state.slotPinned[slot])) return false;
  const left = clashes.map((slot) => state.slotShift[slot]);
  if (!state.canTake(officer, shift, left[0] ?? -1, left[1] ?? -1)) return false;
  for (const slot of clashes) state.unassign(slot);
  let spare = state.unassign(entry);
  state.assign(officer, entry);
  for (const slot of clashes) spare = restaff(state, slot, spare, random);
  return true;
}

/** Fills a vacated slot, preferring whoever restores what its shift now lacks; returns the spare officer if unused. */
function restaff(state: DutyChartState, slot: number, spare: number, random: SeededRandom): number {
  const model = state.model;
  const shift = state.slotShift[slot];
  const lacking = attributeNeeds(state, shift)
    .filter((need) => need.have < need.need)
    .map((need) => need.attribute);
  const value = (officer: number) => {
    let gained = 0;
    for (const attribute of lacking) if (hasAttribute(model, officer, attribute)) gained++;
    return gained * 1e9 - state.placementCost(officer, slot);
  };
  let best = NO_OFFICER;
  let bestValue = -Infinity;
  if (
    spare !== NO_OFFICER &&
    rankFits(model, model.officerRank[spare], state.slotRank[slot]) &&
    state.canTake(spare, shift)
  ) {
    best = spare;
    bestValue = value(spare);
  }
  const pool = candidatesForRank(model, state.slotRank[slot]);
  const offset = random.below(Math.max(1, pool.length));
  for (let k = 0; k < Math.min(pool.length, RESTAFF_SCAN); k++) {
    const officer = pool[(offset + k) % pool.length];
    if (!state.canTake(officer, shift)) continue;
    const officerValue = value(officer);
    if (officerValue > bestValue) {
      bestValue = officerValue;
      best = officer;
    }
  }
  if (best === NO_OFFICER) return spare;
  state.assign(best, slot);
  return best === spare ? NO_OFFICER : spare;
}

function applyMove(state: DutyChartState, move: Move): void {
  bringIn(state, move.officer, move.entry, move.seed);
}

function restore(state: DutyChartState, best: Int32Array): void {
  for (let slot = 0; slot < state.slotCount; slot++)
    if (state.slotOfficer[slot] !== best[slot]) state.unassign(slot);
  for (let slot = 0; slot < state.slotCount; slot++) {
    if (best[slot] !== NO_OFFICER && state.slotOfficer[slot] === NO_OFFICER)
      state.assign(best[slot], slot);
  }
}
