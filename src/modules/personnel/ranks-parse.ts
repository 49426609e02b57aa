import { Rank, RANKS } from '../../platform/ranks';

/**
 * The words rank columns actually hold in thana Excel sheets: English abbreviations, the
 * commissionerate titles (ACP, ADCP, DCP) and Hindi. Keys are normalised by `rankKey`.
 */
const ALIASES: Record<string, Rank> = {
  CONST: 'CONSTABLE',
  PC: 'CONSTABLE',
  CT: 'CONSTABLE',
  आरक्षक: 'CONSTABLE',
  सिपाही: 'CONSTABLE',
  HC: 'HEAD_CONSTABLE',
  'HEAD CONST': 'HEAD_CONSTABLE',
  'प्रधान आरक्षक': 'HEAD_CONSTABLE',
  'ASSISTANT SUB INSPECTOR': 'ASI',
  'सहायक उप निरीक्षक': 'ASI',
  सउनि: 'ASI',
  'SUB INSPECTOR': 'SI',
  'उप निरीक्षक': 'SI',
  उनि: 'SI',
  INSP: 'INSPECTOR',
  // Town/thana inspector: the MP title for an inspector in charge of a thana.
  TI: 'INSPECTOR',
  निरीक्षक: 'INSPECTOR',
  ACP: 'DSP',
  CSP: 'DSP',
  'DY SP': 'DSP',
  DYSP: 'DSP',
  'सहायक पुलिस आयुक्त': 'DSP',
  'उप पुलिस अधीक्षक': 'DSP',
  ADCP: 'ASP',
  'ADDL SP': 'ASP',
  'ADDITIONAL SP': 'ASP',
  'अति पुलिस उपायुक्त': 'ASP',
  'अति पुलिस अधीक्षक': 'ASP',
  DCP: 'SP',
  SSP: 'SP',
  'पुलिस उपायुक्त': 'SP',
  'पुलिस अधीक्षक': 'SP',
  'ADDL CP': 'DIG',
  'ADDITIONAL CP': 'DIG',
};

function rankKey(text: string): string {
  return text
    .normalize('NFC')
    .toUpperCase()
    .replace(/[._\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, Rank>([
  ...RANKS.map((r) => [rankKey(r), r] as [string, Rank]),
  ...Object.entries(ALIASES).map(([k, r]) => [rankKey(k), r] as [string, Rank]),
]);

export type RankParse = { rank: Rank } | { error: string };

/** Reads a rank as people write it; an unknown one names the closest known spelling. */
export function parseRank(text: string): RankParse {
  const key = rankKey(text);
  if (!key) return { error: 'rank is required' };
  const rank = LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, ''));
  if (rank) return { rank };
  const suggestion = closest(key, [...LOOKUP.keys()]);
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
