import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an SMS costs and why one failed: `parts` is the number of SMS parts the body takes
 * (GSM-7 or UCS-2, as the network counts them), and `failure` says why a FAILED message was
 * given up: the number is not a mobile one (INVALID_NUMBER, found before sending or answered
 * by the gateway), the gateway refused the message itself (REFUSED), or it never took it
 * after every retry (GAVE_UP).
 */
export class NotificationPartsAndFailure1796123100000 implements MigrationInterface {
  name = 'NotificationPartsAndFailure1796123100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN parts integer CHECK (parts > 0),
        ADD COLUMN failure text CHECK (failure IN ('INVALID_NUMBER','REFUSED','GAVE_UP'))`);
    await q.query(`UPDATE notification SET failure = 'GAVE_UP' WHERE status = 'FAILED'`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_failure_ck CHECK ((status = 'FAILED') = (failure IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_failure_ck`);
    await q.query(`ALTER TABLE notification DROP COLUMN parts, DROP COLUMN failure`);
  }
}
