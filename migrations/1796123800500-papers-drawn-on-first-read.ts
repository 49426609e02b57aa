import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paper may be issued before it is drawn (a duty slip of a 5,500-officer publish): the row,
 * its id, verify link, status and public facts exist from the issue, with `drawing` holding
 * everything its rendering needs; the bytes, their hash, size and page count are written once,
 * by the first read, and are as immutable as any paper's from then on. Every other paper is
 * drawn at issue as before, and `drawing` stays null on it.
 */
export class PapersDrawnOnFirstRead1796123800500 implements MigrationInterface {
  name = 'PapersDrawnOnFirstRead1796123800500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document ADD COLUMN drawing jsonb`);
    for (const c of DRAWN) await q.query(`ALTER TABLE issued_document ALTER COLUMN ${c} DROP NOT NULL`);
    await q.query(
      `ALTER TABLE issued_document ADD CONSTRAINT issued_document_drawn_or_drawable CHECK (
         ${DRAWN.map((c) => `(${c} IS NULL) = (bytes IS NULL)`).join(' AND ')}
         AND (bytes IS NOT NULL OR drawing IS NOT NULL))`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The one write a drawn paper's bytes ever get: the first, on a paper issued undrawn.
        IF OLD.bytes IS NULL AND NEW.bytes IS NOT NULL THEN
          NULL;
        ELSIF ${DRAWN.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ${FIXED.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document DROP CONSTRAINT issued_document_drawn_or_drawable`);
    await q.query(`
      CREATE OR REPLACE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ${[...DRAWN, ...FIXED].filter((c) => c !== 'drawing').map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    // Undrawn papers cannot go back to a schema that requires bytes: this fails while any remain.
    for (const c of DRAWN) await q.query(`ALTER TABLE issued_document ALTER COLUMN ${c} SET NOT NULL`);
    await q.query(`ALTER TABLE issued_document DROP COLUMN drawing`);
  }
}

/** Written once: at issue, or by the first read of a paper issued undrawn. */
const DRAWN = ['bytes', 'sha256', 'size_bytes', 'page_count'];
/** Never changed after the insert. */
const FIXED = ['kind', 'issued_at', 'source_id', 'issuing_unit_id', 'reference', 'public_facts', 'valid_until', 'drawing'];
