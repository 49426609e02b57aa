/**
 * The chart being built: who fills which slot, plus every counter the hard checks and
 * the soft score need, kept up to date on each assign/unassign so that a move costs
 * microseconds. Officer-side hard rules are enforced here and nowhere else: callers
 * ask `canTake` before `assign`.
 */
import { breaksRest, busiestDayMinutes, dutiesClash, Interval } from './duty-calendar';
import { BandobastModel, hasSkill, officerPostKm, RANK_COUNT } from './model';
import { SoftWeights } from './soft-weights';
import { MINUTES_PER_DAY } from './time';

export const NO_OFFICER = -1;

export class DutyChartState {
  readonly slotShift: Int32Array;
  readonly slotRank: Int8Array;
  readonly slotOfficer: Int32Array;
  readonly slotPinned: Uint8Array;
  /** Slots of shift s are shiftSlotStart[s] .. shiftSlotStart[s + 1] - 1. */
  readonly shiftSlotStart: Int32Array;
  /** Each officer's slots, kept in shift start order. */
  readonly officerSlots: number[][];
  readonly officerHours: Float64Array;
  readonly officerNights: Int32Array;
  readonly shiftWomen: Int32Array;
  /** Officers holding each skill need of each shift, aligned with model.shiftSkillNeeds. */
  readonly shiftSkillHave: Int32Array[];
  private readonly sectorUnitCount: Int32Array;
  private readonly sectorCount: Int32Array;
  private readonly unitCount: number;
  /**
   * Officer-side checks made so far (`canTake` calls): the unit the phases' work budgets
   * are counted in. A count, not a clock, so a budgeted solve stays reproducible.
   */
  work = 0;
  /** Current soft penalty, updated exactly by every assign/unassign. */
  softCost = 0;
  /** Undo log while a trial move is open. */
  private readonly journal: { slot: number; officer: number; assigned: boolean }[] = [];
  private trialDepth = 0;
  /** Empty slots plus missing women and skill holders, over all shifts: what repairs must reduce. */
  private openSlots = 0;
  private attributeShortfall = 0;

  constructor(
    readonly model: BandobastModel,
    readonly weights: SoftWeights,
  ) {
    const shiftCount = model.shiftIds.length;
    this.shiftSlotStart = new Int32Array(shiftCount + 1);
    for (let s = 0; s < shiftCount; s++)
      this.shiftSlotStart[s + 1] = this.shiftSlotStart[s] + model.shiftSlotCount[s];
    const slotCount = this.shiftSlotStart[shiftCount];
    this.slotShift = new Int32Array(slotCount);
    this.slotRank = new Int8Array(slotCount);
    this.slotOfficer = new Int32Array(slotCount).fill(NO_OFFICER);
    this.slotPinned = new Uint8Array(slotCount);
    for (let s = 0; s < shiftCount; s++) {
      let slot = this.shiftSlotStart[s];
      for (let rank = 0; rank < RANK_COUNT; rank++) {
        for (let k = 0; k < model.shiftRankNeed[s * RANK_COUNT + rank]; k++) {
          this.slotShift[slot] = s;
          this.slotRank[slot] = rank;
          slot++;
        }
      }
    }
    const officerCount = model.officerIds.length;
    this.officerSlots = Array.from({ length: officerCount }, () => []);
    this.officerHours = new Float64Array(officerCount);
    this.officerNights = new Int32Array(officerCount);
    this.shiftWomen = new Int32Array(shiftCount);
    this.shiftSkillHave = model.shiftSkillNeeds.map((needs) => new Int32Array(needs.length));
    this.unitCount = Math.max(1, model.unitNames.length);
    this.sectorUnitCount = new Int32Array(model.sectorNames.length * this.unitCount);
    this.sectorCount = new Int32Array(model.sectorNames.length);
    this.softCost = this.baselineCost();
    this.openSlots = slotCount;
    for (let s = 0; s < shiftCount; s++) {
      this.attributeShortfall += model.shiftMinWomen[s];
      for (const need of model.shiftSkillNeeds[s]) this.attributeShortfall += need.count;
    }
  }

  /** Hard-requirement shortfall of the whole chart; 0 means every shift is fully staffed. */
  get deficit(): number {
    return this.openSlots + this.attributeShortfall;
  }

  get slotCount(): number {
    return this.slotOfficer.length;
  }

