import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry the account's `session_version`; the guard refuses a token whose
 * version is behind (password changed or reset, account deactivated, roles or unit changed,
 * sessions revoked).
 *
 * Failed logins no longer lock the account: they are counted per username (known or not) and
 * client address in `login_throttle`, and past a few failures each further attempt from that
 * address must wait a growing delay. `locked_until` goes: nobody is locked out any more.
 */
export class SessionVersionAndLoginThrottle1796120681915 implements MigrationInterface {
  name = 'SessionVersionAndLoginThrottle1796120681915';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN session_version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE app_user DROP COLUMN locked_until`);
    await q.query(`
      CREATE TABLE login_throttle (
        username_key text NOT NULL,
        ip text NOT NULL,
        failures integer NOT NULL CHECK (failures > 0),
        next_attempt_at timestamptz,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username_key, ip)
      )`);
    await q.query(`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`ALTER TABLE app_user ADD COLUMN locked_until timestamptz`);
    await q.query(`ALTER TABLE app_user DROP COLUMN session_version`);
  }
}
