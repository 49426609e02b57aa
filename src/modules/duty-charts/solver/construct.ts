/**
 * Greedy construction of a first chart, in the order a reserve inspector would do it
 * by hand: first spend the scarce people (women, armed, bomb disposal...) where they
 * are needed, then staff every post from the nearest, least-worked officers, then
 * plug remaining holes from anyone who can still legally serve.
 */
import {
  Attribute,
  AttributeIndex,
  attributeDeficit,
  attributeNeeds,
  hasAttribute,
} from './attributes';
import { attributeQuotas } from './attribute-quotas';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { nearest } from './geo';
import { BandobastModel, officerPostKm, RANK_COUNT, rankFits } from './model';

/** Points for an officer who also covers another unmet need of the same shift. */
const COVER_BONUS = 3000;
/** Points per unit of scarcity for spending an officer's scarce attribute where it is not needed. */
const WASTE_PENALTY = 2500;
/** Posts per officer considered in the nearness pass; farther posts are left to the gap filler. */
const NEAR_POSTS = 12;

export function constructChart(state: DutyChartState, attributes: AttributeIndex): void {
  coverScarceAttributes(state, attributes);
  staffFromNearestOfficers(state, attributes);
  fillRemainingSlots(state, attributes);
}

function coverScarceAttributes(state: DutyChartState, attributes: AttributeIndex): void {
  const model = state.model;
  for (const attribute of attributes.byScarcity()) {
    const holders = attributes.holders.get(attribute) ?? [];
    const shifts = shiftsNeeding(state, attribute);
    const quotas = attributeQuotas(state, holders, (shift) =>
      attributeDeficit(state, shift, attribute),
    );
    // Shifts with the fewest possible holders go first: they have no alternatives.
    const reach = new Map(
      shifts.map((s) => [s, holders.filter((o) => !state.isOnLeaveDuring(o, s)).length]),
    );
    shifts.sort(
      (a, b) =>
        (reach.get(a) as number) - (reach.get(b) as number) ||
        model.shiftStart[a] - model.shiftStart[b] ||
        a - b,
    );
    for (const shift of shifts) {
      while (attributeDeficit(state, shift, attribute) > 0) {
        // Within the flow's rank quotas first; any fitting rank if the quotas cannot be met.
        const placed =
          placeHolder(state, attributes, holders, shift, attribute, quotas) ||
          placeHolder(state, attributes, holders, shift, attribute, null);
        if (!placed) break;
      }
    }
  }
}

function placeHolder(
  state: DutyChartState,
  attributes: AttributeIndex,
  holders: readonly number[],
  shift: number,
  attribute: Attribute,
  quotas: Int32Array | null,
): boolean {
  const model = state.model;
  let best = NO_OFFICER;
  let bestSlot = -1;
  let bestScore = Infinity;
  const others = attributeNeeds(state, shift).filter(
    (need) => need.attribute !== attribute && need.have < need.need,
  );
  for (const officer of holders) {
    const slot = state.openSlotFor(officer, shift);
    if (
      slot < 0 ||
      (quotas && quotas[shift * RANK_COUNT + state.slotRank[slot]] <= 0) ||
      !state.canTake(officer, shift)
    )
      continue;
    let score =
      state.placementCost(officer, slot) +
      WASTE_PENALTY * attributes.wasteOf(state, officer, shift);
    for (const need of others)
      if (hasAttribute(model, officer, need.attribute)) score -= COVER_BONUS;
    if (score < bestScore) {
      bestScore = score;
      best = officer;
      bestSlot = slot;
    }
  }
  if (best === NO_OFFICER) return false;
  if (quotas) quotas[shift * RANK_COUNT + state.slotRank[bestSlot]]--;
  state.assign(best, bestSlot);
  return true;
}

