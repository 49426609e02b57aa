import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inward e-mail of the dak register: one row per message taken from the mailbox, written in the
 * unit of work that diarises it. The mailbox's UIDVALIDITY + UID and the Message-ID are each
 * unique, so a message fetched twice, or after a crash before its commit, is diarised once; a
 * resent copy (same Message-ID, another UID) is kept as a DUPLICATE of the first. The app may only
 * insert and read the rows (APPEND_ONLY_TABLES).
 */
export class DakMail1796123800200 implements MigrationInterface {
  name = 'DakMail1796123800200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dak_mail_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mailbox text NOT NULL,
        uid_validity bigint NOT NULL CHECK (uid_validity > 0),
        uid bigint NOT NULL CHECK (uid > 0),
        message_key text NOT NULL CHECK (message_key <> ''),
        outcome text NOT NULL CHECK (outcome IN ('DIARISED', 'DUPLICATE', 'SKIPPED')),
        skip_reason text CHECK (skip_reason IN ('TOO_LARGE', 'UNREADABLE', 'FAILED')),
        detail text,
        dak_receipt_id uuid REFERENCES dak_receipt (id),
        duplicate_of uuid REFERENCES dak_mail_message (id),
        sender text,
        subject text,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        internal_date timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dak_mail_message_uid UNIQUE (mailbox, uid_validity, uid),
        CONSTRAINT dak_mail_message_outcome CHECK (
          (outcome = 'DIARISED' AND dak_receipt_id IS NOT NULL AND duplicate_of IS NULL AND skip_reason IS NULL)
          OR (outcome = 'DUPLICATE' AND duplicate_of IS NOT NULL AND dak_receipt_id IS NULL AND skip_reason IS NULL)
          OR (outcome = 'SKIPPED' AND skip_reason IS NOT NULL AND dak_receipt_id IS NULL AND duplicate_of IS NULL)
        )
      )`);
    // One message, one dak: the first row of a Message-ID is its message; later copies are DUPLICATEs.
    await q.query(`CREATE UNIQUE INDEX dak_mail_message_key ON dak_mail_message (message_key) WHERE outcome <> 'DUPLICATE'`);
    await q.query(`CREATE INDEX dak_mail_message_receipt ON dak_mail_message (dak_receipt_id) WHERE dak_receipt_id IS NOT NULL`);
    await q.query(`CREATE INDEX dak_mail_message_created ON dak_mail_message (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dak_mail_message`);
  }
}
