/**
 * Before solving: can the roll cover the request at all? When the proven bound says it
 * cannot, the duty officer is told at once, in numbers ("the roll has 1,432 officers of
 * the needed ranks for 5,556 slots"), rather than after the solve.
 */
import { DutyChartState } from './chart-state';
import { DeficitBound } from './lower-bound';
import { BandobastModel, rankFits } from './model';
import { RANKS, RequirementKey, RollCheck, RollShortage } from './types';

const count = (n: number) => n.toLocaleString('en-IN');

export function checkRoll(state: DutyChartState, bound: DeficitBound): RollCheck {
  const slots = state.slotCount;
  const officers = eligibleOfficers(state.model).length;
  const shortages: RollShortage[] = [...bound.byRequirement]
    .filter(([, value]) => value.unmetAtLeast > 0)
    .map(([requirement, value]) => ({
      requirement,
      needed: value.needed,
      unmetAtLeast: value.unmetAtLeast,
    }))
    .sort((a, b) => order(a.requirement) - order(b.requirement) || b.unmetAtLeast - a.unmetAtLeast);
  return {
    officers,
    slots,
    lowerBound: bound.total,
    shortages,
    message: bound.total > 0 ? message(officers, slots, bound.total, shortages) : null,
  };
}

/** Ranks first, then women, then skills. */
function order(requirement: RequirementKey): number {
  return requirement.startsWith('rank:') ? 0 : requirement === 'women' ? 1 : 2;
}

function message(
  officers: number,
  slots: number,
  total: number,
  shortages: RollShortage[],
): string {
  const parts = shortages.map((s) => {
    const what = s.requirement.startsWith('rank:')
      ? `${s.requirement.slice(5)} slots`
      : s.requirement === 'women'
        ? 'women'
        : `"${s.requirement.slice(6)}" holders`;
    return `${what}: ${count(s.unmetAtLeast)} of ${count(s.needed)}`;
  });
  return (
    `the roll has ${count(officers)} officers of the needed ranks for ${count(slots)} slots: ` +
    `at least ${count(total)} requirement units will go unmet whatever the chart` +
    (parts.length > 0 ? ` (short at least ${parts.join('; ')})` : '')
  );
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
