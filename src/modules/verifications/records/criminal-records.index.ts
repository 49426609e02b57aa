import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  KeyedParticulars,
  keyParticulars,
  matchScorer,
  MatchScore,
  Particulars,
} from '../matching/score';
import {
  birthYearOf,
  bornKeysOf,
  kinKeysOf,
  relativeTokensOf,
  CriminalRecordEntry,
  indexedRecordOf,
  IndexedRecord,
  keyedRow,
  rowOf,
  searchKeyOf,
  StoredRow,
} from './indexed-record';

/** A record that may be the applicant, with its score and why. */
export interface RecordCandidate extends MatchScore {
  record: IndexedRecord;
}

/**
 * The prefilter finds an entry by its name when the applicant's search key is found in the
 * entry's: pg_trgm's word similarity (`%>`: the share of the applicant's trigrams that one
 * stretch of the entry's key has) of at least this. "Sunita" is found whole in "Sunita
 * Ahirwar", "Ram Charan Lodhi" has 0.74 in "Ramcharan Lodhi"; a common surname alone (Yadav in
 * "Ram Yadav") does not pass the GIN index's count of shared trigrams, so few rows are read.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.65;
/**
 * Rows a branch of the prefilter hands to the scoring at most. A name shared by more rows than
 * this (Sanjay, Kuldeep, "Ram Choudhary") says too little by itself: its rows are then taken by
 * the birth year as well.
 */
export const PREFILTER_ROWS = 200;
/** Years either side of an applicant's likely birth year the birth branch looks in (with the entry's one, three). */
const APPLICANT_BIRTH_SPREAD = 2;

const COLUMNS = `id, import_batch_id, name, name_key, relative_name, relative_key, relation, dob::text AS dob,
  age_years, age_on::text AS age_on, address, address_key, fir_ref, police_station, sections, key_version`;

/**
 * By name: the applicant's search key found in the entry's (`%>`, GIN index
 * criminal_record_search_key_trgm), or the entry's whole search key one or two parts of the
 * applicant's, an entry with less of the name ("Rajesh", or "R. K. Sharma", for Rajesh Kumar
 * Sharma; `=`, btree criminal_record_search_key). $1 search key, $2 its parts and pairs of parts
 * (searchKeyParts), $3 rows.
 */
export const NAMED_SQL = `
  SELECT ${COLUMNS} FROM criminal_record
  WHERE search_key %> $1 OR search_key = ANY($2::text[])
  LIMIT $3`;

/**
 * By the whole name and the birth year (bornKeysOf, GIN criminal_record_born_keys), when the
 * name alone gave PREFILTER_ROWS. $1 keys, $2 rows.
 */
export const BORN_SQL = `SELECT ${COLUMNS} FROM criminal_record WHERE born_keys && $1::text[] LIMIT $2`;

/**
 * By a part of the name and a part of the relative's name (kinKeysOf, GIN
 * criminal_record_kin_keys): finds the entry whatever else was misspelt ("Rajseh Patel, son of
 * Mangilal"). $1 keys, $2 rows.
 */
export const KIN_SQL = `SELECT ${COLUMNS} FROM criminal_record WHERE kin_keys && $1::text[] LIMIT $2`;

/** Each part of each alternative of a search key, and each pair of them in either order. */
export function searchKeyParts(searchKey: string): string[] {
  const out = new Set<string>();
  for (const alt of searchKey.split(' / ')) {
    const parts = alt.split(' ').filter(Boolean);
    parts.forEach((a, i) => {
      out.add(a);
      for (const b of parts.slice(i + 1)) out.add(`${a} ${b}`).add(`${b} ${a}`);
    });
  }
  return [...out];
}

/** The parameters of the prefilter's branches for an applicant (null: the branch has nothing to go by). */
export interface PrefilterParams {
  named: [string, string[], number];
  born: [string[], number] | null;
  kin: [string[], number] | null;
}

export function prefilterParams(query: KeyedParticulars, rows = PREFILTER_ROWS): PrefilterParams {
  const searchKey = searchKeyOf(query.name);
  const born = bornKeysOf(searchKey, birthYearOf(query.birth), APPLICANT_BIRTH_SPREAD);
  const kin = kinKeysOf(searchKey, relativeTokensOf(query.relative, query.name));
  return {
    named: [searchKey, searchKeyParts(searchKey), rows],
    born: born.length ? [born, rows] : null,
    kin: kin.length ? [kin, rows] : null,
  };
}

/**
 * The prefilter: by name; by name and birth year when the name is common; by a part of the
 * name and of the relative's name. Each branch is bounded, so the rows read are, whatever the
 * name. Sets on the connection the word similarity threshold, and sequential scans off: with
 * a LIMIT and a name it guesses common, the planner would read the table in order, testing
 * every row's trigrams, until it had enough, which for a name that turns out rare is the whole
 * table (a second, at 1,000,000 entries). For the transaction when `local`, else for the
 * session (the caller puts them back).
 */
