import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paper may be valid for a time only (a character verification certificate, six months by
 * default): `valid_until` is the instant it stops being valid, fixed at issue and printed on
 * it, so it is as immutable as the bytes. The public verify page answers "expired" from then
 * on. Papers issued before, and papers without a limit, keep it null and stay valid as before.
 */
export class DocumentValidUntil1796123500000 implements MigrationInterface {
  name = 'DocumentValidUntil1796123500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document ADD COLUMN valid_until timestamptz`);
    await q.query(
      `ALTER TABLE issued_document ADD CONSTRAINT issued_document_valid_until_after_issue
         CHECK (valid_until IS NULL OR valid_until > issued_at)`,
    );
    await q.query(immutable(['reference', 'public_facts', 'valid_until']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(immutable(['reference', 'public_facts']));
    await q.query(`ALTER TABLE issued_document DROP COLUMN valid_until`);
  }
}

/** The append-only trigger's function; an insert is never checked, an update may move only the status. */
function immutable(extra: string[]): string {
  const fixed = ['bytes', 'sha256', 'kind', 'issued_at', 'source_id', 'issuing_unit_id', ...extra];
  return `
    CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF ${fixed.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
        RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$`;
}
