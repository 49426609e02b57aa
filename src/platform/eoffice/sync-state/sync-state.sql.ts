import { ItemSyncState, SUMMARY_PRECEDENCE } from './sync-state';

/** itemState() in SQL, over an outbox row aliased `si` (so it cannot capture an outer alias); a test holds the two to the same answers. */
const ITEM_STATE_WHERE: Record<ItemSyncState, string> = {
  PENDING_SYNC: `si.status = 'PENDING'`,
  SENT_FOR_DIARISATION: `si.status = 'DELIVERED' AND si.eoffice_ref IS NULL`,
  DIARISED: `si.status = 'DELIVERED' AND si.eoffice_ref IS NOT NULL`,
  FAILED: `si.status = 'FAILED'`,
  CANCELLED: `si.status = 'CANCELLED'`,
};

/**
 * summarise() as a scalar subquery, for filtering and sorting lists in SQL: the summary status
 * of the record `sourceId` of type `sourceType` (both SQL expressions, e.g. `:dakSource` and
 * `d.id::text`). Built from the same precedence list, so the two cannot rank states differently.
 * Uses the (source_type, source_id, seq) index of the outbox.
 */
export function recordSyncStatusSql(sourceType: string, sourceId: string): string {
  const cases = SUMMARY_PRECEDENCE.map((state) => `WHEN bool_or(${ITEM_STATE_WHERE[state]}) THEN '${state}'`).join(' ');
  return `(SELECT CASE ${cases} ELSE 'NOT_REQUIRED' END FROM eoffice_outbox si WHERE si.source_type = ${sourceType} AND si.source_id = ${sourceId})`;
}
