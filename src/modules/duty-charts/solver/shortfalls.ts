/**
 * The shortfall report: every requirement the chart leaves unmet, with a reason a
 * reserve inspector can act on ("3 more women needed; only 9 are available at that
 * time, all 9 on this shift"). An INFEASIBLE chart is never silent about its gaps.
 */
import { Attribute, attributeName, attributeNeeds, AttributeIndex, WOMEN } from './attributes';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { candidatesForRank } from './construct';
import { RANK_COUNT, rankFits } from './model';
import { RANKS, RequirementKey, Shortfall } from './types';

export function findShortfalls(state: DutyChartState, attributes: AttributeIndex): Shortfall[] {
  const model = state.model;
  const shortfalls: Shortfall[] = [];
  model.shiftIds.forEach((shiftId, shift) => {
    const where = `sector ${model.sectorNames[model.shiftSector[shift]]}, shift ${shiftId}`;
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const needed = model.shiftRankNeed[shift * RANK_COUNT + rank];
      if (needed === 0) continue;
      let assigned = 0;
      for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
        if (state.slotRank[slot] === rank && state.slotOfficer[slot] !== NO_OFFICER) assigned++;
      }
      if (assigned >= needed) continue;
      const label = RANKS[rank];
      const pool = candidatesForRank(model, rank);
      shortfalls.push({
        shiftId,
        requirement: `rank:${label}` as RequirementKey,
        needed,
        assigned,
        reason: `${where}: ${needed - assigned} more ${label} needed (needs ${needed}, has ${assigned}); ${explain(state, shift, pool, label)}`,
      });
    }
    for (const need of attributeNeeds(state, shift)) {
      if (need.have >= need.need) continue;
      const skill = need.attribute === WOMEN ? '' : model.skillNames[need.attribute];
      const noun = need.attribute === WOMEN ? 'women' : `officers with skill "${skill}"`;
      const missing = need.need - need.have;
      const missingNoun =
        missing > 1 ? noun : need.attribute === WOMEN ? 'woman' : `officer with skill "${skill}"`;
      const pool = (attributes.holders.get(need.attribute) ?? []).filter((o) =>
        fitsAnySlot(state, o, shift),
      );
      const slots = model.shiftSlotCount[shift];
      const why =
        need.need > slots
          ? `the shift has only ${slots} slots in all`
          : explain(state, shift, pool, `${noun} of a fitting rank`, need.attribute);
      shortfalls.push({
        shiftId,
        requirement: attributeName(model, need.attribute) as RequirementKey,
        needed: need.need,
        assigned: need.have,
        reason: `${where}: ${missing} more ${missingNoun} needed (needs ${need.need}, has ${need.have}); ${why}`,
      });
    }
  });
  return shortfalls;
}

function fitsAnySlot(state: DutyChartState, officer: number, shift: number): boolean {
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    if (rankFits(state.model, state.model.officerRank[officer], state.slotRank[slot])) return true;
  }
  return false;
}

/** Where the eligible officers went: on leave, on this shift, on clashing duties, or free. */
function explain(
  state: DutyChartState,
  shift: number,
  pool: readonly number[],
  noun: string,
  attribute?: Attribute,
): string {
  const model = state.model;
  if (model.shiftTooLong[shift]) {
    return `the shift lasts ${model.shiftHours[shift]} h, more than the ${model.rules.maxMinutesPer24h / 60} h allowed in any 24 h, so nobody may take it`;
  }
  if (pool.length === 0) return `there are no ${noun} on the roll`;
  let available = 0;
  let onThisShift = 0;
  let free = 0;
  for (const officer of pool) {
    if (state.isOnLeaveDuring(officer, shift)) continue;
    available++;
    if (state.isOnShift(officer, shift)) onThisShift++;
    else if (state.canTake(officer, shift)) free++;
  }
  if (available === 0) return `all ${pool.length} ${noun} are unavailable (leave) at that time`;
  const busy = available - onThisShift - free;
  const parts = [`${available} ${noun} are off leave at that time`];
  if (onThisShift > 0 || attribute !== undefined)
    parts.push(`${onThisShift} already on this shift`);
  if (busy > 0) parts.push(`${busy} on clashing duties or resting under the rest/24-hour rules`);
  if (free > 0) parts.push(`${free} free but with no open slot of their rank here`);
  return `${parts[0]}${parts.length > 1 ? `: ${parts.slice(1).join(', ')}` : ''}`;
}
