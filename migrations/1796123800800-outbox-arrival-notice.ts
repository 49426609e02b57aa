import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every statement that adds outbox rows tells the app's instances at its commit
 * (`NOTIFY eoffice_outbox_arrived`), so a row is queued for e-Office the moment it exists,
 * not at the dispatcher's next tick (up to a second later; the tick stays as the fallback).
 * PostgreSQL sends the notice only once the transaction commits, when the rows can be read,
 * and folds a transaction's notices into one.
 */
export class OutboxArrivalNotice1796123800800 implements MigrationInterface {
  name = 'OutboxArrivalNotice1796123800800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION eoffice_outbox_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('eoffice_outbox_arrived', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER eoffice_outbox_arrived AFTER INSERT ON eoffice_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION eoffice_outbox_arrived()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER eoffice_outbox_arrived ON eoffice_outbox`);
    await q.query(`DROP FUNCTION eoffice_outbox_arrived()`);
  }
}
