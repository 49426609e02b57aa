import { DutyChartSolution, Shortfall } from '../solver';
import { ChartShortfall } from './chart-views';
import { ShiftPlace } from './instance-builder';

export type DutySolutionOf = DutyChartSolution;

/** The solver's shortfalls, placed in the order's structure so a reader can find the post. */
export function toChartShortfalls(
  shortfalls: readonly Shortfall[],
  shifts: ReadonlyMap<string, ShiftPlace>,
): ChartShortfall[] {
  return shortfalls.map((s) => {
    const place = shifts.get(s.shiftId)!;
    return {
      divisionCode: place.divisionCode,
      sectorCode: place.sectorCode,
      postCode: place.post.code,
      postName: place.post.name,
      shiftCode: s.shiftId,
      requirement: s.requirement,
      needed: s.needed,
      assigned: s.assigned,
      missing: s.needed - s.assigned,
      reason: s.reason,
    };
  });
}
