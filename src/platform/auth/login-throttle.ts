import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';

/**
 * Seconds the next attempt must wait after `failures` wrong logins in a row: none until
 * `maxFailures`, then 1 s, 2 s, 4 s, … doubling up to `capMinutes`.
 */
export function loginDelaySeconds(failures: number, maxFailures: number, capMinutes: number): number {
  if (failures < maxFailures) return 0;
  const doublings = Math.min(failures - maxFailures, 30);
  return Math.min(2 ** doublings, capMinutes * 60);
}

/**
 * A row is forgotten this long after its last failure: the count starts again. Times are
 * `clock_timestamp()`, not the transaction's start: the delay begins after the password check.
 */
const FORGET_AFTER = `interval '1 day'`;

export interface ThrottleState {
  failures: number;
  /** An attempt now falls inside the delay: it is answered like a wrong password, unchecked. */
  waiting: boolean;
}

/**
 * Failed logins counted per username (known or not, compared without case) and client
 * address. Nobody is locked out: past LOGIN_MAX_FAILURES failures each further attempt from
 * that address must wait a growing delay, while the same account from another address is not
 * slowed. Unknown usernames are counted exactly like known ones, so the answers do not tell
 * which usernames exist. The caller holds the pair's advisory lock (`lockPair`).
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  static key(username: string): string {
    return username.normalize('NFKC').toLowerCase();
  }

  /** One attempt at a time per username and address, so parallel guesses cannot share one window. */
  async lockPair(em: EntityManager, usernameKey: string, ip: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login\n${usernameKey}\n${ip}`]);
  }

  async state(em: EntityManager, usernameKey: string, ip: string): Promise<ThrottleState> {
    const rows: Array<{ failures: number; waiting: boolean }> = await em.query(
      `SELECT failures, coalesce(next_attempt_at > clock_timestamp(), false) AS waiting FROM login_throttle
        WHERE username_key = $1 AND ip = $2 AND last_failure_at >= clock_timestamp() - ${FORGET_AFTER}`,
      [usernameKey, ip],
    );
    return rows[0] ?? { failures: 0, waiting: false };
  }

  /** Counts a failure; returns the failures in a row and the delay now imposed (seconds). */
  async recordFailure(em: EntityManager, usernameKey: string, ip: string): Promise<{ failures: number; delaySeconds: number }> {
    const [row]: Array<{ failures: number }> = await em.query(
      `INSERT INTO login_throttle AS t (username_key, ip, failures, last_failure_at) VALUES ($1, $2, 1, clock_timestamp())
       ON CONFLICT (username_key, ip) DO UPDATE
         SET failures = CASE WHEN t.last_failure_at < clock_timestamp() - ${FORGET_AFTER} THEN 1 ELSE t.failures + 1 END,
             last_failure_at = clock_timestamp()
       RETURNING failures`,
      [usernameKey, ip],
    );
    const failures = row!.failures;
    const delaySeconds = loginDelaySeconds(failures, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES);
    await em.query(
      `UPDATE login_throttle SET next_attempt_at = CASE WHEN $3::int > 0 THEN last_failure_at + $3::int * interval '1 second' END
        WHERE username_key = $1 AND ip = $2`,
      [usernameKey, ip, delaySeconds],
    );
    return { failures, delaySeconds };
  }

  /** A successful login from this address starts its count again. */
  async clear(em: EntityManager, usernameKey: string, ip: string): Promise<void> {
    await em.query(`DELETE FROM login_throttle WHERE username_key = $1 AND ip = $2`, [usernameKey, ip]);
  }

  /** An admin's password reset lifts every delay on the account. */
  async clearAll(em: EntityManager, usernameKey: string): Promise<void> {
    await em.query(`DELETE FROM login_throttle WHERE username_key = $1`, [usernameKey]);
  }
}
