export { ChangeModule } from './change.module';
export { UnitOfWork } from './unit-of-work';
export type { Change, ChangeSpec, Drawing } from './unit-of-work';
