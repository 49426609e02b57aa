// The SQL of the records-index import (a DELETE answers through a CTE, so TypeORM gives its rows): staging the previewed rows, finding the ones that repeat
// an entry, and entering them into the index. Staged rows carry exactly the columns and keys
// `criminal_record` gets (rowOf), so the confirmation copies them and computes nothing.
import type { CriminalRecordRow } from './indexed-record';

/** One previewed row, keyed, with its row number in the file. */
export interface StagedRow {
  rowNo: number;
  row: CriminalRecordRow;
}

const KEYED_COLUMNS = `name, name_key, search_key, relative_name, relative_key, kin_keys, relation, dob, age_years, age_on,
  born_keys, address, address_key, fir_ref, police_station, sections, key_version`;

/** $1 import, $2 row numbers, $3… the columns (lists as '|'-joined text, as CriminalRecordsIndex.add sends them). */
export const STAGE_SQL = `
  INSERT INTO criminal_record_staged (import_id, row_no, ${KEYED_COLUMNS})
  SELECT $1::uuid, row_no, name, name_key, search_key, relative_name, relative_key, string_to_array(kin_keys, '|'),
    relation, dob, age_years, age_on, string_to_array(born_keys, '|'), address, address_key, fir_ref, police_station,
    sections, key_version
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[],
    $11::smallint[], $12::date[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
    $19::smallint[])
    AS e(row_no, name, name_key, search_key, relative_name, relative_key, kin_keys, relation, dob, age_years, age_on,
         born_keys, address, address_key, fir_ref, police_station, sections, key_version)`;

export function stageParams(importId: string, rows: readonly StagedRow[]): unknown[] {
  const col = <K extends keyof CriminalRecordRow>(k: K) => rows.map((r) => r.row[k]);
  return [
    importId,
    rows.map((r) => r.rowNo),
    col('name'),
    col('nameKey'),
    col('searchKey'),
    col('relativeName'),
    col('relativeKey'),
    rows.map((r) => r.row.kinKeys.join('|')),
    col('relation'),
    col('dob'),
    col('ageYears'),
    col('ageOn'),
    rows.map((r) => r.row.bornKeys.join('|')),
    col('address'),
    col('addressKey'),
    col('firRef'),
    col('policeStation'),
    col('sections'),
    col('keyVersion'),
  ];
}

const SAME_ENTRY = (t: string) => `criminal_record_same_entry(${t}.police_station, ${t}.fir_ref, ${t}.name_key)`;

/**
 * Takes out of the staged rows those that repeat an earlier row of the same file (the same
 * person under the same FIR at the same police station): $1 import. Each comes back with the
 * row it repeats.
 */
export const UNSTAGE_REPEATED_ROWS_SQL = `
  WITH firsts AS (
    SELECT row_no, min(row_no) OVER (PARTITION BY ${SAME_ENTRY('s')}) AS first_row
    FROM criminal_record_staged s WHERE import_id = $1)
  , taken AS (
    DELETE FROM criminal_record_staged s USING firsts f
    WHERE s.import_id = $1 AND s.row_no = f.row_no AND f.first_row <> f.row_no
    RETURNING s.row_no, f.first_row)
  SELECT row_no AS "rowNo", first_row AS "firstRow" FROM taken`;

/** Takes out the staged rows already in the index ($1 import), with when their entry was added. */
export const UNSTAGE_INDEXED_ROWS_SQL = `
  WITH taken AS (
    DELETE FROM criminal_record_staged s
    USING criminal_record r
    WHERE s.import_id = $1 AND ${SAME_ENTRY('r')} = ${SAME_ENTRY('s')}
    RETURNING s.row_no, r.created_at)
  SELECT DISTINCT ON (row_no) row_no AS "rowNo", created_at AS "indexedAt" FROM taken ORDER BY row_no, created_at`;

/** How many staged rows ($1 import) an entry of the index now repeats. */
export const STAGED_NOW_INDEXED_SQL = `
  SELECT count(*)::int AS n FROM criminal_record_staged s
  WHERE s.import_id = $1
    AND EXISTS (SELECT 1 FROM criminal_record r WHERE ${SAME_ENTRY('r')} = ${SAME_ENTRY('s')})`;

/** The first and last staged row numbers of an import ($1). */
export const STAGED_RANGE_SQL = `
  SELECT min(row_no) AS lo, max(row_no) AS hi, count(*)::int AS n FROM criminal_record_staged WHERE import_id = $1`;

/**
 * Enters the staged rows of an import ($1) numbered from $2 up to, not including, $3 into the
 * index, under the import's id; answers how many.
 */
export const APPLY_STAGED_SQL = `
  WITH entered AS (
    INSERT INTO criminal_record (import_batch_id, ${KEYED_COLUMNS})
    SELECT import_id, ${KEYED_COLUMNS} FROM criminal_record_staged
    WHERE import_id = $1 AND row_no >= $2 AND row_no < $3
    ORDER BY row_no
    RETURNING 1)
  SELECT count(*)::int AS n FROM entered`;

export const UNSTAGE_ALL_SQL = `DELETE FROM criminal_record_staged WHERE import_id = $1`;

/** Imports run one at a time while they look for repeated entries and enter rows. */
export const RECORDS_IMPORT_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('criminal_record_import'))`;

/**
 * An import reads and writes up to millions of rows in one transaction: its statements may run
 * longer than the app's statement timeout, for this transaction only.
 */
export const RECORDS_IMPORT_TIMEOUT_SQL = `SET LOCAL statement_timeout = '15min'`;
