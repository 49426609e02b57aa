import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dak receipts come under retention (src/modules/dak/dak-retention.ts): when their sender's personal data went. */
export class DakRetention1796123800900 implements MigrationInterface {
  name = 'DakRetention1796123800900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dak_receipt ADD COLUMN personal_data_purged_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dak_receipt DROP COLUMN personal_data_purged_at`);
  }
}
