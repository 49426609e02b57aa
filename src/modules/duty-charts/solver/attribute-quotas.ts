/**
 * Rank quotas for scarce attributes. "Shift X needs 3 armed" says nothing about ranks,
 * yet an armed SI can only stand in an SI slot. Filling shift by shift, a greedy
 * happily spends armed constables where an armed SI would have done, and runs out of
 * armed constables later. A max-flow per day (free holders, grouped by rank and by
 * which of the day's time windows they can still work → open rank slots of shifts →
 * the shift's remaining need) decides up front how many holders of each rank each
 * shift should get, so the greedy spends them where they fit.
 */
import { Attribute } from './attributes';
import { DutyChartState } from './chart-state';
import { RANK_COUNT, rankFits } from './model';
import { FlowNetwork } from './max-flow';

/** Quota per (shift, slot rank): index shift * RANK_COUNT + rank. */
export function attributeQuotas(
  state: DutyChartState,
  holders: readonly number[],
  need: (shift: number) => number,
): Int32Array {
  const model = state.model;
  const quotas = new Int32Array(model.shiftIds.length * RANK_COUNT);
  const shiftsByDay = new Map<number, number[]>();
  for (const shift of model.shiftsByStart) {
    if (need(shift) > 0)
      shiftsByDay.set(model.shiftDay[shift], [
        ...(shiftsByDay.get(model.shiftDay[shift]) ?? []),
        shift,
      ]);
  }
  for (const shifts of shiftsByDay.values()) solveDay(state, shifts, holders, need, quotas);
  return quotas;
}

/** One day: an officer works at most one of a day's shifts, so each free holder supplies one unit. */
function solveDay(
  state: DutyChartState,
  shifts: number[],
  holders: readonly number[],
  need: (shift: number) => number,
  quotas: Int32Array,
): void {
  const model = state.model;
  // Whether a holder can still work a shift depends only on its time window, not its post.
  const windowOf = new Map<string, number>();
  const windowShift: number[] = [];
  const shiftWindow = shifts.map((shift) => {
    const key = `${model.shiftStart[shift]}|${model.shiftEnd[shift]}`;
    if (!windowOf.has(key)) {
      windowOf.set(key, windowShift.length);
      windowShift.push(shift);
    }
    return windowOf.get(key) as number;
  });
  const groups = new Map<string, { rank: number; free: boolean[]; count: number }>();
  for (const officer of holders) {
    const free = windowShift.map((shift) => state.canTake(officer, shift));
    if (!free.some(Boolean)) continue;
    const key = `${model.officerRank[officer]}|${free.map(Number).join('')}`;
    const group = groups.get(key) ?? { rank: model.officerRank[officer], free, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  const groupList = [...groups.values()];
  const source = 0;
  const sink = 1;
  const slotNode = (k: number, rank: number) => 2 + groupList.length + k * RANK_COUNT + rank;
  const shiftNode = (k: number) => 2 + groupList.length + shifts.length * RANK_COUNT + k;
  const network = new FlowNetwork(2 + groupList.length + shifts.length * (RANK_COUNT + 1));
  groupList.forEach((group, g) => network.addEdge(source, 2 + g, group.count));
  const slotEdges: { shift: number; rank: number; edge: number }[] = [];
  shifts.forEach((shift, k) => {
    network.addEdge(shiftNode(k), sink, need(shift));
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      let open = 0;
      for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
        if (state.slotRank[slot] === rank && state.slotOfficer[slot] < 0) open++;
      }
      if (open === 0) continue;
      slotEdges.push({ shift, rank, edge: network.addEdge(slotNode(k, rank), shiftNode(k), open) });
      groupList.forEach((group, g) => {
        if (group.free[shiftWindow[k]] && rankFits(model, group.rank, rank))
          network.addEdge(2 + g, slotNode(k, rank), open);
      });
    }
  });
  network.maxFlow(source, sink);
  for (const { shift, rank, edge } of slotEdges)
    quotas[shift * RANK_COUNT + rank] = network.flowOn(edge);
}

export type { Attribute };