function shiftsNeeding(state: DutyChartState, attribute: Attribute): number[] {
  const shifts: number[] = [];
  for (let s = 0; s < state.model.shiftIds.length; s++)
    if (attributeDeficit(state, s, attribute) > 0) shifts.push(s);
  return shifts;
}

/**
 * Day by day and rank by rank, sort every (officer, nearby shift) pairing by its
 * marginal cost and take them greedily. Sorting all pairings at once, rather than
 * filling posts one after another, stops the first posts from taking everyone's
 * nearest officers and leaving the last posts with officers from across the city.
 */
function staffFromNearestOfficers(state: DutyChartState, attributes: AttributeIndex): void {
  const model = state.model;
  const nearPosts = nearestPostsOfOfficers(model, Math.min(NEAR_POSTS, model.postIds.length));
  const shiftsByDayAndPost = new Map<number, Map<number, number[]>>();
  for (const shift of model.shiftsByStart) {
    const day = model.shiftDay[shift];
    const byPost = shiftsByDayAndPost.get(day) ?? new Map<number, number[]>();
    shiftsByDayAndPost.set(day, byPost);
    const list = byPost.get(model.shiftPost[shift]) ?? [];
    list.push(shift);
    byPost.set(model.shiftPost[shift], list);
  }
  for (const byPost of shiftsByDayAndPost.values()) {
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const pairings: { officer: number; shift: number; cost: number }[] = [];
      for (const officer of model.officersByRank[rank]) {
        for (const post of nearPosts[officer]) {
          for (const shift of byPost.get(post) ?? []) {
            const slot = state.openSlotOfRank(shift, rank);
            if (slot < 0 || !state.canTake(officer, shift)) continue;
            const cost =
              state.placementCost(officer, slot) +
              WASTE_PENALTY * attributes.wasteOf(state, officer, shift);
            pairings.push({ officer, shift, cost });
          }
        }
      }
      pairings.sort((a, b) => a.cost - b.cost || a.officer - b.officer || a.shift - b.shift);
      for (const { officer, shift } of pairings) {
        const slot = state.openSlotOfRank(shift, rank);
        if (slot >= 0 && state.canTake(officer, shift)) state.assign(officer, slot);
      }
    }
  }
}

/** Every open slot gets the cheapest officer who may legally take it, exact rank before higher ranks. */
function fillRemainingSlots(state: DutyChartState, attributes: AttributeIndex): void {
  const model = state.model;
  for (const shift of model.shiftsByStart) {
    for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
      if (state.slotOfficer[slot] !== NO_OFFICER) continue;
      let best = NO_OFFICER;
      let bestScore = Infinity;
      for (const officer of candidatesForRank(model, state.slotRank[slot])) {
        if (!state.canTake(officer, shift)) continue;
        const score =
          state.placementCost(officer, slot) +
          WASTE_PENALTY * attributes.wasteOf(state, officer, shift);
        if (score < bestScore) {
          bestScore = score;
          best = officer;
        }
      }
      if (best !== NO_OFFICER) state.assign(best, slot);
    }
  }
}

const candidateCache = new WeakMap<BandobastModel, number[][]>();

/** Officers who may fill a slot of this rank: the rank itself, then (if allowed) higher ranks nearest first. */
export function candidatesForRank(model: BandobastModel, slotRank: number): number[] {
  let cache = candidateCache.get(model);
  if (!cache) {
    cache = [];
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const list = [...model.officersByRank[rank]];
      for (let higher = rank - 1; higher >= 0; higher--) {
        if (rankFits(model, higher, rank)) list.push(...model.officersByRank[higher]);
      }
      cache.push(list);
    }
    candidateCache.set(model, cache);
  }
  return cache[slotRank];
}

function nearestPostsOfOfficers(model: BandobastModel, count: number): number[][] {
  const posts = Array.from({ length: model.postIds.length }, (_, p) => p);
  return model.officerIds.map((_, officer) =>
    nearest(posts, (post) => officerPostKm(model, officer, post), count),
  );
}
