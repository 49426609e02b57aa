import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The local criminal-records index that character verification checks applicants against
 * (issue 14): each entry as the police station wrote it, with the phonetic keys the search
 * matches on (src/modules/verifications/matching/name-key.ts) and finds it by
 * (src/modules/verifications/records/criminal-records.index.ts):
 * - `search_key`, the name key without the parts that are everywhere and often left out
 *   (Kumar, Bai, Singh, Mohammad, initials): a GIN trigram index finds the entries in which an
 *   applicant's key is found (pg_trgm's `%>`), a btree those whose key is a part of the
 *   applicant's;
 * - `kin_keys`, a name part with a part of the relative's name ("srma>rmes" for Rajesh Sharma,
 *   son of Ramesh), and `born_keys`, the whole name with the years of birth it may be
 *   ("rjes srma@1984"), as skeletons (short a, aspiration and b/v set aside): exact blocking
 *   keys under GIN, which pick a person out of many of a common name.
 *
 * pg_trgm and fuzzystrmatch are trusted extensions: a database owner that is not a superuser
 * may create them (PostgreSQL 13+; checked on 15 and the embedded 18). The app role reaches
 * their functions through PUBLIC's EXECUTE and its USAGE on `public`.
 *
 * `import_batch_id` names the import that brought the entry (the import, with its preview and
 * confirmation, comes with the verification workflow). `key_version` says which version of
 * the key computed the keys, so entries keyed by an older one are recognised and re-keyed.
 */
export class CriminalRecordsIndex1796123400000 implements MigrationInterface {
  name = 'CriminalRecordsIndex1796123400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    await q.query(`
      CREATE TABLE criminal_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_batch_id uuid NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
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
        fir_ref text NOT NULL CHECK (btrim(fir_ref) <> ''),
        police_station text NOT NULL CHECK (btrim(police_station) <> ''),
        sections text,
        key_version smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((age_years IS NULL) = (age_on IS NULL)),
        CHECK (relative_key IS NULL OR relative_name IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX criminal_record_search_key_trgm ON criminal_record USING gin (search_key gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX criminal_record_search_key ON criminal_record (search_key)`);
    await q.query(`CREATE INDEX criminal_record_kin_keys ON criminal_record USING gin (kin_keys)`);
    await q.query(
      `CREATE INDEX criminal_record_born_keys ON criminal_record USING gin (born_keys)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE criminal_record`);
    // The extensions stay: pg_trgm was there before, and dropping one could break others' objects.
  }
}
