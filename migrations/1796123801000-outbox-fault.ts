import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What kind of failure an outbox row's last attempt met (`last_fault`), beside its technical
 * `last_error`: the screens say it in the reader's language (could not reach e-Office, e-Office
 * refused this item…) and keep the error's own words as the detail for the IT cell.
 */
export class OutboxFault1796123801000 implements MigrationInterface {
  name = 'OutboxFault1796123801000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE eoffice_outbox ADD COLUMN last_fault text
         CHECK (last_fault IN ('UNREACHABLE', 'FAILING', 'CREDENTIALS_REFUSED', 'REFUSED', 'UNPREPARED', 'OTHER'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eoffice_outbox DROP COLUMN last_fault`);
  }
}
