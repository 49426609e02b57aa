import { EntityManager } from 'typeorm';

/**
 * Removes the bytes (and any stored drawing) of every paper of these records, in the caller's
 * transaction, once the records' retention has run out; returns the papers purged. Their rows
 * stay with status, reference, public facts and hash (none names a person), so a QR still
 * verifies and says the contents are gone, and a download answers 410 Gone. Duty slips, the
 * only papers `DocumentsService.immutableBytes` keeps in memory, are not purged by any rule.
 */
export async function purgePapersOf(
  em: EntityManager,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<Array<{ id: string; sourceId: string }>> {
  if (sourceIds.length === 0) return [];
  const [rows]: [Array<{ id: string; source_id: string }>, number] = await em.query(
    `UPDATE issued_document SET bytes = NULL, drawing = NULL, purged_at = now()
      WHERE source_type = $1 AND source_id = ANY($2::text[]) AND purged_at IS NULL RETURNING id, source_id`,
    [sourceType, sourceIds],
  );
  return rows.map((r) => ({ id: r.id, sourceId: r.source_id }));
}
