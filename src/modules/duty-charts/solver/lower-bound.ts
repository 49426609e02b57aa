/**
 * A proven lower bound on the unmet requirement units (empty slots + missing women and
 * skill holders) of any legal chart, computed once after the pins are placed. The
 * phases after construction stop as soon as the chart meets it: nothing can do better.
 *
 * The argument. Shifts fall into "clash groups": time windows that pairwise clash
 * (overlap, too little rest, or together over the 24-hour cap), so an officer can work
 * at most one shift of a group. For each group, max-flows over officers grouped by rank
 * and by which of the group's windows they are still free for (the quotas' network,
 * per group instead of per day) give the most slots and the most women or skill units
 * any chart can cover there; the rest must stay unmet. A holder of several attributes
 * is counted once per attribute in those flows, and once more in a joint flow in which
 * every officer covers at most as many attributes as one shift of the group asks of
 * them all; the larger of the two attribute bounds holds. Summed over the groups, every
 * shift is counted once.
 */
import {
  Attribute,
  AttributeIndex,
  attributeDeficit,
  attributeName,
  attributeNeeds,
  hasAttribute,
} from './attributes';
import { DutyChartState, NO_OFFICER } from './chart-state';
import { dutiesClash } from './duty-calendar';
import { FlowNetwork } from './max-flow';
import { RANK_COUNT, rankFits } from './model';
import { RANKS, RequirementKey } from './types';

export interface DeficitBound {
  /** No chart has fewer unmet requirement units than this. */
  total: number;
  /** Of which empty slots. */
  slots: number;
  /** Of which missing women and skill holders. */
  attributes: number;
  /** Clash groups the shifts fell into (one per day for the usual A/B/C pattern). */
  groups: number;
  /** Per requirement: units asked for (beyond the pins) and how many must stay unmet. */
  byRequirement: Map<RequirementKey, { needed: number; unmetAtLeast: number }>;
}

interface ClashGroup {
  /** A representative shift per time window of the group. */
  windowShift: number[];
  shifts: number[];
  /** Window index (into windowShift) of each shift in `shifts`. */
  shiftWindow: number[];
}

export function deficitLowerBound(state: DutyChartState, attributes: AttributeIndex): DeficitBound {
  const model = state.model;
  const byRequirement = new Map<RequirementKey, { needed: number; unmetAtLeast: number }>();
  const entry = (key: RequirementKey) => {
    let found = byRequirement.get(key);
    if (!found) byRequirement.set(key, (found = { needed: 0, unmetAtLeast: 0 }));
    return found;
  };
  const rankKey = (rank: number) => `rank:${RANKS[rank]}` as RequirementKey;
  const attributeKey = (attribute: Attribute) => attributeName(model, attribute) as RequirementKey;
  const bound: DeficitBound = { total: 0, slots: 0, attributes: 0, groups: 0, byRequirement };
  for (let s = 0; s < model.shiftIds.length; s++) {
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const open = openSlots(state, s, rank);
      if (open > 0) entry(rankKey(rank)).needed += open;
      // A shift longer than the cap can take nobody: all of it stays unmet.
      if (model.shiftTooLong[s] && open > 0) entry(rankKey(rank)).unmetAtLeast += open;
    }
    for (const need of attributeNeeds(state, s)) {
      const missing = Math.max(0, need.need - need.have);
      if (missing === 0) continue;
      entry(attributeKey(need.attribute)).needed += missing;
      if (model.shiftTooLong[s]) {
        entry(attributeKey(need.attribute)).unmetAtLeast += missing;
        bound.attributes += missing;
      }
    }
  }
  const groups = clashGroups(state);
  bound.groups = groups.length;
  const attributeList = [...attributes.holders.keys()];
  for (const group of groups) {
    const officers = officerPatterns(state, group);
    const unfilled = slotBound(state, group, officers);
    unfilled.forEach((count, rank) => {
      if (count > 0) entry(rankKey(rank)).unmetAtLeast += count;
    });
    let separate = 0;
    for (const attribute of attributeList) {
      const missing = attributeBound(state, group, officers, attribute);
      if (missing > 0) entry(attributeKey(attribute)).unmetAtLeast += missing;
      separate += missing;
    }
    bound.attributes += Math.max(separate, jointAttributeBound(state, group, attributeList));
  }
  for (const [key, value] of byRequirement)
    if (key.startsWith('rank:')) bound.slots += value.unmetAtLeast;
  bound.total = bound.slots + bound.attributes;
  return bound;
}

function openSlots(state: DutyChartState, shift: number, rank = -1): number {
  let open = 0;
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    if (state.slotOfficer[slot] === NO_OFFICER && (rank < 0 || state.slotRank[slot] === rank))
      open++;
  }
  return open;
}

/**
 * Windows sorted by start; each joins the first group all of whose windows it clashes
 * with, else opens a new one. Any partition into cliques is valid; this one puts a
 * day's A, B and C shifts together.
 */
