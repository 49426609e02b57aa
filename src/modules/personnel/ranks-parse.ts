import { RANK_SPELLINGS, rankFromText, rankKey } from '../../platform/ranks';
import type { Rank } from '../../platform/ranks';

/** What "did you mean" offers: the spellings as written, not their space-less twins. */
const SUGGESTIONS = [...new Set(RANK_SPELLINGS.map(([k]) => k))];

export type RankParse = { rank: Rank } | { error: string };

/** Reads a rank as people write it; an unknown one names the closest known spelling. */
export function parseRank(text: string): RankParse {
  const key = rankKey(text);
  if (!key) return { error: 'rank is required' };
  const rank = rankFromText(text);
  if (rank) return { rank };
  const suggestion = closest(key, SUGGESTIONS);
  return {
    error: `unknown rank "${text.trim()}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
  };
}

function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}
