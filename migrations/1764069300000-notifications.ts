import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764069300000 implements MigrationInterface {
  name = 'Notifications1764069300000';

  async up(q: QueryRunner): Promise<void> {
    // Messages to citizens and officers (SMS, e-mail), written in the transaction of the change
    // that causes them and sent by a job, so a change never commits without its message.
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('SMS','EMAIL')),
        recipient text NOT NULL,
        template text NOT NULL,
        language text NOT NULL CHECK (language IN ('hi','en','bi')),
        body text NOT NULL,
        source_type text NOT NULL,
        source_id text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        provider text,
        provider_ref text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_pending_idx ON notification (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX notification_source_idx ON notification (source_type, source_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
