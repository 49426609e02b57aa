/**
 * Where an unavoidable shortfall goes. Once the covering phases are done, the unmet units
 * can still sit on few shifts (each short by more) or on many (each short by less) at the
 * same total. This phase moves officers between shifts without raising the total:
 *
 * - `concentrated` (the default) leaves as few (shift, requirement) entries short as it
 *   can: a shortfall on 4 shifts rather than 8, so the reinforcements asked for go to
 *   fewer posts and every other post stands complete;
 * - `spread` evens the shortfall out (least sum of squares): every post keeps some of
 *   what it asked for, none is left with nobody of a kind.
 *
 * Each move takes one unit of one requirement from a donor shift to a receiving shift: an
 * officer of the slot's rank into an open slot there, or a holder of the missing skill (or
 * a woman) swapped with a colleague who lacks it. A move is kept only if the chart's total
 * unmet units do not rise and the shape score of the two shifts falls. Budgeted in checks.
 */
import {
  Attribute,
  AttributeIndex,
  attributeDeficit,
  attributeNeeds,
  hasAttribute,
} from './attributes';
import { PhaseBudget } from './budget';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { RANK_COUNT, rankFits } from './model';
import { ShortfallShape } from './types';

/** Donor shifts tried per receiving entry. */
const DONORS_TRIED = 24;
/** Passes over all entries; each pass must have kept a move to start another. */
const MAX_PASSES = 12;

/** One requirement: a slot rank (attribute null) or an attribute. */
interface Requirement {
  rank: number;
  attribute: Attribute | null;
}

export function shapeShortfalls(
  state: DutyChartState,
  attributes: AttributeIndex,
  shape: ShortfallShape,
  budget: PhaseBudget,
): number {
  const model = state.model;
  const requirements: Requirement[] = [];
  for (let rank = 0; rank < RANK_COUNT; rank++) requirements.push({ rank, attribute: null });
  for (const attribute of attributes.holders.keys()) requirements.push({ rank: -1, attribute });
  const score = (shift: number) => shiftScore(state, shift, shape);
  const short = new Int32Array(model.shiftIds.length);
  let kept = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let keptThisPass = 0;
    for (const requirement of requirements) {
      for (let shift = 0; shift < short.length; shift++)
        short[shift] = shortOf(state, shift, requirement);
      const entries = model.shiftsByStart.filter((shift) => short[shift] > 0);
      if (entries.length === 0) continue;
      // Spreading takes from shifts at least two units less short, a full one counting as 0.
      const givers =
        shape === 'spread'
          ? model.shiftsByStart.filter((shift) => holdsSome(state, shift, requirement))
          : entries;
      // Concentrating fills the least-short entries from the most-short ones; spreading the reverse.
      const receivers = [...entries].sort((a, b) =>
        shape === 'concentrated' ? short[a] - short[b] || a - b : short[b] - short[a] || a - b,
      );
      for (const receiver of receivers) {
        const y = short[receiver];
        if (y === 0) continue;
        for (const donor of donorsFor(state, receiver, shape, givers, short, y)) {
          if (budget.over) return kept + keptThisPass;
          if (moveOne(state, requirement, donor, receiver, score)) {
            keptThisPass++;
            short[donor] = shortOf(state, donor, requirement);
            short[receiver] = shortOf(state, receiver, requirement);
            break;
          }
        }
      }
    }
    kept += keptThisPass;
    if (keptThisPass === 0) break;
  }
  return kept;
}

/** Unmet units of one requirement on one shift. */
function shortOf(state: DutyChartState, shift: number, requirement: Requirement): number {
  if (requirement.attribute !== null) return attributeDeficit(state, shift, requirement.attribute);
  let open = 0;
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++)
    if (state.slotOfficer[slot] === NO_OFFICER && state.slotRank[slot] === requirement.rank) open++;
  return open;
}

/** The shape penalty of one shift over all its requirements. */
function shiftScore(state: DutyChartState, shift: number, shape: ShortfallShape): number {
  const penalty = (x: number) =>
    x === 0 ? 0 : shape === 'concentrated' ? 1_000_000 - x * x : x * x;
  const open = new Array<number>(RANK_COUNT).fill(0);
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++)
    if (state.slotOfficer[slot] === NO_OFFICER) open[state.slotRank[slot]]++;
  let total = open.reduce((sum, x) => sum + penalty(x), 0);
  for (const need of attributeNeeds(state, shift))
    total += penalty(Math.max(0, need.need - need.have));
  return total;
}

