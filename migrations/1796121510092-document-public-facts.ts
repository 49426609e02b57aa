import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public verify page may say about a paper, stored with it at issue: the reference it
 * prints and the non-personal facts a checker compares with the paper in hand (a protest
 * permission's date and venue, a duty slip's date and post; none for a confidential paper).
 * Both are part of the issued paper, so they are as immutable as its bytes.
 */
export class DocumentPublicFacts1796121510092 implements MigrationInterface {
  name = 'DocumentPublicFacts1796121510092';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE issued_document ADD COLUMN reference text, ADD COLUMN public_facts jsonb`,
    );
    await q.query(immutable(['reference', 'public_facts']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(immutable([]));
    await q.query(`ALTER TABLE issued_document DROP COLUMN reference, DROP COLUMN public_facts`);
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
