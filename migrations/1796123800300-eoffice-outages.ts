import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-Office outages as they happened: each spell of DEGRADED from when it began to when the
 * channel came back, kept for the reports of what was received meanwhile (the dak register's
 * "received during the outage of …"). At most one is open at a time.
 */
export class EofficeOutages1796123800300 implements MigrationInterface {
  name = 'EofficeOutages1796123800300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE eoffice_outage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        began_at timestamptz NOT NULL,
        ended_at timestamptz,
        fault text,
        CONSTRAINT eoffice_outage_ends_after_it_began CHECK (ended_at IS NULL OR ended_at >= began_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX eoffice_outage_one_open ON eoffice_outage ((true)) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX eoffice_outage_began_idx ON eoffice_outage (began_at DESC)`);
    // An outage under way when this runs is the first on record.
    await q.query(`INSERT INTO eoffice_outage (began_at, fault) SELECT since, fault FROM system_mode WHERE mode = 'DEGRADED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE eoffice_outage`);
  }
}
