import type { EntityManager } from 'typeorm';

/**
 * A record's retention purge (src/platform/retention) drops the named keys from the metadata
 * of its e-Office items, delivered or cancelled by then (a record with an open item is held):
 * the item, its reference and e-Office's receipt stay.
 */
export async function purgeOutboxMetadataOf(em: EntityManager, sourceType: string, sourceIds: readonly string[], keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await em.query(`UPDATE eoffice_outbox SET metadata = metadata - $3::text[] WHERE source_type = $1 AND source_id = ANY($2::text[])`, [sourceType, sourceIds, keys]);
}
