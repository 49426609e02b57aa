import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units are retired, never deleted, once anything refers to them (users, officers, records):
 * a retired unit keeps its row, code and path so old records still name it, but takes no new
 * work. `retired_at` says when; the CHECK keeps the two columns telling the same story.
 */
export class UnitRetirement1796120646188 implements MigrationInterface {
  name = 'UnitRetirement1796120646188';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE unit
        ADD COLUMN is_active boolean NOT NULL DEFAULT true,
        ADD COLUMN retired_at timestamptz,
        ADD CONSTRAINT unit_retired_at_check CHECK (is_active = (retired_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE unit DROP CONSTRAINT unit_retired_at_check, DROP COLUMN retired_at, DROP COLUMN is_active`,
    );
  }
}
