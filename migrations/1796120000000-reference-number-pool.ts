import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free reference numbers. A change takes the lowest free number nobody else holds and a
 * rollback gives it back, so numbers stay gap-free without changes queuing on the counter
 * row until they commit. `reference_counter.last_value` is now the highest number made
 * available; the numbers already taken are below it, so the pool starts empty.
 */
export class ReferenceNumberPool1796120000000 implements MigrationInterface {
  name = 'ReferenceNumberPool1796120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reference_free (
        prefix text NOT NULL,
        year integer NOT NULL,
        n integer NOT NULL CHECK (n > 0),
        PRIMARY KEY (prefix, year, n)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Free numbers below the counter would become gaps; give the counter back what was never used.
    await q.query(`
      UPDATE reference_counter c SET last_value = coalesce(
        (SELECT min(f.n) - 1 FROM reference_free f WHERE f.prefix = c.prefix AND f.year = c.year), c.last_value)`);
    await q.query(`DROP TABLE reference_free`);
  }
}
