/** Small field checks shared by the instance and pinned-duty validators. */
import { RANKS, Rank } from './types';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** True for a known rank; otherwise records an error with a "did you mean" hint. */
export function checkRank(rank: unknown, at: string, errors: string[]): rank is Rank {
  if ((RANKS as readonly unknown[]).includes(rank)) return true;
  const hint = typeof rank === 'string' ? closestRank(rank) : null;
  errors.push(
    `${at}: unknown rank ${JSON.stringify(rank)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
  );
  return false;
}

/** Nearest rank by edit distance, for "did you mean" hints on typos. */
function closestRank(typed: string): Rank | null {
  let best: Rank | null = null;
  let bestDistance = 3;
  for (const rank of RANKS) {
    const distance = editDistance(typed.toUpperCase().replace(/[\s-]/g, '_'), rank);
    if (distance < bestDistance) {
      best = rank;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
