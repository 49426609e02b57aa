import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counts of the rate limits, per key and window, shared by every instance on the
 * database (see src/platform/http/rate-limit-store.ts). UNLOGGED: counts are not records, a
 * crash may forget a minute of them, and writing them costs no WAL.
 */
export class RateLimitCounts1796123800400 implements MigrationInterface {
  name = 'RateLimitCounts1796123800400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_count (
        key text NOT NULL,
        window_start bigint NOT NULL,
        hits integer NOT NULL CHECK (hits >= 0),
        PRIMARY KEY (key, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_count_window_idx ON rate_limit_count (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_count`);
  }
}
