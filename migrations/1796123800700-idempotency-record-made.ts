import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request whose change committed but whose answer was lost (the server stopped in between)
 * is answered on replay with a pointer to the record it made: the record's type and id, written
 * in the change's own transaction, so an offline client's outbox can show the reference
 * without sending again (issue 17).
 */
export class IdempotencyRecordMade1796123800700 implements MigrationInterface {
  name = 'IdempotencyRecordMade1796123800700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key ADD COLUMN resource_type text, ADD COLUMN resource_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key DROP COLUMN resource_type, DROP COLUMN resource_id`);
  }
}
