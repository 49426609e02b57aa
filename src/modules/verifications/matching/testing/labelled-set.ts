import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRecords, parseCsvText } from '../../../../platform/csv';
import type { Birth } from '../birth';
import { KeyedParticulars, keyParticulars, matchScorer, MatchBand, Particulars, scoreMatch } from '../score';
import { peopleGenerator } from './generated-people';

/**
 * The labelled set (labelled-pairs.csv): pairs of an applicant's particulars (q_) and a
 * record's (r_), each labelled SAME (one person written differently) or DIFFERENT (two people
 * with similar names), and how recall and strong false matches are measured on it. Used by the
 * unit test and by `npm run bench`.
 */

export interface LabelledPair {
  id: string;
  label: 'SAME' | 'DIFFERENT';
  kind: string;
  query: Particulars;
  record: Particulars;
  note: string;
}

export const LABELLED_PAIRS_FILE = join(__dirname, '..', 'labelled-pairs.csv');

function birthOf(dob: string, age: string, on: string): Birth | null {
  if (dob) return { dob };
  if (age && on) return { age: Number(age), on };
  return null;
}

export function readLabelledPairs(file = LABELLED_PAIRS_FILE): LabelledPair[] {
  return csvRecords(parseCsvText(readFileSync(file, 'utf8'))).map((r) => {
    if (r.label !== 'SAME' && r.label !== 'DIFFERENT')
      throw new Error(`${r.id}: label must be SAME or DIFFERENT`);
    return {
      id: r.id!,
      label: r.label,
      kind: r.kind!,
      query: {
        name: r.q_name!,
        relative: r.q_relative || null,
        birth: birthOf(r.q_dob!, '', ''),
        address: r.q_address || null,
      },
      record: {
        name: r.r_name!,
        relative: r.r_relative || null,
        birth: birthOf(r.r_dob!, r.r_age!, r.r_age_on!),
        address: r.r_address || null,
      },
      note: r.note ?? '',
    };
  });
}

export interface PairOutcome {
  id: string;
  kind: string;
  score: number;
  band: MatchBand;
  /** Where the pair's record ranked among the pool for its query (1 is first; ties count against). */
  rank: number;
}

export interface LabelledSetEvaluation {
  pairs: number;
  same: number;
  different: number;
  poolSize: number;
  k: number;
  /** SAME pairs whose record ranked in the top k of the pool. */
  recallAtK: number;
  recallAt1: number;
  /** DIFFERENT pairs scored STRONG. */
  strongFalseMatches: number;
  strongFalseRate: number;
  /** Over every query of a SAME pair against every other record of the pool: how many are STRONG. */
  poolStrongFalseRate: number;
  poolStrongFalse: number;
  poolCompared: number;
  /** SAME pairs scored STRONG (how often the tool can say "this is him" by itself). */
  sameStrongRate: number;
  misses: PairOutcome[];
  falseStrong: PairOutcome[];
  outcomes: PairOutcome[];
}

/** Records of other people for the pool: generated from the name lists, the same every run. */
export function distractors(count: number, seed = 20_260_614): Particulars[] {
  const next = peopleGenerator(seed);
  return Array.from({ length: count }, () => next());
}

/**
 * Each SAME pair's query is scored against the whole pool (every pair's record and the
 * distractors); recall@k counts the queries whose own record ranks in the top k. Each
 * DIFFERENT pair is scored as a pair: a STRONG band there is a strong false match.
 */
export function evaluateLabelledSet(
  pairs: LabelledPair[],
  others: Particulars[],
  k = 5,
): LabelledSetEvaluation {
  const pool: Array<{ owner: string | null; keyed: KeyedParticulars }> = [
    ...pairs.map((p) => ({ owner: p.id, keyed: keyParticulars(p.record) })),
    ...others.map((o) => ({ owner: null, keyed: keyParticulars(o) })),
  ];
  const outcomes: PairOutcome[] = [];
  let poolStrong = 0;
  let poolCompared = 0;
  for (const pair of pairs) {
    const query = keyParticulars(pair.query);
    const own = scoreMatch(query, pool.find((r) => r.owner === pair.id)!.keyed);
    let rank = 1;
    if (pair.label === 'SAME') {
      // Over the pool as the records search scores it: one scorer per query, names it has
      // compared already remembered.
      const score = matchScorer(query);
      for (const r of pool) {
        if (r.owner === pair.id) continue;
        const s = score(r.keyed, { explain: false });
        if (s.score >= own.score) rank++;
        poolCompared++;
        if (s.band === 'STRONG') poolStrong++;
      }
    }
    outcomes.push({ id: pair.id, kind: pair.kind, score: own.score, band: own.band, rank });
  }
  const same = pairs.filter((p) => p.label === 'SAME');
  const different = pairs.filter((p) => p.label === 'DIFFERENT');
  const of = (ids: Set<string>) => outcomes.filter((o) => ids.has(o.id));
  const sameOutcomes = of(new Set(same.map((p) => p.id)));
  const differentOutcomes = of(new Set(different.map((p) => p.id)));
  const falseStrong = differentOutcomes.filter((o) => o.band === 'STRONG');
  return {
    pairs: pairs.length,
    same: same.length,
    different: different.length,
    poolSize: pool.length,
    k,
    recallAtK: sameOutcomes.filter((o) => o.rank <= k).length / same.length,
    recallAt1: sameOutcomes.filter((o) => o.rank === 1).length / same.length,
    strongFalseMatches: falseStrong.length,
    strongFalseRate: falseStrong.length / different.length,
    poolStrongFalseRate: poolCompared ? poolStrong / poolCompared : 0,
    poolStrongFalse: poolStrong,
    poolCompared,
    sameStrongRate: sameOutcomes.filter((o) => o.band === 'STRONG').length / same.length,
    misses: sameOutcomes.filter((o) => o.rank > k),
    falseStrong,
    outcomes,
  };
}

/** The figures as printed by the unit test and the bench. */
export function describeEvaluation(e: LabelledSetEvaluation): string {
  const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `labelled pairs: ${e.pairs} (${e.same} same person, ${e.different} different people); pool ${e.poolSize} records`,
    `recall@${e.k}: ${pc(e.recallAtK)} (goal >= 95%); recall@1: ${pc(e.recallAt1)}`,
    `strong false matches: ${e.strongFalseMatches}/${e.different} = ${pc(e.strongFalseRate)} (goal <= 2%); over the pool: ${e.poolStrongFalse} of ${e.poolCompared} comparisons`,
    `same-person pairs scored STRONG: ${pc(e.sameStrongRate)}`,
    ...e.misses.map(
      (m) => `  missed ${m.id} (${m.kind}): rank ${m.rank}, score ${m.score} ${m.band}`,
    ),
    ...e.falseStrong.map((m) => `  strong false match ${m.id} (${m.kind}): score ${m.score}`),
  ].join('\n');
}
