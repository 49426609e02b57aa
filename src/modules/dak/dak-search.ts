import type { DataSource, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import {
  Grading,
  IntakeChannel,
  RecordSyncStatus,
  recordSyncStatusSql,
} from '../../platform/eoffice';
import { fieldError } from '../../platform/http';
import { parseIstInstant } from '../../platform/time';
import { DakLanguage, DakPriority, dakOverdueSql } from './dak-settings';
import type { DakStatus } from './dak-workflow';

/**
 * The dak register's search (issue 15): words of the subject, the sender (name and office) and
 * the letter's own number, in Hindi or English, whole, begun or misspelt; and the register's
 * filters. The SQL is built here, pure (dakSearchSql), and run by findDakReceipts on the
 * caller's query, which keeps the caller's own rules (unit scope, need-to-know).
 *
 * Every word of the query must be found in a receipt's full-text vector (`simple`
 * configuration, `search_vector`, migration 1796123800110): whole, as the beginning of a word,
 * or as a near spelling of it. The near spellings are the register's own words that pg_trgm
 * finds like the query word (`dak_search_word`, their spellings folded into ASCII by
 * `dak_search_fold` so that Devanagari is compared under any database locale): one lookup in
 * a short table, and then the receipts are found by their vectors alone. Receipts where every
 * word is found whole come first, then those where every word begins a word of theirs, then
 * near spellings by how alike (LIKENESS_BANDS); the newest first within each.
 */

/**
 * The word similarity (pg_trgm `%>`) a word of the register needs to the query word to be
 * taken for it: one letter wrong, missing or extra in a word of five letters or more ("dharan"
 * for dharna: 0.57; "darna": 0.5; "धरन" for धरना: 0.86), while a word that only shares an
 * ending stays out ("traffic" for traders: 0.38). Two letters swapped in a short word change
 * most of its trigrams ("dhrana": 0.29) and are not found.
 */
export const DAK_WORD_SIMILARITY = 0.5;
/** Near spellings looked for per query word, the most alike first. */
export const NEAR_SPELLINGS = 20;
/** Near spellings rank by these bands of likeness, the closest first. */
export const LIKENESS_BANDS = [0.75, 0.6] as const;
/** Words of a query beyond this are ignored: a search, not a document. */
export const MAX_SEARCH_WORDS = 8;
/**
 * A word shorter than this is matched whole or as a beginning only: its two or three trigrams
 * say nothing of a typo, and are in nearly every word.
 */
const MIN_FUZZY_LETTERS = 3;

export interface DakSearchFilters {
  /** Words to find in the subject, the sender and the letter number. */
  q?: string;
  /** Received at or after (ISO instant; without an offset, IST). */
  from?: string;
  /** Received before. */
  to?: string;
  intakeChannel?: IntakeChannel;
  grading?: Grading;
  eofficeStatus?: RecordSyncStatus;
  status?: DakStatus;
  priority?: DakPriority;
  language?: DakLanguage;
  /** Held by this unit (its code), by the unit itself or an officer in it. */
  holder?: string;
  /** Held by this officer (a user id). */
  holderUser?: string;
  /** Received more than this many days (of 24 hours) before now. */
  olderThanDays?: number;
  /** Waiting on its holder past its due time (`true`), or not (`false`). */
  overdue?: 'true' | 'false';
}

/** What the filters need besides themselves: the moment they are read at, and the holder unit resolved. */
export interface DakSearchContext {
  now?: Date;
  /** The id of the unit `holder` names (null: it names none). */
  holderUnitId?: string | null;
}

/** A word of the register taken for a query word, with how alike they are (0–1). */
export interface NearSpelling {
  lexeme: string;
  similarity: number;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export interface SqlOrder {
  sql: string;
  order: 'ASC' | 'DESC';
}

export interface DakSearchSql {
  /** Conditions to AND to the caller's own: the filters, then every word found. */
  where: SqlCondition[];
  /** The filters alone (the first of `where`). */
  filters: SqlCondition[];
  /** The words' parameters, for `bands`. */
  params: Record<string, unknown>;
  /** The order within a band: the newest first. */
  orderBy: SqlOrder[];
  /**
   * With words, what `where` finds in bands of relevance, the most relevant first, each a
   * condition to AND to `filters` in place of the words' own (its parameters in `params`):
   * every word whole, then every word begun, then near spellings by LIKENESS_BANDS, then the
   * rest. Each band is whole in itself, so the planner reads no condition twice. None without
   * words.
   */
  bands: string[];
}

/**
 * The words of a query: split at spaces and punctuation, but a letter number such as
 * "1234/Reader/2026" or "क्र.45" stays one word (its `/`, `.`, `-` and `_` kept inside a word);
 * repeats dropped; at most MAX_SEARCH_WORDS. What is left contains no quote, backslash or
 * operator of tsquery's syntax.
 */
export function searchWords(q: string): string[] {
  const words = q
    .split(/[^\p{L}\p{M}\p{N}/._-]+/u)
    .map((w) => w.replace(/^[/._-]+|[/._-]+$/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const key = w.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
    if (out.length === MAX_SEARCH_WORDS) break;
  }
  return out;
}

/** Letters of a word, its vowel signs and virama not counted (धरना has three). */
function letterCount(word: string): number {
  return [...word.replace(/\p{M}/gu, '')].length;
}

/** Whether near spellings of a word are looked for: three letters or more, and no digit (a number a digit off is another letter). */
export function mayBeMisspelt(word: string): boolean {
  return letterCount(word) >= MIN_FUZZY_LETTERS && !/\p{N}/u.test(word);
}

/** A word's parts where it has `/`, `.`, `-` or `_` inside ("1234/Reader/2026": 1234, Reader, 2026). */
function partsOf(word: string): string[] {
  const parts = word.split(/[/._-]+/).filter((p) => /[\p{L}\p{N}]/u.test(p));
  return parts.length > 1 ? parts : [];
}

/**
 * to_tsquery text for a word, whole or begun: the word itself, or its parts one after another
 * (the letter number's parts are in the vector too, and so are a hyphenated word's), so that
 * "Reader/2026" and "धरना-प्रदर्शन" are found whatever joins them in the receipt.
 */
export function wordQuery(word: string, begun: boolean): string {
  const star = begun ? ':*' : '';
  const parts = partsOf(word);
  const whole = `'${word}'${star}`;
  return parts.length ? `${whole} | ${parts.map((p) => `'${p}'`).join(' <-> ')}${star}` : whole;
}

/** tsquery input (no parsing) for words of the register: any of them. */
export function lexemesQuery(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}

/**
 * The register's words like each query word that may be misspelt ($1 the words, $2 how many
 * each), with the word similarity threshold at DAK_WORD_SIMILARITY (onSearchConnection). `i` is
 * the word's place in $1, from 1. Only for a word that begins no word of the register: a word
 * the register has is taken as typed (dharma is not a typo of dharna), so a common word is not
 * drowned in near spellings; a word whose last letters went missing (धरन) is a beginning already.
 */
export const NEAR_SPELLINGS_SQL = `
  SELECT w.i::int AS i, s.lexeme, s.similarity
  FROM unnest($1::text[]) WITH ORDINALITY AS w(word, i)
  CROSS JOIN LATERAL (
    SELECT lexeme, word_similarity(dak_search_fold(w.word), folded) AS similarity
    FROM dak_search_word
    WHERE folded %> dak_search_fold(w.word)
    ORDER BY 2 DESC, lexeme
    LIMIT $2
  ) s
  WHERE NOT EXISTS (
    -- Begins a word of the register: byte order (text_pattern_ops), whatever the collation.
    SELECT 1 FROM dak_search_word k
    WHERE k.lexeme ~>=~ lower(w.word) AND k.lexeme ~<~ (lower(w.word) || chr(1114111))
  )`;

/**
 * The search's SQL for receipts aliased `alias`: conditions and order, with parameters named
 * `dakSearch…` so they mix with the caller's. `near[i]` are the near spellings found for the
 * i-th word of searchWords(q) (none: the words as typed only).
 */
export function dakSearchSql(
  f: DakSearchFilters,
  near: ReadonlyArray<readonly NearSpelling[]> = [],
  alias = 'd',
  context: DakSearchContext = {},
): DakSearchSql {
  const where: SqlCondition[] = [];
  const col = (c: string) => `${alias}.${c}`;

  const from = f.from ? parseIstInstant(f.from) : undefined;
  const to = f.to ? parseIstInstant(f.to) : undefined;
  if (from && to && to.getTime() <= from.getTime()) throw fieldError('to', 'to must be after from');
  if (from)
    where.push({ sql: `${col('received_at')} >= :dakSearchFrom`, params: { dakSearchFrom: from } });
  if (to) where.push({ sql: `${col('received_at')} < :dakSearchTo`, params: { dakSearchTo: to } });
  if (f.intakeChannel)
    where.push({
      sql: `${col('intake_channel')} = :dakSearchChannel`,
      params: { dakSearchChannel: f.intakeChannel },
    });
  if (f.grading)
    where.push({
      sql: `${col('grading')} = :dakSearchGrading`,
      params: { dakSearchGrading: f.grading },
    });
  if (f.eofficeStatus)
    where.push({
      sql: `${recordSyncStatusSql(':dakSearchSource', `${col('id')}::text`)} = :dakSearchSync`,
      // The receipts' source type in the outbox (DAK_SOURCE).
      params: { dakSearchSource: 'dak_receipt', dakSearchSync: f.eofficeStatus },
    });
  const equal = (column: string, name: string, value: string | undefined) => {
    if (value !== undefined)
      where.push({ sql: `${col(column)} = :${name}`, params: { [name]: value } });
  };
  equal('status', 'dakSearchStatus', f.status);
  equal('priority', 'dakSearchPriority', f.priority);
  equal('language', 'dakSearchLanguage', f.language);
  equal('holder_user_id', 'dakSearchHolderUser', f.holderUser);
  if (f.holder !== undefined) {
    if (context.holderUnitId === undefined)
      throw new Error('dakSearchSql: holder given, its unit not resolved');
    if (context.holderUnitId === null)
      throw fieldError('holder', `holder: no unit has the code ${f.holder}`);
    equal('holder_unit_id', 'dakSearchHolderUnit', context.holderUnitId);
  }
  if (f.olderThanDays !== undefined || f.overdue !== undefined) {
    const now = context.now;
    if (!now) throw new Error('dakSearchSql: an age or overdue filter needs now');
    if (f.olderThanDays !== undefined)
      where.push({
        sql: `${col('received_at')} < :dakSearchOlderThan`,
        params: { dakSearchOlderThan: new Date(now.getTime() - f.olderThanDays * 86_400_000) },
      });
    if (f.overdue !== undefined)
      where.push({
        sql: `${f.overdue === 'true' ? '' : 'NOT '}${dakOverdueSql(alias, 'dakSearchNow')}`,
        params: { dakSearchNow: now },
      });
  }

  const newest: SqlOrder[] = [
    { sql: col('received_at'), order: 'DESC' },
    { sql: col('ref'), order: 'DESC' },
  ];
  const words = f.q ? searchWords(f.q) : [];
  if (f.q && words.length === 0) throw fieldError('q', 'q must contain a letter or a digit');
  if (words.length === 0) return { where, filters: [...where], params: {}, orderBy: newest, bands: [] };

  const filters = [...where];
  const vector = col('search_vector');
  const params: Record<string, unknown> = {};
  const param = (name: string, value: string) => {
    params[name] = value;
    return name;
  };
  /** Each word found by `found(i)`, a tsquery expression. */
  const every = (found: (i: number) => string) =>
    words.map((_w, i) => `(${found(i)})`).join(' && ');
  const typed = (i: number, begun: boolean) =>
    `to_tsquery('simple', :${param(`dakSearch${begun ? 'Begun' : 'Whole'}${i}`, wordQuery(words[i]!, begun))})`;
  /** Word i begun, or a near spelling of it at least `least` alike. */
  const begunOrNear = (i: number, least: number, name: string) => {
    const lexemes = (near[i] ?? []).filter((n) => n.similarity >= least).map((n) => n.lexeme);
    return lexemes.length
      ? `${typed(i, true)} || CAST(:${param(`dakSearch${name}${i}`, lexemesQuery(lexemes))} AS tsquery)`
      : typed(i, true);
  };

  words.forEach((_w, i) => {
    where.push({
      sql: `${vector} @@ (${begunOrNear(i, DAK_WORD_SIMILARITY, 'Near')})`,
      params: {},
    });
  });
  // Each tier takes in the one before it (a whole word is a beginning, a beginning is as near
  // as can be), so a band is its tier without the tier before.
  const tiers = [
    `${vector} @@ (${every((i) => typed(i, false))})`,
    `${vector} @@ (${every((i) => typed(i, true))})`,
  ];
  if (near.some((n) => n.length > 0))
    LIKENESS_BANDS.forEach((least, b) =>
      tiers.push(`${vector} @@ (${every((i) => begunOrNear(i, least, `Band${b}_`))})`),
    );
  where[where.length - 1]!.params = params;
  const bands = tiers.map((t, b) => (b === 0 ? t : `(${t}) AND NOT (${tiers[b - 1]})`));
  // The rest of what the words find: near spellings less alike than the last band.
  // (Without near spellings the words find nothing beyond every word begun.)
  const found = where.slice(filters.length).map((w) => w.sql);
  if (near.some((n) => n.length > 0)) bands.push(`${found.join(' AND ')} AND NOT (${tiers[tiers.length - 1]})`);
  return { where, filters, params, orderBy: newest, bands };
}

/**
 * Near spellings of the words of `q` that may be misspelt, from the register's words: for
 * dakSearchSql's `near`.
 */
export async function nearSpellings(
  dataSource: DataSource,
  q: string | undefined,
): Promise<NearSpelling[][]> {
  const words = q ? searchWords(q) : [];
  const near: NearSpelling[][] = words.map(() => []);
  const asked = words.map((w, i) => ({ w, i })).filter(({ w }) => mayBeMisspelt(w));
  if (asked.length === 0) return near;
  const rows = await onSearchConnection(
    dataSource,
    (runner) =>
      runner.query(NEAR_SPELLINGS_SQL, [asked.map((a) => a.w), NEAR_SPELLINGS]) as Promise<
        Array<{ i: number; lexeme: string; similarity: number }>
      >,
  );
  for (const r of rows)
    near[asked[r.i - 1]!.i]!.push({ lexeme: r.lexeme, similarity: Number(r.similarity) });
  return near;
}

/** The search's conditions and the order within a band (the newest first) on the caller's query of receipts. */
export function applyDakSearch<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  search: DakSearchSql,
): SelectQueryBuilder<T> {
  for (const w of search.where) qb.andWhere(w.sql, w.params);
  return newestFirst(qb, search);
}

function newestFirst<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, search: DakSearchSql): SelectQueryBuilder<T> {
  search.orderBy.forEach((o, i) => (i === 0 ? qb.orderBy(o.sql, o.order) : qb.addOrderBy(o.sql, o.order)));
  return qb;
}

/**
 * Runs `work` on a connection of its own with pg_trgm's word similarity threshold at
 * DAK_WORD_SIMILARITY, put back before the connection returns to the pool (the records index
 * sets its own on the connections it takes).
 */
export async function onSearchConnection<R>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<R>,
): Promise<R> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, false)`, [
      String(DAK_WORD_SIMILARITY),
    ]);
    return await work(runner);
  } finally {
    await runner.query('RESET pg_trgm.word_similarity_threshold').catch(() => undefined);
    await runner.release();
  }
}

/** Matches are counted up to this many; past it a search's total says "more than". */
export const DAK_SEARCH_COUNT_CAP = 1000;

export interface DakReceiptsFound<T> {
  items: T[];
  /** How many match; with `totalCapped`, a lower bound. */
  total: number;
  /** More than DAK_SEARCH_COUNT_CAP match: counting stopped there. */
  totalCapped: boolean;
}

/** How many rows `qb` finds, counted up to `upTo` (a LIMIT, so that a common word is not counted to its end). */
async function countUpTo<T extends ObjectLiteral>(dataSource: DataSource, qb: SelectQueryBuilder<T>, upTo: number): Promise<number> {
  const [sql, params] = qb.select('1').orderBy().limit(upTo).offset(undefined).getQueryAndParameters();
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) c`, params)) as Array<{ n: number }>;
  return row!.n;
}

