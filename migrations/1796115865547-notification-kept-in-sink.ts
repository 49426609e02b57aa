import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationKeptInSink1796115865547 implements MigrationInterface {
  name = 'NotificationKeptInSink1796115865547';

  async up(q: QueryRunner): Promise<void> {
    // A message the development sink kept was never sent: it gets its own status, and the
    // ones already marked SENT by the sink are corrected.
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_status_check CHECK (status IN ('PENDING','SENT','FAILED','KEPT_IN_SINK'))`,
    );
    await q.query(`UPDATE notification SET status = 'KEPT_IN_SINK', sent_at = NULL WHERE status = 'SENT' AND provider = 'sink'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notification SET status = 'SENT', sent_at = created_at WHERE status = 'KEPT_IN_SINK'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_status_check CHECK (status IN ('PENDING','SENT','FAILED'))`);
  }
}