  /** Officer-side hard rules: leave, overlap, rest, 24-hour cap. `ignore`/`alsoIgnore` are duties about to be given up. */
  canTake(officer: number, shift: number, ignore = -1, alsoIgnore = -1): boolean {
    this.work++;
    const model = this.model;
    if (model.shiftTooLong[shift]) return false;
    const duty: Interval = { start: model.shiftStart[shift], end: model.shiftEnd[shift] };
    for (const leave of model.officerLeave[officer]) {
      if (leave.start < duty.end && duty.start < leave.end) return false;
    }
    const slots = this.officerSlots[officer];
    if (slots.length === 0) return true;
    let nearbyMinutes = duty.end - duty.start;
    let nearby: Interval[] | null = null;
    for (const slot of slots) {
      const other = this.slotShift[slot];
      if (other === ignore || other === alsoIgnore) continue;
      if (other === shift) return false;
      const otherDuty = { start: model.shiftStart[other], end: model.shiftEnd[other] };
      if (breaksRest(duty, otherDuty, model.rules)) return false;
      if (
        otherDuty.start < duty.end + MINUTES_PER_DAY &&
        otherDuty.end > duty.start - MINUTES_PER_DAY
      ) {
        nearbyMinutes += otherDuty.end - otherDuty.start;
        (nearby ??= [duty]).push(otherDuty);
      }
    }
    // Most officers have one duty in reach; only sum the windows when the total could exceed the cap.
    if (nearby === null || nearbyMinutes <= model.rules.maxMinutesPer24h) return true;
    return busiestDayMinutes(nearby) <= model.rules.maxMinutesPer24h;
  }

  /** The officer's duties that cannot be worked alongside `shift` (overlap, rest, or the pair breaks the 24-hour cap). */
  clashingSlots(officer: number, shift: number): number[] {
    const model = this.model;
    const duty = { start: model.shiftStart[shift], end: model.shiftEnd[shift] };
    return this.officerSlots[officer].filter((slot) => {
      const other = this.slotShift[slot];
      return (
        other === shift ||
        dutiesClash(
          duty,
          { start: model.shiftStart[other], end: model.shiftEnd[other] },
          model.rules,
        )
      );
    });
  }

  isOnLeaveDuring(officer: number, shift: number): boolean {
    const start = this.model.shiftStart[shift];
    const end = this.model.shiftEnd[shift];
    return this.model.officerLeave[officer].some((leave) => leave.start < end && start < leave.end);
  }

  /**
   * Would swapping `leaving` for `joining` (either may be NO_OFFICER) push any women or
   * skill count of the shift below min(need, current)? Moves may never make a
   * requirement worse, so repairs cannot undo each other.
   */
  attributesWorsen(shift: number, leaving: number, joining: number): boolean {
    const model = this.model;
    const need = model.shiftMinWomen[shift];
    if (need > 0) {
      const have = this.shiftWomen[shift];
      const next =
        have -
        (leaving >= 0 ? model.officerIsWoman[leaving] : 0) +
        (joining >= 0 ? model.officerIsWoman[joining] : 0);
      if (next < Math.min(need, have)) return true;
    }
    const needs = model.shiftSkillNeeds[shift];
    const haves = this.shiftSkillHave[shift];
    for (let k = 0; k < needs.length; k++) {
      const skill = needs[k].skill;
      const have = haves[k];
      const next =
        have -
        (leaving >= 0 && hasSkill(model, leaving, skill) ? 1 : 0) +
        (joining >= 0 && hasSkill(model, joining, skill) ? 1 : 0);
      if (next < Math.min(needs[k].count, have)) return true;
    }
    return false;
  }

  /** Opens a trial; everything up to `rollback(mark)` can be undone exactly. */
  beginTrial(): number {
    this.trialDepth++;
    return this.journal.length;
  }

  rollback(mark: number): void {
    const depth = this.trialDepth;
    this.trialDepth = 0; // the undo itself is not journalled
    while (this.journal.length > mark) {
      const entry = this.journal.pop() as { slot: number; officer: number; assigned: boolean };
      if (entry.assigned) this.unassign(entry.slot);
      else this.assign(entry.officer, entry.slot);
    }
    this.trialDepth = depth;
    this.endTrial();
  }

  commit(): void {
    this.endTrial();
  }

  private endTrial(): void {
    this.trialDepth--;
    if (this.trialDepth === 0) this.journal.length = 0;
  }

