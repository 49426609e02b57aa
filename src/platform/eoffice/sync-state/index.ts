// Public surface of sync state: what modules import to answer "where does this stand in e-Office".
export * from './sync-state';
export { recordSyncStatusSql } from './sync-state.sql';
export { newRecordSync, SyncStateService } from './sync-state.service';