/**
 * Up to DONORS_TRIED shifts that may give a unit: concentrating takes from entries at
 * least as short as the receiver, most short first; spreading from shifts at least two
 * units less short, least short first. Shifts of the receiver's own time window come
 * first: an officer can always change between those.
 */
function donorsFor(
  state: DutyChartState,
  receiver: number,
  shape: ShortfallShape,
  givers: readonly number[],
  short: Int32Array,
  receiverShort: number,
): number[] {
  const model = state.model;
  const sameWindow = (shift: number) =>
    model.shiftStart[shift] === model.shiftStart[receiver] &&
    model.shiftEnd[shift] === model.shiftEnd[receiver]
      ? 0
      : 1;
  const donors = givers.filter((shift) =>
    shift === receiver
      ? false
      : shape === 'concentrated'
        ? short[shift] >= receiverShort
        : short[shift] <= receiverShort - 2,
  );
  donors.sort(
    (a, b) =>
      sameWindow(a) - sameWindow(b) ||
      (shape === 'concentrated' ? short[b] - short[a] : short[a] - short[b]) ||
      a - b,
  );
  return donors.slice(0, DONORS_TRIED);
}

function holdsSome(state: DutyChartState, shift: number, requirement: Requirement): boolean {
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    const officer = state.slotOfficer[slot];
    if (officer === NO_OFFICER || state.slotPinned[slot]) continue;
    if (
      requirement.attribute === null
        ? state.slotRank[slot] === requirement.rank
        : hasAttribute(state.model, officer, requirement.attribute)
    )
      return true;
  }
  return false;
}

/** Moves one unit of the requirement from `donor` to `receiver`, if that keeps the total and improves the shape. */
function moveOne(
  state: DutyChartState,
  requirement: Requirement,
  donor: number,
  receiver: number,
  score: (shift: number) => number,
): boolean {
  const model = state.model;
  const before = score(donor) + score(receiver);
  const deficit = state.deficit;
  const settle = (mark: number): boolean => {
    if (state.deficit <= deficit && score(donor) + score(receiver) < before) {
      state.commit();
      return true;
    }
    state.rollback(mark);
    return false;
  };
  for (let from = state.shiftSlotStart[donor]; from < state.shiftSlotStart[donor + 1]; from++) {
    const officer = state.slotOfficer[from];
    if (officer === NO_OFFICER || state.slotPinned[from]) continue;
    if (requirement.attribute === null) {
      if (state.slotRank[from] !== requirement.rank) continue;
      const into = state.openSlotOfRank(receiver, requirement.rank);
      if (into < 0 || !state.canTake(officer, receiver, donor)) continue;
      const mark = state.beginTrial();
      state.unassign(from);
      state.assign(officer, into);
      if (settle(mark)) return true;
      continue;
    }
    if (!hasAttribute(model, officer, requirement.attribute)) continue;
    if (!state.canTake(officer, receiver, donor)) continue;
    // Into an open slot of the receiver, else in exchange for a colleague without the attribute.
    const open = state.openSlotFor(officer, receiver);
    if (open >= 0) {
      const mark = state.beginTrial();
      state.unassign(from);
      state.assign(officer, open);
      if (settle(mark)) return true;
    }
    for (let to = state.shiftSlotStart[receiver]; to < state.shiftSlotStart[receiver + 1]; to++) {
      const colleague = state.slotOfficer[to];
      if (
        colleague === NO_OFFICER ||
        state.slotPinned[to] ||
        hasAttribute(model, colleague, requirement.attribute) ||
        !rankFits(model, model.officerRank[officer], state.slotRank[to]) ||
        !rankFits(model, model.officerRank[colleague], state.slotRank[from]) ||
        !state.canTake(colleague, donor, receiver)
      )
        continue;
      const mark = state.beginTrial();
      state.unassign(from);
      state.unassign(to);
      state.assign(officer, to);
      state.assign(colleague, from);
      if (settle(mark)) return true;
    }
  }
  return false;
}
