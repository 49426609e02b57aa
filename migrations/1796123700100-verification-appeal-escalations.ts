import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the appellate authorities were told an appeal is near its limit, and that it is past it, so each is said once. */
export class VerificationAppealEscalations1796123700100 implements MigrationInterface {
  name = 'VerificationAppealEscalations1796123700100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_appeal ADD COLUMN sla_warned_at timestamptz, ADD COLUMN sla_breach_noticed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_appeal DROP COLUMN sla_warned_at, DROP COLUMN sla_breach_noticed_at`);
  }
}