/**
 * Ids of a page of the rows of `qb` in `band`, the newest first. `few`: the band has at most
 * DAK_SEARCH_COUNT_CAP rows, read all through the full-text index and sorted (MATERIALIZED, so
 * that the planner cannot walk the received-at index instead, past every receipt, on a word
 * it has no statistics for). Else the band is common (one receipt in 500 at the least) and the
 * received-at index is walked newest first to the page's end, a few thousand rows at most:
 * the vector is then read through `|| ''` so that the planner, which multiplies the
 * likelihoods of words that come together ("Traders Association") and would take the
 * full-text index and sort all their receipts, sees no index for it.
 */
async function pageIds<T extends ObjectLiteral>(
  dataSource: DataSource,
  qb: SelectQueryBuilder<T>,
  band: string,
  few: boolean,
  limit: number,
  offset: number,
): Promise<string[]> {
  const a = qb.alias;
  let rows: Array<{ id: string }>;
  if (few) {
    const [sql, params] = qb
      .andWhere(band)
      .select(`${a}.id`, 'id')
      .addSelect(`${a}.received_at`, 'received_at')
      .addSelect(`${a}.ref`, 'ref')
      .orderBy()
      .getQueryAndParameters();
    const n = params.length;
    rows = (await dataSource.query(
      `WITH found AS MATERIALIZED (${sql}) SELECT id FROM found ORDER BY received_at DESC, ref DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    )) as Array<{ id: string }>;
  } else {
    const walked = band.split(`${a}.search_vector @@`).join(`(${a}.search_vector || ''::tsvector) @@`);
    rows = await qb.andWhere(walked).select(`${a}.id`, 'id').limit(limit).offset(offset).getRawMany<{ id: string }>();
  }
  return rows.map((r) => r.id);
}

/**
 * The caller's query of receipts (`qb`, with its own scope) with the search's conditions: the
 * page and the total, counted up to DAK_SEARCH_COUNT_CAP. With words, each band of relevance
 * (dakSearchSql's `bands`) is counted first, through the full-text index, as far as the cap
 * leaves; then the page is read band by band, a band the offset passes over skipped by its
 * count, and each read the way its count says is cheap (pageIds). Only the page's receipts
 * are then read whole.
 */
export async function findDakReceipts<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  qb: SelectQueryBuilder<T>,
  f: DakSearchFilters,
  page: { limit: number; offset: number },
  now: Date,
): Promise<DakReceiptsFound<T>> {
  const context: DakSearchContext = { now };
  if (f.holder !== undefined) {
    const [unit] = (await dataSource.query(`SELECT id FROM unit WHERE code = $1`, [
      f.holder,
    ])) as Array<{ id: string }>;
    context.holderUnitId = unit?.id ?? null;
  }
  // Refused input is refused before the lookup.
  dakSearchSql(f, [], qb.alias, context);
  const search = dakSearchSql(f, await nearSpellings(dataSource, f.q), qb.alias, context);
  const totalOf = (counted: number, shown: number) => {
    const totalCapped = counted > DAK_SEARCH_COUNT_CAP;
    return { total: totalCapped ? Math.max(DAK_SEARCH_COUNT_CAP, page.offset + shown) : counted, totalCapped };
  };
  if (search.bands.length === 0) {
    // No words: the page in the received-at index's order, read whole at once.
    applyDakSearch(qb, search);
    const counted = await countUpTo(dataSource, qb.clone(), DAK_SEARCH_COUNT_CAP + 1);
    const items = await qb.take(page.limit).skip(page.offset).getMany();
    return { items, ...totalOf(counted, items.length) };
  }
  for (const w of search.filters) qb.andWhere(w.sql, w.params);
  qb.setParameters(search.params);
  newestFirst(qb, search);
  const inBand = (band: string) => qb.clone().andWhere(band);
  // Each band's count, exact while under what the cap leaves (undefined once it is reached).
  const counts: Array<number | undefined> = [];
  let counted = 0;
  for (const band of search.bands) {
    const left = DAK_SEARCH_COUNT_CAP + 1 - counted;
    const n = left > 0 ? await countUpTo(dataSource, inBand(band), left) : undefined;
    counts.push(n !== undefined && n < left ? n : undefined);
    counted += n ?? 0;
  }
  const ids: string[] = [];
  let skip = page.offset;
  for (const [b, band] of search.bands.entries()) {
    const need = page.limit - ids.length;
    if (need === 0) break;
    const n = counts[b];
    if (n !== undefined && n <= skip) {
      skip -= n;
      continue;
    }
    const rows = await pageIds(dataSource, qb.clone(), band, n !== undefined, need, skip);
    if (rows.length > 0) {
      ids.push(...rows);
      skip = 0;
    } else if (skip > 0) {
      // Uncounted, and the offset passes it: it has at most `skip` matches.
      skip -= await countUpTo(dataSource, inBand(band), skip);
    }
  }
  const { total, totalCapped } = totalOf(counted, ids.length);
  if (ids.length === 0) return { items: [], total, totalCapped };
  const found = await qb
    .clone()
    .andWhere(`${qb.alias}.id IN (:...dakSearchPage)`, { dakSearchPage: ids })
    .orderBy()
    .skip(undefined)
    .take(undefined)
    .getMany();
  const byId = new Map(found.map((r) => [r.id, r]));
  return { items: ids.map((i) => byId.get(i)!).filter(Boolean), total, totalCapped };
}
