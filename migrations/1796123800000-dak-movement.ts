import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dak register's workflow (issue 15): a receipt is diarised, marked to a holder (a unit, a
 * section of the tree, or an officer), received, forwarded, put into a file, answered and
 * closed, as in e-Office's eFile (BRIEF §2).
 *
 * - `status` is the workflow's state (`src/modules/dak/dak-workflow.ts`); `holder_unit_id` is who
 *   holds it now, `holder_user_id` the officer within that unit when it went to (or was taken by)
 *   one. Rows before this migration: held by the unit they were marked to, else by the unit that
 *   entered them; MARKED when they were marked, due 7 days after (the NORMAL default).
 * - `dak_movement` is the movement history: one row per action, numbered per receipt, never
 *   updated or deleted (a trigger, and the app role's grants: APPEND_ONLY_TABLES).
 * - `dak_scan`: the item's scans, PDF/JPEG/PNG by their content, several per item.
 * - `dak_file`: a local file (`FILE/<year>/<6 digits>`) that receipts are put into.
 * - `created_by` is null for an item the application diarised itself (from e-mail).
 * - Grading gains TOP_SECRET for the register; the outbox keeps refusing it (it never leaves by wire).
 */
export class DakMovement1796123800000 implements MigrationInterface {
  name = 'DakMovement1796123800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dak_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        subject_head text NOT NULL CHECK (btrim(subject_head) <> ''),
        unit_id uuid NOT NULL REFERENCES unit(id),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dak_file_unit ON dak_file (unit_id)`);

    await q.query(`ALTER TABLE dak_receipt DROP CONSTRAINT dak_receipt_grading_check`);
    await q.query(`ALTER TABLE dak_receipt ADD CONSTRAINT dak_receipt_grading_check CHECK (grading IN ('NORMAL','CONFIDENTIAL','SECRET','TOP_SECRET'))`);
    await q.query(`
      ALTER TABLE dak_receipt
        ADD COLUMN language text,
        ADD COLUMN priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('NORMAL','URGENT','IMMEDIATE')),
        ADD COLUMN status text,
        ADD COLUMN holder_unit_id uuid REFERENCES unit(id),
        ADD COLUMN holder_user_id uuid,
        ADD COLUMN marked_at timestamptz,
        ADD COLUMN due_at timestamptz,
        ADD COLUMN file_id uuid REFERENCES dak_file(id),
        ADD COLUMN closed_reason text`);
    await q.query(`
      UPDATE dak_receipt SET
        language = CASE WHEN subject ~ '[\u0900-\u097F]' THEN 'hi' ELSE 'en' END,
        status = CASE WHEN marked_to_unit_id IS NULL THEN 'DIARISED' ELSE 'MARKED' END,
        holder_unit_id = COALESCE(marked_to_unit_id, unit_id),
        marked_at = CASE WHEN marked_to_unit_id IS NULL THEN NULL ELSE created_at END,
        due_at = CASE WHEN marked_to_unit_id IS NULL THEN NULL ELSE created_at + interval '7 days' END`);
    await q.query(`
      ALTER TABLE dak_receipt
        ALTER COLUMN language SET NOT NULL,
        ALTER COLUMN status SET NOT NULL,
        ALTER COLUMN holder_unit_id SET NOT NULL,
        ALTER COLUMN created_by DROP NOT NULL,
        DROP COLUMN marked_to_unit_id,
        ADD CONSTRAINT dak_receipt_language_check CHECK (language IN ('hi','en','other')),
        ADD CONSTRAINT dak_receipt_status_check CHECK (status IN ('AWAITING_CONFIRMATION','DIARISED','MARKED','RECEIVED','CLOSED')),
        ADD CONSTRAINT dak_receipt_marked_check CHECK (status NOT IN ('MARKED','RECEIVED') OR (marked_at IS NOT NULL AND due_at IS NOT NULL)),
        ADD CONSTRAINT dak_receipt_closed_check CHECK ((status = 'CLOSED') = (closed_reason IS NOT NULL))`);
    await q.query(`CREATE INDEX dak_receipt_holder_unit ON dak_receipt (holder_unit_id, status)`);
    await q.query(`CREATE INDEX dak_receipt_holder_user ON dak_receipt (holder_user_id, status) WHERE holder_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX dak_receipt_file ON dak_receipt (file_id) WHERE file_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE dak_movement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL REFERENCES dak_receipt(id),
        seq integer NOT NULL CHECK (seq > 0),
        action text NOT NULL CHECK (action IN ('diarise','confirm','mark','receive','forward','reply','putInFile','close','reopen')),
        from_status text,
        to_status text NOT NULL,
        from_unit_id uuid REFERENCES unit(id),
        from_user_id uuid,
        to_unit_id uuid NOT NULL REFERENCES unit(id),
        to_user_id uuid,
        instruction text,
        due_at timestamptz,
        note text,
        actor_id uuid,
        at timestamptz NOT NULL,
        UNIQUE (receipt_id, seq)
      )`);
    // The access rule reads the chain of holders: who held an item, and which items a unit held.
    await q.query(`CREATE INDEX dak_movement_to_unit ON dak_movement (to_unit_id, receipt_id)`);
    await q.query(`CREATE INDEX dak_movement_to_user ON dak_movement (to_user_id, receipt_id) WHERE to_user_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION dak_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dak_movement is append-only: the movement history is never changed';
      END $$`);
    await q.query(`
      CREATE TRIGGER dak_movement_no_update_delete BEFORE UPDATE OR DELETE ON dak_movement
      FOR EACH ROW EXECUTE FUNCTION dak_movement_append_only()`);
    await q.query(`
      CREATE TRIGGER dak_movement_no_truncate BEFORE TRUNCATE ON dak_movement
      FOR EACH STATEMENT EXECUTE FUNCTION dak_movement_append_only()`);
    // Each item's history starts with its diarisation, where the register knows it.
    await q.query(`
      INSERT INTO dak_movement (receipt_id, seq, action, from_status, to_status, to_unit_id, actor_id, at)
      SELECT id, 1, 'diarise', NULL, 'DIARISED', unit_id, created_by, created_at FROM dak_receipt`);
    await q.query(`
      INSERT INTO dak_movement (receipt_id, seq, action, from_status, to_status, from_unit_id, to_unit_id, due_at, actor_id, at)
      SELECT id, 2, 'mark', 'DIARISED', 'MARKED', unit_id, holder_unit_id, due_at, created_by, created_at FROM dak_receipt WHERE status = 'MARKED'`);

    await q.query(`
      CREATE TABLE dak_scan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL REFERENCES dak_receipt(id),
        filename text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (receipt_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dak_scan`);
    await q.query(`DROP TABLE dak_movement`);
    await q.query(`DROP FUNCTION dak_movement_append_only`);
    await q.query(`ALTER TABLE dak_receipt ADD COLUMN marked_to_unit_id uuid REFERENCES unit(id)`);
    await q.query(`UPDATE dak_receipt SET marked_to_unit_id = holder_unit_id WHERE status <> 'DIARISED' AND status <> 'AWAITING_CONFIRMATION'`);
    await q.query(`
      ALTER TABLE dak_receipt
        DROP COLUMN language, DROP COLUMN priority, DROP COLUMN status, DROP COLUMN holder_unit_id,
        DROP COLUMN holder_user_id, DROP COLUMN marked_at, DROP COLUMN due_at, DROP COLUMN file_id, DROP COLUMN closed_reason`);
    // Fails while a Top Secret item is on the register: it has no grading to go back to.
    await q.query(`ALTER TABLE dak_receipt DROP CONSTRAINT dak_receipt_grading_check`);
    await q.query(`ALTER TABLE dak_receipt ADD CONSTRAINT dak_receipt_grading_check CHECK (grading IN ('NORMAL','CONFIDENTIAL','SECRET'))`);
    await q.query(`DROP TABLE dak_file`);
  }
}