export function clashGroups(state: DutyChartState): ClashGroup[] {
  const model = state.model;
  const windowOf = new Map<string, { group: number; window: number }>();
  const groups: ClashGroup[] = [];
  for (const shift of model.shiftsByStart) {
    if (model.shiftTooLong[shift]) continue;
    const key = `${model.shiftStart[shift]}|${model.shiftEnd[shift]}`;
    let place = windowOf.get(key);
    if (!place) {
      const duty = { start: model.shiftStart[shift], end: model.shiftEnd[shift] };
      let g = groups.findIndex((group) =>
        group.windowShift.every((other) =>
          dutiesClash(
            duty,
            { start: model.shiftStart[other], end: model.shiftEnd[other] },
            model.rules,
          ),
        ),
      );
      if (g < 0) g = groups.push({ windowShift: [], shifts: [], shiftWindow: [] }) - 1;
      place = { group: g, window: groups[g].windowShift.push(shift) - 1 };
      windowOf.set(key, place);
    }
    groups[place.group].shifts.push(shift);
    groups[place.group].shiftWindow.push(place.window);
  }
  return groups;
}

/** Which of the group's windows each officer can still work (leave and pinned duties), or null for none. */
export function officerPatterns(state: DutyChartState, group: ClashGroup): (boolean[] | null)[] {
  return state.model.officerIds.map((_, officer) => {
    const free = group.windowShift.map((shift) => state.canTake(officer, shift));
    return free.some(Boolean) ? free : null;
  });
}

interface OfficerGroup {
  rank: number;
  free: boolean[];
  count: number;
}

