/**
 * Repair: fill the holes the greedy left, by moving officers along chains rather than
 * breaking any rule. An open slot is filled by an augmenting path (officer A moves
 * into the hole, officer B into A's old slot, ... a free officer ends the chain), as
 * in bipartite matching. A missing woman or skill is fixed by bringing in a holder and
 * re-staffing the slot she or he leaves, never making another shift worse.
 *
 * It works to a budget (`PhaseBudget`): between moves it stops once the chart meets the
 * proven bound, the work is spent, or the clock runs out. One move is bounded on its own
 * (MAX_PATH_EXPANSIONS, MAX_ATTRIBUTE_TRIALS), so the budget is never overrun by much.
 */
import { Attribute, AttributeIndex, attributeDeficit, hasAttribute } from './attributes';
import { PhaseBudget } from './budget';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { candidatesForRank } from './construct';
import { rankFits } from './model';

/** Slots explored per augmenting-path search; bounds the cost of proving a hole cannot be filled. */
const MAX_PATH_EXPANSIONS = 300;
/** Holder trials per missing woman/skill before giving up on that shortfall. */
const MAX_ATTRIBUTE_TRIALS = 400;

export function repairChart(
  state: DutyChartState,
  attributes: AttributeIndex,
  budget: PhaseBudget,
): void {
  fillOpenSlots(state, budget);
  fixAttributeDeficits(state, attributes, budget);
  fillOpenSlots(state, budget);
}

export function fillOpenSlots(state: DutyChartState, budget: PhaseBudget): void {
  const model = state.model;
  // A hole with no augmenting path stays without one as other holes are filled, so
  // remember failures per (rank, time window): posts do not matter to the officer side.
  const hopeless = new Set<string>();
  for (const shift of model.shiftsByStart) {
    for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
      if (state.slotOfficer[slot] !== NO_OFFICER) continue;
      const key = `${state.slotRank[slot]}|${model.shiftStart[shift]}|${model.shiftEnd[shift]}`;
      if (hopeless.has(key)) continue;
      if (budget.over) return;
      if (!augmentSlot(state, slot)) hopeless.add(key);
    }
  }
}

interface ChainLink {
  /** The slot the officer moves into. */
  into: number;
  officer: number;
}

/** Breadth-first search for a chain of moves that ends the hole at `target`. */
export function augmentSlot(state: DutyChartState, target: number): boolean {
  const model = state.model;
  const cameFrom = new Map<number, ChainLink>();
  const seenOfficers = new Set<number>();
  const seenSlots = new Set<number>([target]);
  const queue = [target];
  for (let head = 0; head < queue.length && head < MAX_PATH_EXPANSIONS; head++) {
    const hole = queue[head];
    const shift = state.slotShift[hole];
    for (const officer of candidatesForRank(model, state.slotRank[hole])) {
      if (seenOfficers.has(officer)) continue;
      if (state.canTake(officer, shift)) {
        if (applyChain(state, hole, officer, cameFrom)) return true;
        continue;
      }
      if (state.isOnLeaveDuring(officer, shift)) continue;
      const clashes = state.clashingSlots(officer, shift);
      if (clashes.length !== 1) continue;
      const from = clashes[0];
      const fromShift = state.slotShift[from];
      if (state.slotPinned[from] || seenSlots.has(from) || fromShift === shift) continue;
      if (
        !state.canTake(officer, shift, fromShift) ||
        state.attributesWorsen(fromShift, officer, NO_OFFICER)
      )
        continue;
      seenOfficers.add(officer);
      seenSlots.add(from);
      cameFrom.set(from, { into: hole, officer });
      queue.push(from);
    }
  }
  return false;
}

/** Walks the chain back from its last hole; undoes everything unless the chart's deficit fell. */
function applyChain(
  state: DutyChartState,
  lastHole: number,
  freeOfficer: number,
  cameFrom: Map<number, ChainLink>,
): boolean {
  const before = state.deficit;
  const mark = state.beginTrial();
  let hole = lastHole;
  let officer = freeOfficer;
  for (;;) {
    const link = cameFrom.get(hole);
    if (link) state.unassign(hole); // the link's officer leaves this slot...
    state.assign(officer, hole);
    if (!link) break;
    officer = link.officer;
    hole = link.into; // ...for the slot one step nearer the original hole
  }
  // Each link was checked alone; a chain through one shift twice could still lose a woman or skill.
  if (state.deficit < before) {
    state.commit();
    return true;
  }
  state.rollback(mark);
  return false;
}

