import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of the criminal-records index (issue 14), previewed and applied only when confirmed,
 * like the officer roll:
 * - `criminal_record_import`: one row per uploaded file, its counts, the row errors the
 *   preview found (the first 1,000), who previewed it, until when the preview may be confirmed,
 *   and who confirmed it. PREVIEWED → APPLIED, DISCARDED or EXPIRED
 *   (src/modules/verifications/records/records-import-workflow.ts).
 * - `criminal_record_staged`: the preview's good rows, keyed exactly as they will go into
 *   `criminal_record`, so the confirmation applies the rows the admin saw and nothing else; they
 *   are deleted when the import is applied, discarded or expires.
 * - `criminal_record_same_entry`: an entry is the same person under the same FIR at the same
 *   police station (spacing and case aside); a file that repeats one already in the index, or
 *   one of its own rows, has that row refused, so the same file imported twice adds nothing.
 */
export class CriminalRecordImports1796123500100 implements MigrationInterface {
  name = 'CriminalRecordImports1796123500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE criminal_record_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        file_sha256 text NOT NULL,
        file_bytes bigint NOT NULL CHECK (file_bytes >= 0),
        encoding text NOT NULL,
        status text NOT NULL CHECK (status IN ('PREVIEWED', 'APPLIED', 'DISCARDED', 'EXPIRED')),
        total_rows integer NOT NULL CHECK (total_rows >= 0),
        good_rows integer NOT NULL CHECK (good_rows >= 0),
        bad_rows integer NOT NULL CHECK (bad_rows >= 0),
        errors jsonb NOT NULL DEFAULT '[]',
        ignored_columns text[] NOT NULL DEFAULT '{}',
        previewed_by uuid NOT NULL REFERENCES app_user(id),
        previewed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        applied_rows integer CHECK (applied_rows >= 0),
        CHECK (good_rows + bad_rows = total_rows),
        CHECK (expires_at > previewed_at),
        CHECK ((status = 'APPLIED') = (applied_rows IS NOT NULL)),
        CHECK (status NOT IN ('APPLIED', 'DISCARDED') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX criminal_record_import_previewed_at ON criminal_record_import (previewed_at DESC)`);
    await q.query(
      `CREATE INDEX criminal_record_import_open ON criminal_record_import (expires_at) WHERE status = 'PREVIEWED'`,
    );
    await q.query(`
      CREATE TABLE criminal_record_staged (
        import_id uuid NOT NULL REFERENCES criminal_record_import(id),
        row_no integer NOT NULL,
        name text NOT NULL,
        name_key text NOT NULL CHECK (name_key <> ''),
        search_key text NOT NULL CHECK (search_key <> ''),
        relative_name text,
        relative_key text,
        kin_keys text[] NOT NULL DEFAULT '{}',
        relation text CHECK (relation IN ('FATHER', 'HUSBAND')),
        dob date,
        age_years smallint CHECK (age_years BETWEEN 0 AND 120),
        age_on date,
        born_keys text[] NOT NULL DEFAULT '{}',
        address text,
        address_key text,
        fir_ref text NOT NULL,
        police_station text NOT NULL,
        sections text,
        key_version smallint NOT NULL,
        PRIMARY KEY (import_id, row_no)
      )`);
    await q.query(`
      CREATE FUNCTION criminal_record_same_entry(police_station text, fir_ref text, name_key text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
        upper(regexp_replace(police_station, '\\s', '', 'g')) || '|' || upper(regexp_replace(fir_ref, '\\s', '', 'g')) || '|' || name_key`);
    await q.query(
      `CREATE INDEX criminal_record_same_entry ON criminal_record (criminal_record_same_entry(police_station, fir_ref, name_key))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX criminal_record_same_entry`);
    await q.query(`DROP FUNCTION criminal_record_same_entry(text, text, text)`);
    await q.query(`DROP TABLE criminal_record_staged`);
    await q.query(`DROP TABLE criminal_record_import`);
  }
}
