import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who withdrew an application (the control room, on the applicant's behalf), beside when and
 * why, as every other step of the workflow keeps its actor. Applications withdrawn before take
 * it from their audit row (`protest.withdrawn`), which names the actor.
 */
export class ProtestWithdrawnBy1796123300000 implements MigrationInterface {
  name = 'ProtestWithdrawnBy1796123300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE protest_application ADD COLUMN withdrawn_by uuid`);
    await q.query(`
      UPDATE protest_application p SET withdrawn_by = a.actor_id
        FROM audit_log a
       WHERE p.withdrawn_at IS NOT NULL
         AND a.entity_type = 'protest_application' AND a.entity_id = p.id::text AND a.action = 'protest.withdrawn'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE protest_application DROP COLUMN withdrawn_by`);
  }
}
