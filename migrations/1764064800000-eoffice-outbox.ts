import { MigrationInterface, QueryRunner } from 'typeorm';

export class EofficeOutbox1764064800000 implements MigrationInterface {
  name = 'EofficeOutbox1764064800000';

  async up(q: QueryRunner): Promise<void> {
    // Everything bound for e-Office, written in the same transaction as the change that caused it.
    await q.query(`
      CREATE TABLE eoffice_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        source_type text NOT NULL,
        source_id text NOT NULL,
        source_ref text NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        grading text NOT NULL DEFAULT 'NORMAL' CHECK (grading IN ('NORMAL','CONFIDENTIAL','SECRET')),
        intake_channel text CHECK (intake_channel IN ('EOFFICE','EMAIL','WHATSAPP','WALK_IN','POST')),
        received_at timestamptz,
        metadata jsonb NOT NULL DEFAULT '{}',
        document_id uuid,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','FAILED','CANCELLED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        eoffice_ref text,
        channel_ref text,
        delivered_at timestamptz,
        cancel_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // Dispatch walks pending rows in seq order and stops at its batch size.
    await q.query(`CREATE INDEX eoffice_outbox_pending_seq_idx ON eoffice_outbox (seq) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX eoffice_outbox_source_idx ON eoffice_outbox (source_type, source_id, seq)`);
    await q.query(`CREATE INDEX eoffice_outbox_status_idx ON eoffice_outbox (status, created_at)`);
    await q.query(`CREATE INDEX eoffice_outbox_delivered_idx ON eoffice_outbox (delivered_at) WHERE status = 'DELIVERED'`);

    // The shared view of e-Office's health (ONLINE / DEGRADED), one row.
    await q.query(`
      CREATE TABLE system_mode (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        mode text NOT NULL CHECK (mode IN ('ONLINE','DEGRADED')),
        since timestamptz NOT NULL DEFAULT now(),
        reason text
      )`);
    await q.query(`INSERT INTO system_mode (mode, reason) VALUES ('ONLINE', 'initial')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE system_mode`);
    await q.query(`DROP TABLE eoffice_outbox`);
  }
}
