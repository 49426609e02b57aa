/**
 * "Attributes" are what `minWomen` and `skills` count: being a woman, or holding a
 * skill. Treating them alike lets one cover-and-repair routine serve both.
 */
import { DutyChartState } from './chart-state';
import { BandobastModel, hasSkill } from './model';

/** WOMEN, or a skill index from model.skillNames. */
export type Attribute = number;
export const WOMEN: Attribute = -1;

export function hasAttribute(
  model: BandobastModel,
  officer: number,
  attribute: Attribute,
): boolean {
  return attribute === WOMEN
    ? model.officerIsWoman[officer] === 1
    : hasSkill(model, officer, attribute);
}

export function attributeName(model: BandobastModel, attribute: Attribute): string {
  return attribute === WOMEN ? 'women' : `skill:${model.skillNames[attribute]}`;
}

export interface AttributeNeed {
  attribute: Attribute;
  need: number;
  have: number;
}

/** The shift's women and skill needs with current counts. */
export function attributeNeeds(state: DutyChartState, shift: number): AttributeNeed[] {
  const model = state.model;
  const needs: AttributeNeed[] = [];
  if (model.shiftMinWomen[shift] > 0) {
    needs.push({
      attribute: WOMEN,
      need: model.shiftMinWomen[shift],
      have: state.shiftWomen[shift],
    });
  }
  model.shiftSkillNeeds[shift].forEach((skillNeed, k) =>
    needs.push({
      attribute: skillNeed.skill,
      need: skillNeed.count,
      have: state.shiftSkillHave[shift][k],
    }),
  );
  return needs;
}

export function attributeDeficit(
  state: DutyChartState,
  shift: number,
  attribute: Attribute,
): number {
  const model = state.model;
  if (attribute === WOMEN) return Math.max(0, model.shiftMinWomen[shift] - state.shiftWomen[shift]);
  const k = model.shiftSkillNeeds[shift].findIndex((need) => need.skill === attribute);
  return k < 0
    ? 0
    : Math.max(0, model.shiftSkillNeeds[shift][k].count - state.shiftSkillHave[shift][k]);
}

/** Officers holding each attribute, and how scarce each attribute is (demand / supply). */
export class AttributeIndex {
  readonly holders = new Map<Attribute, number[]>();
  readonly scarcity = new Map<Attribute, number>();

  constructor(model: BandobastModel) {
    const attributes = [WOMEN, ...model.skillNames.map((_, skill) => skill)];
    for (const attribute of attributes) {
      const holders: number[] = [];
      for (let o = 0; o < model.officerIds.length; o++)
        if (hasAttribute(model, o, attribute)) holders.push(o);
      this.holders.set(attribute, holders);
      let demand = 0;
      for (let s = 0; s < model.shiftIds.length; s++) {
        if (attribute === WOMEN) demand += model.shiftMinWomen[s];
        else
          demand += model.shiftSkillNeeds[s].find((need) => need.skill === attribute)?.count ?? 0;
      }
      this.scarcity.set(attribute, demand / Math.max(1, holders.length * daysSpanned(model)));
    }
  }

  /** Most contested first, so scarce officers are spent where nobody else will do. */
  byScarcity(): Attribute[] {
    return [...this.scarcity.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([attribute]) => attribute);
  }

  /** How much of other shifts' scarce attributes the officer would waste on this shift. */
  wasteOf(state: DutyChartState, officer: number, shift: number): number {
    let waste = 0;
    for (const [attribute, scarcity] of this.scarcity) {
      if (
        scarcity > 0 &&
        hasAttribute(state.model, officer, attribute) &&
        attributeDeficit(state, shift, attribute) === 0
      ) {
        waste += Math.min(1, scarcity);
      }
    }
    return waste;
  }
}

/** Each officer can serve about one shift per day, so supply scales with the days covered. */
function daysSpanned(model: BandobastModel): number {
  if (model.shiftIds.length === 0) return 1;
  let first = Infinity;
  let last = -Infinity;
  for (let s = 0; s < model.shiftIds.length; s++) {
    first = Math.min(first, model.shiftDay[s]);
    last = Math.max(last, model.shiftDay[s]);
  }
  return last - first + 1;
}
