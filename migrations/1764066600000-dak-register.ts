import { MigrationInterface, QueryRunner } from 'typeorm';

export class DakRegister1764066600000 implements MigrationInterface {
  name = 'DakRegister1764066600000';

  async up(q: QueryRunner): Promise<void> {
    // Human reference numbers per type and year: PRT/2026/000123, DAK/2026/000042.
    await q.query(`
      CREATE TABLE reference_counter (
        prefix text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);

    // The dak (inward correspondence) register.
    await q.query(`
      CREATE TABLE dak_receipt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        subject text NOT NULL,
        sender_name text NOT NULL,
        sender_office text,
        letter_no text,
        letter_date date,
        intake_channel text NOT NULL CHECK (intake_channel IN ('EOFFICE','EMAIL','WHATSAPP','WALK_IN','POST')),
        received_at timestamptz NOT NULL,
        grading text NOT NULL DEFAULT 'NORMAL' CHECK (grading IN ('NORMAL','CONFIDENTIAL','SECRET')),
        unit_id uuid NOT NULL REFERENCES unit(id),
        marked_to_unit_id uuid REFERENCES unit(id),
        remarks text,
        eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC' CHECK (eoffice_status IN ('PENDING_SYNC','SENT_FOR_DIARISATION','DIARISED','NOT_REQUIRED')),
        eoffice_ref text,
        eoffice_channel_ref text,
        eoffice_synced_at timestamptz,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dak_receipt_received_idx ON dak_receipt (received_at DESC)`);
    await q.query(`CREATE INDEX dak_receipt_unit_idx ON dak_receipt (unit_id)`);
    await q.query(`CREATE INDEX dak_receipt_subject_trgm ON dak_receipt USING gin (subject gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dak_receipt`);
    await q.query(`DROP TABLE reference_counter`);
  }
}
