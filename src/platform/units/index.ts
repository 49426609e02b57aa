// The commissionerate's unit tree: units, and who sees which part of it.
export { ROOT_UNIT } from './root-unit';
export { Unit, UNIT_KINDS } from './unit.entity';
export type { UnitKind } from './unit.entity';
export { UnitsService } from './units.service';
export { UnitRefView, unitRef } from './unit-ref';
export type { UnitRef } from './unit-ref';
export type { NewUnit } from './units.service';
export { UnitsModule } from './units.module';
export { UnitTreeService } from './unit-tree.service';
export type { UnitReference } from './unit-tree.service';
export { CREATABLE_UNIT_KINDS, UNIT_KIND_WORDS, codeFromName, placementProblem } from './tree-rules';
export {
  UNIT_PATH_SEPARATOR,
  childPath,
  inUnitSubtree,
  seesWholeCommissionerate,
  unitInScope,
  unitScope,
  unitSubtreeScope,
  unitSubtreeSql,
} from './subtree';
export type { SqlCondition } from './subtree';