  assign(officer: number, slot: number): void {
    if (this.trialDepth > 0) this.journal.push({ slot, officer, assigned: true });
    const model = this.model;
    const shift = this.slotShift[slot];
    const before = this.officerCost(officer);
    this.slotOfficer[slot] = officer;
    this.openSlots--;
    const slots = this.officerSlots[officer];
    let at = slots.length;
    while (at > 0 && model.shiftStart[this.slotShift[slots[at - 1]]] > model.shiftStart[shift])
      at--;
    slots.splice(at, 0, slot);
    this.officerHours[officer] += model.shiftHours[shift];
    this.officerNights[officer] += model.shiftIsNight[shift];
    this.countAttributes(officer, shift, 1);
    this.softCost += this.officerCost(officer) - before + this.slotCost(officer, slot);
    this.softCost += this.moveInSector(officer, shift, 1);
  }

  unassign(slot: number): number {
    const model = this.model;
    const officer = this.slotOfficer[slot];
    if (officer === NO_OFFICER) return officer;
    if (this.trialDepth > 0) this.journal.push({ slot, officer, assigned: false });
    const shift = this.slotShift[slot];
    const before = this.officerCost(officer);
    this.slotOfficer[slot] = NO_OFFICER;
    this.openSlots++;
    const slots = this.officerSlots[officer];
    slots.splice(slots.indexOf(slot), 1);
    this.officerHours[officer] -= model.shiftHours[shift];
    this.officerNights[officer] -= model.shiftIsNight[shift];
    this.countAttributes(officer, shift, -1);
    this.softCost += this.officerCost(officer) - before - this.slotCost(officer, slot);
    this.softCost += this.moveInSector(officer, shift, -1);
    return officer;
  }

  /** An empty slot of the shift that the officer's rank may fill, preferring the officer's own rank. */
  openSlotFor(officer: number, shift: number): number {
    const officerRank = this.model.officerRank[officer];
    let fallback = -1;
    for (let slot = this.shiftSlotStart[shift]; slot < this.shiftSlotStart[shift + 1]; slot++) {
      if (this.slotOfficer[slot] !== NO_OFFICER) continue;
      const slotRank = this.slotRank[slot];
      if (slotRank === officerRank) return slot;
      // The nearest lower rank wastes the least seniority.
      if (this.model.rules.higherRankMayFillLower && slotRank > officerRank && fallback < 0)
        fallback = slot;
    }
    return fallback;
  }

  /** An empty slot of exactly this rank in the shift, or -1. */
  openSlotOfRank(shift: number, rank: number): number {
    for (let slot = this.shiftSlotStart[shift]; slot < this.shiftSlotStart[shift + 1]; slot++) {
      if (this.slotOfficer[slot] === NO_OFFICER && this.slotRank[slot] === rank) return slot;
    }
    return -1;
  }

  isOnShift(officer: number, shift: number): boolean {
    return this.officerSlots[officer].some((slot) => this.slotShift[slot] === shift);
  }

  /** Marginal soft cost of putting the officer into the slot, without changing anything. */
  placementCost(officer: number, slot: number): number {
    const shift = this.slotShift[slot];
    const model = this.model;
    const w = this.weights;
    const load = model.historyHours[officer] + this.officerHours[officer];
    const hours = model.shiftHours[shift];
    const nights = model.historyNights[officer] + this.officerNights[officer];
    let cost = w.load * (2 * load * hours + hours * hours) + this.slotCost(officer, slot);
    if (model.shiftIsNight[shift]) cost += w.nights * (2 * nights + 1);
    const sector = model.shiftSector[shift];
    const inSector = this.sectorCount[sector];
    const sameUnit = this.sectorUnitCount[sector * this.unitCount + model.officerUnit[officer]];
    cost += (w.unitMix * (inSector - sameUnit)) / model.sectorSlotTotal[sector];
    return cost + w.postChange * this.postChangesIfAdded(officer, shift);
  }

