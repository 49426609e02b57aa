import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies to dak (issue 15): an outward letter with its own number `DAK-OUT/<year>/<6 digits>`,
 * drawn by the documents engine (bilingual PDF with its verify QR) and sent to e-Office through
 * the outbox in the same change. `outbox_id` is null for a Top Secret item's reply, which never
 * leaves by wire.
 */
export class DakReplies1796123800100 implements MigrationInterface {
  name = 'DakReplies1796123800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dak_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL REFERENCES dak_receipt(id),
        ref text NOT NULL UNIQUE,
        recipient text NOT NULL CHECK (btrim(recipient) <> ''),
        subject text NOT NULL CHECK (btrim(subject) <> ''),
        body text NOT NULL CHECK (btrim(body) <> ''),
        document_id uuid NOT NULL REFERENCES issued_document(id),
        outbox_id uuid REFERENCES eoffice_outbox(id),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dak_reply_receipt ON dak_reply (receipt_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dak_reply`);
  }
}
