import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The system mode says what is wrong with e-Office, not only that something is: unreachable,
 * reachable but failing, or refusing our credentials, with the HTTP status, where it was seen
 * (health check or deliveries) and the reason in Hindi beside the English one.
 *
 * An outbox row being sent is claimed by the instance sending it (`claimed_by`, the key of a
 * session advisory lock the instance holds while it lives), so a row left in flight by a dead
 * process is sent again at once, and one a live instance is sending is never sent twice.
 */
export class EofficeModeFaultAndClaims1796123200000 implements MigrationInterface {
  name = 'EofficeModeFaultAndClaims1796123200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE system_mode
        ADD COLUMN reason_hi text,
        ADD COLUMN fault text CHECK (fault IN ('UNREACHABLE','FAILING','CREDENTIALS_REFUSED')),
        ADD COLUMN fault_code text,
        ADD COLUMN http_status integer CHECK (http_status BETWEEN 100 AND 599),
        ADD COLUMN fault_seen_in text CHECK (fault_seen_in IN ('probe','deliveries')),
        ADD CONSTRAINT system_mode_fault_when_degraded CHECK ((mode = 'DEGRADED') OR fault IS NULL)`);
    await q.query(`
      ALTER TABLE eoffice_outbox
        ADD COLUMN claimed_by integer CHECK (claimed_by > 0),
        ADD COLUMN claimed_at timestamptz,
        ADD CONSTRAINT eoffice_outbox_claim_whole CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE eoffice_outbox
        DROP CONSTRAINT eoffice_outbox_claim_whole,
        DROP COLUMN claimed_at,
        DROP COLUMN claimed_by`);
    await q.query(`
      ALTER TABLE system_mode
        DROP CONSTRAINT system_mode_fault_when_degraded,
        DROP COLUMN fault_seen_in,
        DROP COLUMN http_status,
        DROP COLUMN fault_code,
        DROP COLUMN fault,
        DROP COLUMN reason_hi`);
  }
}
