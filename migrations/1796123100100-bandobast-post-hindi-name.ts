import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A post's name in Hindi (ड्यूटी स्थल): printed on the slip and the master chart beside the
 * English one, and used by Hindi SMS, which fall back to the English name while it is empty.
 */
export class BandobastPostHindiName1796123100100 implements MigrationInterface {
  name = 'BandobastPostHindiName1796123100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE bandobast_post ADD COLUMN name_hi text CHECK (name_hi IS NULL OR length(btrim(name_hi)) > 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bandobast_post DROP COLUMN name_hi`);
  }
}