function groupOfficers(
  state: DutyChartState,
  officers: readonly (boolean[] | null)[],
  include: (officer: number) => boolean,
): OfficerGroup[] {
  const groups = new Map<string, OfficerGroup>();
  officers.forEach((free, officer) => {
    if (!free || !include(officer)) return;
    const rank = state.model.officerRank[officer];
    const key = `${rank}|${free.map(Number).join('')}`;
    const group = groups.get(key) ?? { rank, free, count: 0 };
    group.count++;
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Open slots of the group, per slot rank, that no assignment of its free officers fills (from one maximum flow). */
export function slotBound(
  state: DutyChartState,
  group: ClashGroup,
  officers: readonly (boolean[] | null)[],
): number[] {
  const windows = group.windowShift.length;
  const open = new Int32Array(windows * RANK_COUNT);
  group.shifts.forEach((shift, k) => {
    for (let rank = 0; rank < RANK_COUNT; rank++)
      open[group.shiftWindow[k] * RANK_COUNT + rank] += openSlots(state, shift, rank);
  });
  const unfilled = new Array<number>(RANK_COUNT).fill(0);
  const kinds = groupOfficers(state, officers, () => true);
  const network = new FlowNetwork(2 + kinds.length + windows * RANK_COUNT);
  const slotNode = (w: number, rank: number) => 2 + kinds.length + w * RANK_COUNT + rank;
  const sinkEdges: { rank: number; open: number; edge: number }[] = [];
  for (let w = 0; w < windows; w++)
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const count = open[w * RANK_COUNT + rank];
      if (count > 0)
        sinkEdges.push({ rank, open: count, edge: network.addEdge(slotNode(w, rank), 1, count) });
    }
  if (sinkEdges.length === 0) return unfilled;
  kinds.forEach((kind, g) => {
    network.addEdge(0, 2 + g, kind.count);
    for (let w = 0; w < windows; w++) {
      if (!kind.free[w]) continue;
      for (let rank = 0; rank < RANK_COUNT; rank++)
        if (open[w * RANK_COUNT + rank] > 0 && rankFits(state.model, kind.rank, rank))
          network.addEdge(2 + g, slotNode(w, rank), kind.count);
    }
  });
  network.maxFlow(0, 1);
  for (const { rank, open: count, edge } of sinkEdges)
    unfilled[rank] += count - network.flowOn(edge);
  return unfilled;
}

/** Units of one attribute the group's shifts lack that its free holders cannot supply. */
export function attributeBound(
  state: DutyChartState,
  group: ClashGroup,
  officers: readonly (boolean[] | null)[],
  attribute: Attribute,
): number {
  const needing = group.shifts
    .map((shift, k) => ({
      shift,
      window: group.shiftWindow[k],
      need: attributeDeficit(state, shift, attribute),
    }))
    .filter((entry) => entry.need > 0);
  const total = needing.reduce((sum, entry) => sum + entry.need, 0);
  if (total === 0) return 0;
  const model = state.model;
  const kinds = groupOfficers(state, officers, (o) => hasAttribute(model, o, attribute));
  if (kinds.length === 0) return total;
  // source → holder kinds → (shift, open rank) → shift → sink
  const network = new FlowNetwork(2 + kinds.length + needing.length * (RANK_COUNT + 1));
  const rankNode = (k: number, rank: number) => 2 + kinds.length + k * RANK_COUNT + rank;
  const shiftNode = (k: number) => 2 + kinds.length + needing.length * RANK_COUNT + k;
  kinds.forEach((kind, g) => network.addEdge(0, 2 + g, kind.count));
  needing.forEach((entry, k) => {
    network.addEdge(shiftNode(k), 1, entry.need);
    for (let rank = 0; rank < RANK_COUNT; rank++) {
      const open = openSlots(state, entry.shift, rank);
      if (open === 0) continue;
      network.addEdge(rankNode(k, rank), shiftNode(k), open);
      kinds.forEach((kind, g) => {
        if (kind.free[entry.window] && rankFits(model, kind.rank, rank))
          network.addEdge(2 + g, rankNode(k, rank), Math.min(open, kind.count));
      });
    }
  });
  return total - network.maxFlow(0, 1);
}

/**
 * All attributes at once: an officer brings at most one unit per attribute held, and no
 * more units in all than the most of their attributes that one shift of the group still
 * lacks together; an officer in a slot covers only that shift. So a woman driver in a
 * force whose shifts ask for women or drivers, never both, counts once, not twice.
 */
export function jointAttributeBound(
  state: DutyChartState,
  group: ClashGroup,
  attributeList: readonly Attribute[],
): number {
  const model = state.model;
  const lacking = group.shifts.map((shift) =>
    attributeList.filter((attribute) => attributeDeficit(state, shift, attribute) > 0),
  );
  let total = 0;
  group.shifts.forEach((shift, k) => {
    for (const attribute of lacking[k]) total += attributeDeficit(state, shift, attribute);
  });
  if (total === 0) return 0;
  // Officers by (rank, free windows, attributes held among those lacking).
  const kinds = new Map<string, OfficerGroup & { held: Attribute[]; cap: number }>();
  for (let officer = 0; officer < model.officerIds.length; officer++) {
    const held = attributeList.filter((a) => hasAttribute(model, officer, a));
    if (held.length === 0) continue;
    const free = group.windowShift.map((shift) => state.canTake(officer, shift));
    if (!free.some(Boolean)) continue;
    const rank = model.officerRank[officer];
    const key = `${rank}|${free.map(Number).join('')}|${held.join(',')}`;
    let kind = kinds.get(key);
    if (!kind) {
      let cap = 0;
      group.shifts.forEach((shift, k) => {
        if (!free[group.shiftWindow[k]] || openSlotsFitting(state, shift, rank) === 0) return;
        cap = Math.max(cap, lacking[k].filter((a) => held.includes(a)).length);
      });
      kind = { rank, free, count: 0, held, cap };
      kinds.set(key, kind);
    }
    kind.count++;
  }
  const list = [...kinds.values()].filter((kind) => kind.cap > 0);
  // source → kind (count × cap) → (kind, attribute) (count) → (shift, attribute) (need) → sink
  const attributeIndex = new Map(attributeList.map((a, i) => [a, i]));
  const attributeCount = attributeList.length;
  const kindAttributeNode = (g: number, i: number) => 2 + list.length + g * attributeCount + i;
  const base = 2 + list.length * (1 + attributeCount);
  const shiftAttributeNode = (k: number, i: number) => base + k * attributeCount + i;
  const network = new FlowNetwork(base + group.shifts.length * attributeCount);
  group.shifts.forEach((shift, k) => {
    for (const attribute of lacking[k])
      network.addEdge(
        shiftAttributeNode(k, attributeIndex.get(attribute) as number),
        1,
        attributeDeficit(state, shift, attribute),
      );
  });
  list.forEach((kind, g) => {
    network.addEdge(0, 2 + g, kind.count * kind.cap);
    for (const attribute of kind.held) {
      const i = attributeIndex.get(attribute) as number;
      network.addEdge(2 + g, kindAttributeNode(g, i), kind.count);
      group.shifts.forEach((shift, k) => {
        if (!kind.free[group.shiftWindow[k]] || !lacking[k].includes(attribute)) return;
        const room = openSlotsFitting(state, shift, kind.rank);
        if (room > 0)
          network.addEdge(
            kindAttributeNode(g, i),
            shiftAttributeNode(k, i),
            Math.min(room, kind.count),
          );
      });
    }
  });
  return total - network.maxFlow(0, 1);
}

function openSlotsFitting(state: DutyChartState, shift: number, officerRank: number): number {
  let open = 0;
  for (let slot = state.shiftSlotStart[shift]; slot < state.shiftSlotStart[shift + 1]; slot++) {
    if (
      state.slotOfficer[slot] === NO_OFFICER &&
      rankFits(state.model, officerRank, state.slotRank[slot])
    )
      open++;
  }
  return open;
}
