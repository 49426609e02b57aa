import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Character verification's Lok Seva escalations: when the verifier and the circle's DSP were
 * told an application is near its limit, and when that it is past it, so each is said once.
 */
export class VerificationEscalations1796123600100 implements MigrationInterface {
  name = 'VerificationEscalations1796123600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_application ADD COLUMN sla_warned_at timestamptz, ADD COLUMN sla_breach_noticed_at timestamptz`);
    await q.query(`CREATE INDEX verification_application_open_due ON verification_application (due_on) WHERE status <> 'SIGNED_OFF'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX verification_application_open_due`);
    await q.query(`ALTER TABLE verification_application DROP COLUMN sla_warned_at, DROP COLUMN sla_breach_noticed_at`);
  }
}
