import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know papers and bandobasts.
 *
 * - `issued_document.confidential`: a paper only its owning module serves (VIP programmes and
 *   movement sheets always; the duty charts and slips of a bandobast drafted from one).
 * - `bandobast.source_type` / `source_id`: the confidential record a bandobast was drafted from;
 *   that record's module decides who may read it. Drafts made before are found by their name
 *   ("<programme ref>: <title>"), which the draft has always carried.
 * - Movement sheets of superseded revisions were left valid: they are marked superseded by the
 *   current revision's programme, and those of cancelled programmes revoked.
 */
export class NeedToKnow1796120221287 implements MigrationInterface {
  name = 'NeedToKnow1796120221287';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document ADD COLUMN confidential boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE issued_document SET confidential = true WHERE kind IN ('VIP_PROGRAMME', 'VIP_MOVEMENT_SHEET')`);

    await q.query(`ALTER TABLE bandobast ADD COLUMN source_type text, ADD COLUMN source_id uuid`);
    await q.query(
      `ALTER TABLE bandobast ADD CONSTRAINT bandobast_source_check CHECK ((source_type IS NULL) = (source_id IS NULL))`,
    );
    await q.query(`CREATE INDEX bandobast_source_idx ON bandobast (source_type, source_id) WHERE source_type IS NOT NULL`);
    await q.query(`
      UPDATE bandobast b SET source_type = 'vip_programme', source_id = p.id
        FROM vip_programme p
       WHERE b.kind = 'VIP_VISIT' AND starts_with(b.name_en, p.ref || ':')`);
    await q.query(`
      UPDATE issued_document d SET confidential = true
       WHERE (d.source_type = 'duty_chart' AND d.source_id IN (
                SELECT c.id::text FROM duty_chart c JOIN bandobast b ON b.id = c.bandobast_id WHERE b.source_type IS NOT NULL))
          OR (d.source_type = 'duty_slip' AND d.source_id IN (
                SELECT s.id::text FROM duty_slip s JOIN bandobast b ON b.id = s.bandobast_id WHERE b.source_type IS NOT NULL))`);

    await q.query(`
      UPDATE issued_document d SET status = 'SUPERSEDED', superseded_by = r.document_id, status_changed_at = now()
        FROM vip_programme p JOIN vip_programme_revision r ON r.programme_id = p.id AND r.revision_no = p.current_revision
       WHERE d.kind = 'VIP_MOVEMENT_SHEET' AND d.source_id = p.id::text AND d.status = 'VALID'
         AND d.variant NOT LIKE ('%-rev-' || p.current_revision)`);
    await q.query(`
      UPDATE issued_document d SET status = 'REVOKED', revoked_reason = 'programme cancelled', status_changed_at = now()
        FROM vip_programme p
       WHERE d.kind = 'VIP_MOVEMENT_SHEET' AND d.source_id = p.id::text AND d.status = 'VALID' AND p.status = 'CANCELLED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bandobast_source_idx`);
    await q.query(`ALTER TABLE bandobast DROP CONSTRAINT bandobast_source_check`);
    await q.query(`ALTER TABLE bandobast DROP COLUMN source_type, DROP COLUMN source_id`);
    await q.query(`ALTER TABLE issued_document DROP COLUMN confidential`);
  }
}