  /** Full recomputation of the soft cost, to guard the incremental bookkeeping in tests. */
  recomputeSoftCost(): number {
    let total = this.baselineCost();
    const model = this.model;
    for (let o = 0; o < model.officerIds.length; o++) {
      total += this.officerCost(o) - this.idleOfficerCost(o);
      for (const slot of this.officerSlots[o]) total += this.slotCost(o, slot);
    }
    for (let sector = 0; sector < model.sectorNames.length; sector++) {
      let squares = 0;
      for (let unit = 0; unit < this.unitCount; unit++)
        squares += this.sectorUnitCount[sector * this.unitCount + unit] ** 2;
      total +=
        (this.weights.unitMix * (this.sectorCount[sector] ** 2 - squares)) /
        (2 * model.sectorSlotTotal[sector]);
    }
    return total;
  }

  private baselineCost(): number {
    let total = 0;
    for (let o = 0; o < this.model.officerIds.length; o++) total += this.idleOfficerCost(o);
    return total;
  }

  private idleOfficerCost(officer: number): number {
    return (
      this.weights.load * this.model.historyHours[officer] ** 2 +
      this.weights.nights * this.model.historyNights[officer] ** 2
    );
  }

  /** Load, nights and post continuity: the parts of the score that belong to one officer. */
  private officerCost(officer: number): number {
    const model = this.model;
    const load = model.historyHours[officer] + this.officerHours[officer];
    const nights = model.historyNights[officer] + this.officerNights[officer];
    return (
      this.weights.load * load * load +
      this.weights.nights * nights * nights +
      this.weights.postChange * this.postChanges(officer)
    );
  }

  /** Distance and rank-above: the parts of the score that belong to one duty. */
  private slotCost(officer: number, slot: number): number {
    const post = this.model.shiftPost[this.slotShift[slot]];
    return (
      this.weights.distanceKm * officerPostKm(this.model, officer, post) +
      this.weights.rankAbove * (this.slotRank[slot] - this.model.officerRank[officer])
    );
  }

  private postChanges(officer: number): number {
    const model = this.model;
    const slots = this.officerSlots[officer];
    let changes = 0;
    for (let i = 1; i < slots.length; i++) {
      const previous = this.slotShift[slots[i - 1]];
      const next = this.slotShift[slots[i]];
      if (
        model.shiftDay[next] - model.shiftDay[previous] === 1 &&
        model.shiftPost[next] !== model.shiftPost[previous]
      )
        changes++;
    }
    return changes;
  }

  private postChangesIfAdded(officer: number, shift: number): number {
    const model = this.model;
    const slots = this.officerSlots[officer];
    if (slots.length === 0) return 0;
    let previous = -1;
    let next = -1;
    for (const slot of slots) {
      const other = this.slotShift[slot];
      if (model.shiftStart[other] <= model.shiftStart[shift]) previous = other;
      else if (next < 0) next = other;
    }
    const changed = (a: number, b: number) =>
      a >= 0 &&
      b >= 0 &&
      model.shiftDay[b] - model.shiftDay[a] === 1 &&
      model.shiftPost[a] !== model.shiftPost[b]
        ? 1
        : 0;
    return changed(previous, shift) + changed(shift, next) - changed(previous, next);
  }

  private countAttributes(officer: number, shift: number, sign: 1 | -1): void {
    const model = this.model;
    if (model.officerIsWoman[officer]) {
      const need = model.shiftMinWomen[shift];
      const have = this.shiftWomen[shift];
      this.shiftWomen[shift] = have + sign;
      this.attributeShortfall += Math.max(0, need - have - sign) - Math.max(0, need - have);
    }
    const needs = model.shiftSkillNeeds[shift];
    const haves = this.shiftSkillHave[shift];
    for (let k = 0; k < needs.length; k++) {
      if (!hasSkill(model, officer, needs[k].skill)) continue;
      const have = haves[k];
      haves[k] = have + sign;
      this.attributeShortfall +=
        Math.max(0, needs[k].count - have - sign) - Math.max(0, needs[k].count - have);
    }
  }

  /** Unit-mix cost change; also updates the sector's unit counts. */
  private moveInSector(officer: number, shift: number, sign: 1 | -1): number {
    const model = this.model;
    const sector = model.shiftSector[shift];
    const key = sector * this.unitCount + model.officerUnit[officer];
    if (sign < 0) {
      this.sectorCount[sector]--;
      this.sectorUnitCount[key]--;
    }
    const delta =
      (this.weights.unitMix * (this.sectorCount[sector] - this.sectorUnitCount[key])) /
      model.sectorSlotTotal[sector];
    if (sign > 0) {
      this.sectorCount[sector]++;
      this.sectorUnitCount[key]++;
    }
    return sign * delta;
  }
}