export async function runPrefilter(
  runner: Pick<QueryRunner, 'query'>,
  query: KeyedParticulars,
  local: boolean,
): Promise<StoredRow[]> {
  await runner.query(
    `SELECT set_config('pg_trgm.word_similarity_threshold', $1, $2), set_config('enable_seqscan', 'off', $2)`,
    [String(WORD_SIMILARITY_THRESHOLD), local],
  );
  return prefilterBranches(runner, query);
}

/** The prefilter's branches alone, on a connection already set up (for benches and plans). */
export async function prefilterBranches(
  runner: Pick<QueryRunner, 'query'>,
  query: KeyedParticulars,
): Promise<StoredRow[]> {
  const p = prefilterParams(query);
  const found = new Map<string, StoredRow>();
  const take = (rows: StoredRow[]) => rows.forEach((r) => found.set(r.id, r));
  const named = (await runner.query(NAMED_SQL, p.named)) as StoredRow[];
  take(named);
  if (named.length >= PREFILTER_ROWS && p.born) take(await runner.query(BORN_SQL, p.born));
  if (p.kin) take(await runner.query(KIN_SQL, p.kin));
  return [...found.values()];
}

const INSERT_SQL = `
  INSERT INTO criminal_record (import_batch_id, name, name_key, search_key, relative_name, relative_key, kin_keys,
    relation, dob, age_years, age_on, born_keys, address, address_key, fir_ref, police_station, sections, key_version)
  SELECT $1::uuid, name, name_key, search_key, relative_name, relative_key, string_to_array(kin_keys, '|'),
    relation, dob, age_years, age_on, string_to_array(born_keys, '|'), address, address_key, fir_ref, police_station, sections, key_version
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[],
    $10::smallint[], $11::date[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
    $18::smallint[])
    AS e(name, name_key, search_key, relative_name, relative_key, kin_keys, relation, dob, age_years, age_on,
         born_keys, address, address_key, fir_ref, police_station, sections, key_version)`;

/** Rows per INSERT when adding many. */
const INSERT_BATCH = 5_000;

/**
 * The criminal-records index: entries added by an import, and the records check's search.
 * The search is a read of confidential data: whoever shows its result audits it (the
 * verification's records check).
 */
@Injectable()
export class CriminalRecordsIndex {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds entries under one import, keyed. A write: call it inside a unit of work with its
   * `change.em`, and audit the import there.
   */
  async add(
    em: EntityManager,
    importBatchId: string,
    entries: readonly CriminalRecordEntry[],
  ): Promise<number> {
    for (let i = 0; i < entries.length; i += INSERT_BATCH) {
      const rows = entries.slice(i, i + INSERT_BATCH).map((e, j) => {
        const row = rowOf(e);
        if (!row.nameKey)
          throw new Error(`entry ${i + j + 1}: the name "${e.name}" has no letters to match on`);
        return row;
      });
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
      await em.query(INSERT_SQL, [
        importBatchId,
        col('name'),
        col('nameKey'),
        col('searchKey'),
        col('relativeName'),
        col('relativeKey'),
        rows.map((r) => r.kinKeys.join('|')),
        col('relation'),
        col('dob'),
        col('ageYears'),
        col('ageOn'),
        rows.map((r) => r.bornKeys.join('|')),
        col('address'),
        col('addressKey'),
        col('firRef'),
        col('policeStation'),
        col('sections'),
        col('keyVersion'),
      ]);
    }
    return entries.length;
  }

  /**
   * The records that may be this applicant, best first: the prefilter (runPrefilter), then each
   * scored (see scoreMatch) with why. At most `limit` come back, whatever their band.
   */
  async candidates(query: Particulars, limit = 10, em?: EntityManager): Promise<RecordCandidate[]> {
    const keyed = keyParticulars(query);
    if (keyed.name.alternatives.length === 0) return [];
    const rows = await this.prefilter(keyed, em);
    // Rank all without words, then explain the ones returned.
    const score = matchScorer(keyed);
    const ranked = rows
      .map((row) => {
        const r = keyedRow(row);
        return { row, keyed: r, s: score(r, { explain: false }) };
      })
      .sort(
        (a, b) =>
          b.s.score - a.s.score ||
          b.s.nameSimilarity - a.s.nameSimilarity ||
          (a.row.id < b.row.id ? -1 : 1),
      )
      .slice(0, limit);
    return ranked.map(({ row, keyed: r }) => ({ record: indexedRecordOf(row), ...score(r) }));
  }

  /**
   * The prefilter's settings (see runPrefilter) are the session's: set on the one connection
   * the branches run on, and put back before it returns to the pool.
   */
  private async prefilter(query: KeyedParticulars, em?: EntityManager): Promise<StoredRow[]> {
    // Inside the caller's transaction the setting is local to it; otherwise to a connection of our own.
    const inTransaction = !!em?.queryRunner?.isTransactionActive;
    const runner = inTransaction ? em!.queryRunner! : this.dataSource.createQueryRunner();
    try {
      return await runPrefilter(runner, query, inTransaction);
    } finally {
      if (!inTransaction) {
        await runner
          .query(`RESET pg_trgm.word_similarity_threshold; RESET enable_seqscan`)
          .catch(() => undefined);
        await runner.release();
      }
    }
  }
}