export function fixAttributeDeficits(
  state: DutyChartState,
  attributes: AttributeIndex,
  budget: PhaseBudget,
): void {
  const model = state.model;
  for (const attribute of attributes.byScarcity()) {
    for (const shift of model.shiftsByStart) {
      while (attributeDeficit(state, shift, attribute) > 0) {
        if (budget.over || !bringInHolder(state, attributes, shift, attribute, budget)) break;
      }
    }
  }
}

/**
 * One more holder of `attribute` into `shift`: a free holder takes an open slot or
 * replaces a non-holder; failing that, a holder working a clashing shift moves over
 * and the slot left behind is re-staffed (by the displaced officer when possible).
 */
function bringInHolder(
  state: DutyChartState,
  attributes: AttributeIndex,
  shift: number,
  attribute: Attribute,
  budget: PhaseBudget,
): boolean {
  const before = state.deficit;
  let trials = 0;
  // Free holders first: they need no re-staffing behind them, and are cheap to try.
  const holders = attributes.holders.get(attribute) ?? [];
  const free = new Set(holders.filter((holder) => state.canTake(holder, shift)));
  for (const holder of [...free, ...holders.filter((holder) => !free.has(holder))]) {
    if (state.isOnShift(holder, shift) || state.isOnLeaveDuring(holder, shift)) continue;
    const entry = entrySlot(state, holder, shift, attribute);
    if (entry < 0) continue;
    // A holder may leave up to two duties (yesterday's and tomorrow's) to serve here.
    const clashes = state.clashingSlots(holder, shift);
    if (clashes.length > 2 || clashes.some((slot) => state.slotPinned[slot])) continue;
    const leftShifts = clashes.map((slot) => state.slotShift[slot]);
    if (!state.canTake(holder, shift, leftShifts[0] ?? -1, leftShifts[1] ?? -1)) continue;
    if (trials++ >= MAX_ATTRIBUTE_TRIALS || budget.over) return false;

    const mark = state.beginTrial();
    for (const slot of clashes) state.unassign(slot);
    const displaced = state.unassign(entry);
    state.assign(holder, entry);
    let spare = displaced;
    for (const slot of clashes) spare = restaff(state, slot, spare);
    if (state.deficit < before) {
      state.commit();
      return true;
    }
    state.rollback(mark);
  }
  return false;
}

/** An open slot the holder may fill, else a slot whose non-holder occupant may give way. */
function entrySlot(
  state: DutyChartState,
  holder: number,
  shift: number,
  attribute: Attribute,
): number {
  const model = state.model;
  const open = state.openSlotFor(holder, shift);
  if (open >= 0) return open;
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    const occupant = state.slotOfficer[slot];
    if (
      occupant === NO_OFFICER ||
      state.slotPinned[slot] ||
      hasAttribute(model, occupant, attribute)
    )
      continue;
    if (!rankFits(model, model.officerRank[holder], state.slotRank[slot])) continue;
    if (!state.attributesWorsen(shift, occupant, holder)) return slot;
  }
  return -1;
}

/**
 * Re-staffs a slot a holder left: the displaced officer if the rules allow, else the
 * cheapest legal officer, else a chain. Returns the displaced officer if still unused.
 */
function restaff(state: DutyChartState, slot: number, displaced: number): number {
  const model = state.model;
  const shift = state.slotShift[slot];
  if (
    displaced !== NO_OFFICER &&
    rankFits(model, model.officerRank[displaced], state.slotRank[slot]) &&
    state.canTake(displaced, shift)
  ) {
    state.assign(displaced, slot);
    return NO_OFFICER;
  }
  let best = NO_OFFICER;
  let bestCost = Infinity;
  for (const officer of candidatesForRank(model, state.slotRank[slot])) {
    if (!state.canTake(officer, shift)) continue;
    const cost = state.placementCost(officer, slot);
    if (cost < bestCost) {
      bestCost = cost;
      best = officer;
    }
  }
  if (best !== NO_OFFICER) state.assign(best, slot);
  else augmentSlot(state, slot);
  return displaced;
}
