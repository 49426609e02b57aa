import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Character verification, part 3: the papers issued with a decision (the certificate, the report
 * letter, the appeal orders), the certificate's withdrawal, and the two appeals with their own
 * Lok Seva day counters.
 */
export class VerificationPapersAndAppeals1796123700000 implements MigrationInterface {
  name = 'VerificationPapersAndAppeals1796123700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_application DROP CONSTRAINT verification_application_status_check`);
    await q.query(`
      ALTER TABLE verification_application
        ADD CONSTRAINT verification_application_status_check CHECK (status IN (
          'UNDER_ENQUIRY', 'REPORTED', 'SIGNED_OFF', 'IN_FIRST_APPEAL', 'FIRST_APPEAL_DECIDED',
          'IN_SECOND_APPEAL', 'SECOND_APPEAL_DECIDED', 'CERTIFICATE_WITHDRAWN')),
        ADD COLUMN certificate_document_id uuid REFERENCES issued_document (id),
        ADD COLUMN certificate_withdrawn_at timestamptz,
        ADD COLUMN certificate_withdrawn_by uuid,
        ADD COLUMN certificate_withdrawal_reason text,
        ADD CONSTRAINT verification_application_withdrawal CHECK (
          (status = 'CERTIFICATE_WITHDRAWN') = (certificate_withdrawn_at IS NOT NULL)
          AND (certificate_withdrawn_at IS NULL OR (certificate_withdrawal_reason IS NOT NULL AND certificate_document_id IS NOT NULL)))
    `);
    await q.query(`
      CREATE TABLE verification_paper (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES verification_application (id),
        kind text NOT NULL CHECK (kind IN ('CERTIFICATE', 'REPORT', 'APPEAL_ORDER')),
        appeal_level text CHECK (appeal_level IN ('FIRST', 'SECOND')),
        document_id uuid NOT NULL UNIQUE REFERENCES issued_document (id),
        outbox_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'APPEAL_ORDER') <= (appeal_level IS NOT NULL))
      )
    `);
    await q.query(`CREATE INDEX verification_paper_application ON verification_paper (application_id)`);
    await q.query(`
      CREATE TABLE verification_appeal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES verification_application (id),
        level text NOT NULL CHECK (level IN ('FIRST', 'SECOND')),
        received_at timestamptz NOT NULL,
        intake_channel text NOT NULL,
        grounds text NOT NULL CHECK (btrim(grounds) <> ''),
        entered_by uuid NOT NULL,
        limit_days integer NOT NULL CHECK (limit_days > 0),
        due_on date NOT NULL,
        decision text CHECK (decision IN ('UPHELD', 'OVERTURNED')),
        reasons text,
        decided_by uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, level),
        CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (reasons IS NULL) AND (decision IS NULL) = (decided_by IS NULL))
      )
    `);
    await q.query(`CREATE INDEX verification_appeal_open_due ON verification_appeal (due_on) WHERE decision IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_appeal`);
    await q.query(`DROP TABLE verification_paper`);
    await q.query(`
      ALTER TABLE verification_application
        DROP CONSTRAINT verification_application_withdrawal,
        DROP COLUMN certificate_withdrawal_reason,
        DROP COLUMN certificate_withdrawn_by,
        DROP COLUMN certificate_withdrawn_at,
        DROP COLUMN certificate_document_id,
        DROP CONSTRAINT verification_application_status_check
    `);
    await q.query(`ALTER TABLE verification_application ADD CONSTRAINT verification_application_status_check CHECK (status IN ('UNDER_ENQUIRY', 'REPORTED', 'SIGNED_OFF'))`);
  }
}
