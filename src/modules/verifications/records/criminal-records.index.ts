import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedParticulars, keyParticulars, MatchScore, Particulars, scoreMatch } from '../matching/score';
import {
  birthYearOf,
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
 * The prefilter keeps a row when the query's search key is found in the row's: pg_trgm's word
 * similarity (`%>`), the share of the query's trigrams that one stretch of the row's key has,
 * of at least this. "Sunita" is found whole in "Sunita Ahirwar"; "Rajseh Patel" has 0.69 of
 * its trigrams in "Rajesh Patel". High enough that a common surname alone (Yadav in "Ram
 * Yadav") does not pass the GIN index's count of shared trigrams, which bounds the rows read.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.65;
/** How many rows the prefilter hands to the scoring, at least, and per candidate asked for. */
const PREFILTER_MIN = 200;
const PREFILTER_PER_CANDIDATE = 20;
const PREFILTER_MAX = 1000;

/**
 * The prefilter: rows in whose search key the query's is found (`%>`, through the GIN index
 * `criminal_record_search_key_trgm`), and rows whose whole search key is one or two of the
 * query's parts, an entry with less of the name ("Rajesh", or "R. K. Sharma", for Rajesh Kumar
 * Sharma; `=`, through the btree `criminal_record_search_key`). Best first by the name's
 * trigram similarity, then the relative's name and the birth year; the edit distance of the
 * whole key (fuzzystrmatch) breaks ties ("Rajesh Kumar" before "Rajesh" for Rajesh Kumar).
 * $1 search key, $2 relative key or null, $3 birth year or null, $4 name key, $5 limit, $6 the
 * query's parts and pairs of parts (searchKeyParts).
 */
export const CANDIDATES_SQL = `
  SELECT id, import_batch_id, name, name_key, relative_name, relative_key, relation, dob::text AS dob,
         age_years, age_on::text AS age_on, address, fir_ref, police_station, sections, key_version
  FROM criminal_record
  WHERE search_key %> $1 OR search_key = ANY($6::text[])
  ORDER BY greatest(word_similarity($1, search_key), similarity(search_key, $1))
           + CASE WHEN $2::text IS NULL OR relative_key IS NULL THEN 0 ELSE 0.5 * similarity(relative_key, $2::text) END
           + CASE WHEN $3::int IS NULL OR birth_year IS NULL THEN 0 ELSE 0.3 * greatest(0, 1 - abs(birth_year - $3::int) / 5.0) END DESC,
           levenshtein_less_equal(left(name_key, 255), $4::text, 8),
           id
  LIMIT $5`;

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

/** The prefilter's parameters for a query: $1 … $6 of CANDIDATES_SQL. */
export function prefilterParams(query: KeyedParticulars, limit: number): unknown[] {
  const searchKey = searchKeyOf(query.name);
  return [
    searchKey,
    query.relative?.key ?? null,
    birthYearOf(query.birth),
    query.name.key.slice(0, 255),
    limit,
    searchKeyParts(searchKey),
  ];
}

const INSERT_SQL = `
  INSERT INTO criminal_record (import_batch_id, name, name_key, search_key, relative_name, relative_key, relation, dob,
    age_years, age_on, birth_year, address, fir_ref, police_station, sections, key_version)
  SELECT $1::uuid, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[],
    $9::smallint[], $10::date[], $11::smallint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::smallint[])`;

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
        col('relation'),
        col('dob'),
        col('ageYears'),
        col('ageOn'),
        col('birthYear'),
        col('address'),
        col('firRef'),
        col('policeStation'),
        col('sections'),
        col('keyVersion'),
      ]);
    }
    return entries.length;
  }

  /**
   * The records that may be this applicant, best first: the prefilter (CANDIDATES_SQL), then
   * each scored (see scoreMatch) with why. `limit` candidates come back, whatever their band.
   */
  async candidates(query: Particulars, limit = 10, em?: EntityManager): Promise<RecordCandidate[]> {
    const keyed = keyParticulars(query);
    if (keyed.name.alternatives.length === 0) return [];
    const prefilter = Math.min(
      PREFILTER_MAX,
      Math.max(PREFILTER_MIN, limit * PREFILTER_PER_CANDIDATE),
    );
    const rows = await this.prefilter(prefilterParams(keyed, prefilter), em);
    // Rank all without words, then explain the ones returned.
    const ranked = rows
      .map((row) => {
        const r = keyedRow(row);
        return { row, keyed: r, s: scoreMatch(keyed, r, { explain: false }) };
      })
      .sort(
        (a, b) =>
          b.s.score - a.s.score ||
          b.s.nameSimilarity - a.s.nameSimilarity ||
          (a.row.id < b.row.id ? -1 : 1),
      )
      .slice(0, limit);
    return ranked.map(({ row, keyed: r }) => ({
      record: indexedRecordOf(row),
      ...scoreMatch(keyed, r),
    }));
  }

  /**
   * `%>` compares with pg_trgm.word_similarity_threshold, a setting of the session: set on the
   * one connection the query runs on, and put back before it returns to the pool.
   */
  private async prefilter(params: unknown[], em?: EntityManager): Promise<StoredRow[]> {
    // Inside the caller's transaction the setting is local to it; otherwise to a connection of our own.
    const inTransaction = !!em?.queryRunner?.isTransactionActive;
    const runner = inTransaction ? em!.queryRunner! : this.dataSource.createQueryRunner();
    const own = !inTransaction;
    try {
      await runner.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, $2)`, [
        String(WORD_SIMILARITY_THRESHOLD),
        inTransaction,
      ]);
      return (await runner.query(CANDIDATES_SQL, params)) as StoredRow[];
    } finally {
      if (own) {
        await runner.query(`RESET pg_trgm.word_similarity_threshold`).catch(() => undefined);
        await runner.release();
      }
    }
  }
}
