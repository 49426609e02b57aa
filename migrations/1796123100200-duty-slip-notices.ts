import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who each published chart version told of their duty, and how: one row per officer on the
 * version (and per officer it took off), holding the SMS queued for them, or NO_MOBILE when
 * there was nobody to send to. An officer whose slip did not change keeps the notice of the
 * version that last sent it (`carried_from`), so every version can say who was never told.
 * What became of each SMS (sent, failed and why) is read from the notification itself.
 */
export class DutySlipNotices1796123100200 implements MigrationInterface {
  name = 'DutySlipNotices1796123100200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_slip_notice (
        chart_id uuid NOT NULL REFERENCES duty_chart(id),
        slip_id uuid NOT NULL REFERENCES duty_slip(id),
        template text NOT NULL CHECK (template IN ('duty-slip','duty-slip-changed','duty-cancelled')),
        notification_ids uuid[] NOT NULL DEFAULT '{}',
        unsent_reason text CHECK (unsent_reason IN ('NO_MOBILE')),
        carried_from uuid REFERENCES duty_chart(id),
        officer jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (chart_id, slip_id),
        CHECK ((unsent_reason IS NULL) = (cardinality(notification_ids) > 0))
      )`);
    await q.query(`CREATE INDEX duty_slip_notice_slip_idx ON duty_slip_notice (slip_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_slip_notice`);
  }
}
