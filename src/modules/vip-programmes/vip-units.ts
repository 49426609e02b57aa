import { EntityManager } from 'typeorm';
import { fieldError } from '../../platform/http';
import { UnitsService } from '../../platform/units';
import { Leg } from './leg';
import { thanaPoints, thanasForLeg } from './units-along-route';

export interface LegWithUnits extends Leg {
  /** Thanas this leg touches (computed from its points, then adjusted by the desk). */
  units: string[];
}

/** Units concerned: thanas along the route, plus those the desk adds, minus those it drops. */
export async function unitsConcerned(
  em: EntityManager,
  units: UnitsService,
  legs: Leg[],
  addCodes: string[] = [],
  removeCodes: string[] = [],
): Promise<{ legs: LegWithUnits[]; unitIds: string[] }> {
  const all = await units.list(em);
  const thanas = thanaPoints(all);
  const byCode = (code: string, field: string) => {
    const unit = all.find((u) => u.code === code);
    if (!unit) throw fieldError(field, `${field} has an unknown unit code ${code}`);
    return unit.id;
  };
  const added = addCodes.map((c) => byCode(c, 'addUnits'));
  const removed = new Set(removeCodes.map((c) => byCode(c, 'removeUnits')));
  const withUnits = legs.map((l) => ({ ...l, units: thanasForLeg(l, thanas).filter((id) => !removed.has(id)) }));
  const unitIds = [...new Set([...withUnits.flatMap((l) => l.units), ...added])].filter((id) => !removed.has(id));
  if (unitIds.length === 0) throw fieldError('addUnits', 'no unit is concerned: the route touches no thana; name units in addUnits');
  // A unit the desk adds by hand is concerned with every leg (e.g. a branch such as traffic).
  for (const l of withUnits) l.units = [...new Set([...l.units, ...added])];
  return { legs: withUnits, unitIds };
}
