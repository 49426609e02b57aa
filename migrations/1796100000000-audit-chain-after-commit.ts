import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain leaves the write path. A business transaction now only appends its audit
 * rows (numbered by the bigserial id); a single chainer links them `prev_hash → hash` right
 * after commit, into `audit_chain`, in the order it sees them committed. `audit_pending` is
 * the chainer's to-do list, filled by trigger so no writer can forget it. The chain head is
 * signed at intervals (`audit_head_signature`) with the document-signing key, which lives
 * outside the database, so even a database owner cannot rewrite history unnoticed.
 */
export class AuditChainAfterCommit1796100000000 implements MigrationInterface {
  name = 'AuditChainAfterCommit1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_chain (
        position bigint PRIMARY KEY CHECK (position > 0),
        audit_id bigint NOT NULL UNIQUE REFERENCES audit_log(id),
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE,
        chained_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // The rows chained so far keep their links, in id order, as they were written.
    await q.query(`
      INSERT INTO audit_chain (position, audit_id, prev_hash, hash, chained_at)
      SELECT row_number() OVER (ORDER BY id), id, prev_hash, hash, at FROM audit_log ORDER BY id`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash`);

    await q.query(`CREATE TABLE audit_pending (audit_id bigint PRIMARY KEY REFERENCES audit_log(id))`);
    await q.query(`
      CREATE FUNCTION audit_log_mark_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_pending (audit_id) SELECT id FROM new_rows;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_pending AFTER INSERT ON audit_log
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_log_mark_pending()`);

    await q.query(`
      CREATE TABLE audit_head_signature (
        id bigserial PRIMARY KEY,
        position bigint NOT NULL REFERENCES audit_chain(position),
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        key_fingerprint text NOT NULL,
        signature text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_head_signature_position_idx ON audit_head_signature (position)`);

    for (const table of ['audit_chain', 'audit_head_signature']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    }

    // An Idempotency-Key is marked COMMITTED inside the business transaction, so a crash
    // between the commit and storing the answer can no longer let a retry run it twice.
    await q.query(`ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_status_check`);
    await q.query(`ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_status_check CHECK (status IN ('IN_PROGRESS','COMMITTED','DONE'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_key WHERE status = 'COMMITTED'`);
    await q.query(`ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_status_check`);
    await q.query(`ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_status_check CHECK (status IN ('IN_PROGRESS','DONE'))`);
    await q.query(`DROP TABLE audit_head_signature`);
    await q.query(`DROP TRIGGER audit_log_pending ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_mark_pending`);
    await q.query(`DROP TABLE audit_pending`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await q.query(`SET LOCAL session_replication_role = replica`);
    await q.query(`UPDATE audit_log a SET prev_hash = c.prev_hash, hash = c.hash FROM audit_chain c WHERE c.audit_id = a.id`);
    await q.query(`DROP TABLE audit_chain`);
  }
}
