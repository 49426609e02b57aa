// What domain modules may use of e-Office: the outbox, each item's sync state, and the gateway vocabulary.
export * from './outbox/outbox.entity';
export * from './outbox/outbox.service';
export * from './sync-state';
export { EOFFICE_GRADINGS, GRADINGS, leavesByWire } from './gateway';
export type { EofficeGrading, Grading } from './gateway';
export { EofficeSyncedView, RecordSyncSummaryView } from './eoffice.view';
export { EofficeOutages, EofficeOutageView } from './outages';
export type { EofficeOutage } from './outages';
