import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (src/platform/retention): once a record's period has run, its personal data is
 * replaced and its papers' bytes are dropped. `personal_data_purged_at` says when, on the
 * records; `purged_at` on a paper, whose row stays (id, status, reference, public facts, hash:
 * none of them names a person), so its QR still verifies and says the contents are gone.
 * The trigger lets a paper's bytes and drawing go to null once, together with `purged_at`,
 * and never be written again.
 */
export class Retention1796123800600 implements MigrationInterface {
  name = 'Retention1796123800600';

  async up(q: QueryRunner): Promise<void> {
    for (const table of RECORDS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN personal_data_purged_at timestamptz`);
    }
    await q.query(`ALTER TABLE issued_document ADD COLUMN purged_at timestamptz`);
    await q.query(`ALTER TABLE issued_document DROP CONSTRAINT issued_document_drawn_or_drawable`);
    await q.query(
      `ALTER TABLE issued_document ADD CONSTRAINT issued_document_drawn_drawable_or_purged CHECK (
         (sha256 IS NULL) = (size_bytes IS NULL) AND (sha256 IS NULL) = (page_count IS NULL)
         AND CASE WHEN purged_at IS NULL
                  THEN (bytes IS NULL) = (sha256 IS NULL) AND (bytes IS NOT NULL OR drawing IS NOT NULL)
                  ELSE bytes IS NULL AND drawing IS NULL END)`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL THEN
          -- The purge: bytes and drawing go; the hash and everything else stay.
          IF NEW.bytes IS NOT NULL OR NEW.drawing IS NOT NULL
             OR ${HASHED.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
            RAISE EXCEPTION 'a purge removes a paper''s bytes and drawing and changes nothing else' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF NEW.purged_at IS DISTINCT FROM OLD.purged_at THEN
          RAISE EXCEPTION 'issued documents are immutable; a purge cannot be undone' USING ERRCODE = 'insufficient_privilege';
        ELSIF OLD.bytes IS NULL AND NEW.bytes IS NOT NULL AND OLD.purged_at IS NULL THEN
          -- The one write a paper issued undrawn gets: its first read draws it.
          IF NEW.drawing IS DISTINCT FROM OLD.drawing THEN
            RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF NEW.drawing IS DISTINCT FROM OLD.drawing OR ${DRAWN.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ${FIXED.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Purged papers cannot go back to a schema that has no place for them: this fails while any remain.
    await q.query(`ALTER TABLE issued_document DROP CONSTRAINT issued_document_drawn_drawable_or_purged`);
    await q.query(
      `ALTER TABLE issued_document ADD CONSTRAINT issued_document_drawn_or_drawable CHECK (
         ${DRAWN.filter((c) => c !== 'bytes').map((c) => `(${c} IS NULL) = (bytes IS NULL)`).join(' AND ')}
         AND (bytes IS NOT NULL OR drawing IS NOT NULL))`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.bytes IS NULL AND NEW.bytes IS NOT NULL THEN
          NULL;
        ELSIF ${DRAWN.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ${[...FIXED, 'drawing'].map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE issued_document DROP COLUMN purged_at`);
    for (const table of RECORDS) await q.query(`ALTER TABLE ${table} DROP COLUMN personal_data_purged_at`);
  }
}

/** Records whose personal data a retention rule purges. */
const RECORDS = ['protest_application', 'verification_application', 'notification'];
/** Written once: at issue, or by the first read of a paper issued undrawn. */
const DRAWN = ['bytes', 'sha256', 'size_bytes', 'page_count'];
/** Kept by a purge: what the verify page and an uploaded copy are checked against. */
const HASHED = ['sha256', 'size_bytes', 'page_count'];
/** Never changed after the insert. */
const FIXED = ['kind', 'issued_at', 'source_id', 'issuing_unit_id', 'reference', 'public_facts', 'valid_until'];
