import { KeyedName, NameToken, tokenOf } from './name-key';

/** Jaro-Winkler similarity of two strings (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (!a.length || !b.length) return 0;
  // Names are short: which characters matched fits in a bit mask (arrays beyond 30).
  if (a.length > 30 || b.length > 30) return jaroWinklerLong(a, b);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let aMatched = 0;
  let bMatched = 0;
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatched & (1 << j) || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched |= 1 << i;
      bMatched |= 1 << j;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!(aMatched & (1 << i))) continue;
    while (!(bMatched & (1 << j))) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return winkler(a, b, matches, transpositions);
}

function jaroWinklerLong(a: string, b: string): number {
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  return winkler(a, b, matches, transpositions);
}

function winkler(a: string, b: string, m: number, transpositions: number): number {
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How two name parts agree. */
export type PartAgreement = 'SAME' | 'SKELETON' | 'INITIAL' | 'SIMILAR' | 'NONE';

export interface PartSimilarity {
  similarity: number;
  agreement: PartAgreement;
}

/**
 * Two parts of a name: 1 for the same key; 0.95 for the same skeleton (Ramacharan ~
 * Ramcharan, Binod ~ Vinod); 0.85 for an initial that fits (R ~ Rajesh); otherwise 0.9 of
 * their Jaro-Winkler similarity, and nothing below 0.7. After the folds, a part that still
 * differs is more often another name than another spelling (Rajesh and Rakesh are two
 * people), hence the discount.
 */
export function partSimilarity(a: NameToken, b: NameToken): PartSimilarity {
  if (a.key === b.key) return SAME_PART;
  // Parts are shared objects (tokenOf), so their comparisons are remembered by identity; all
  // of them are forgotten together past PART_CACHE_LIMIT, so the memory stays bounded.
  let row = parts.get(a);
  if (!row) parts.set(a, (row = new Map()));
  let s = row.get(b);
  if (!s) {
    s = comparePartsOnce(a, b);
    if (++remembered > PART_CACHE_LIMIT) {
      parts = new WeakMap();
      remembered = 0;
    } else row.set(b, s);
  }
  return s;
}

const SAME_PART: PartSimilarity = Object.freeze({ similarity: 1, agreement: 'SAME' });
const PART_CACHE_LIMIT = 200_000;
let parts = new WeakMap<NameToken, Map<NameToken, PartSimilarity>>();
let remembered = 0;

function comparePartsOnce(a: NameToken, b: NameToken): PartSimilarity {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return { similarity: 0, agreement: 'NONE' };
    const [initial, full] = a.initial ? [a, b] : [b, a];
    return full.key.startsWith(initial.key) || full.skeleton.startsWith(initial.key)
      ? { similarity: 0.85, agreement: 'INITIAL' }
      : { similarity: 0, agreement: 'NONE' };
  }
  if (a.skeleton === b.skeleton) return { similarity: 0.95, agreement: 'SKELETON' };
  const s = 0.9 * Math.max(jaroWinkler(a.key, b.key), jaroWinkler(a.skeleton, b.skeleton));
  return s >= 0.7 ? { similarity: s, agreement: 'SIMILAR' } : { similarity: 0, agreement: 'NONE' };
}

export interface AlignedPair {
  a: NameToken;
  b: NameToken;
  similarity: number;
  agreement: PartAgreement;
}

export interface NameComparison {
  /** 0–1: how well the two names agree, whatever the order of their parts. */
  similarity: number;
  pairs: AlignedPair[];
  /** Parts of one name that found no partner in the other. */
  onlyA: NameToken[];
  onlyB: NameToken[];
  /** The parts matched in a different order. */
  reordered: boolean;
  /** The names compared (one alternative of each, when a record gives an alias). */
  keyA: string;
  keyB: string;
}

/**
 * Joins two adjacent parts of one name where the other name writes them as one word:
 * "Ram Charan" ~ "Ramcharan", "Raj Kumar" ~ "राजकुमार".
 */
function joinWhereWrittenAsOne(parts: NameToken[], other: NameToken[]): NameToken[] {
  if (parts.length < 2) return parts;
  const longest = other.reduce((m, t) => Math.max(m, t.key.length), 0);
  const keys = new Set<string>();
  for (const t of other) keys.add(t.key).add(t.skeleton);
  const out: NameToken[] = [];
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    if (
      next &&
      !parts[i]!.initial &&
      !next.initial &&
      parts[i]!.key.length + next.key.length <= longest + 2 &&
      !keys.has(parts[i]!.key) &&
      !keys.has(next.key)
    ) {
      const joined = tokenOf(parts[i]!.key + next.key);
      if (keys.has(joined.key) || keys.has(joined.skeleton)) {
        out.push({ ...joined, weight: Math.max(parts[i]!.weight, next.weight) });
        i++;
        continue;
      }
    }
    out.push(parts[i]!);
  }
  return out;
}

const MAX_PARTS = 8;
const UNPAIRED_COMMON_PART = 0.3;

/** The best one-to-one pairing of parts (most weighted similarity), by exhaustive search. */
function bestPairing(
  a: NameToken[],
  b: NameToken[],
): Array<{ i: number; j: number; s: PartSimilarity }> {
  const sims = a.map((x) => b.map((y) => partSimilarity(x, y)));
  const memo = new Map<
    number,
    { score: number; pairs: Array<{ i: number; j: number; s: PartSimilarity }> }
  >();
  const go = (
    i: number,
    used: number,
  ): { score: number; pairs: Array<{ i: number; j: number; s: PartSimilarity }> } => {
    if (i === a.length) return { score: 0, pairs: [] };
    const memoKey = i * (1 << b.length) + used;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    let best = go(i + 1, used); // a[i] unpaired
    for (let j = 0; j < b.length; j++) {
      if (used & (1 << j)) continue;
      const s = sims[i]![j]!;
      if (s.similarity === 0) continue;
      const rest = go(i + 1, used | (1 << j));
      const score = rest.score + s.similarity * (a[i]!.weight + b[j]!.weight);
      if (score > best.score + 1e-12) best = { score, pairs: [{ i, j, s }, ...rest.pairs] };
    }
    memo.set(memoKey, best);
    return best;
  };
  return go(0, 0).pairs;
}

function compareParts(a0: NameToken[], b0: NameToken[]): NameComparison {
  const a = joinWhereWrittenAsOne(a0, b0).slice(0, MAX_PARTS);
  const b = joinWhereWrittenAsOne(b0, a).slice(0, MAX_PARTS);
  const pairing = bestPairing(a, b);
  const pairedA = new Set(pairing.map((p) => p.i));
  const pairedB = new Set(pairing.map((p) => p.j));
  // A part often left out (Kumar, Bai, Mohammad, Singh) costs little when it is missing.
  const weightOf = (t: NameToken, paired: boolean) =>
    paired || t.weight >= 1 ? t.weight : t.weight * UNPAIRED_COMMON_PART;
  const weightA = a.reduce((s, t, i) => s + weightOf(t, pairedA.has(i)), 0);
  const weightB = b.reduce((s, t, j) => s + weightOf(t, pairedB.has(j)), 0);
  const agreed = pairing.reduce(
    (s, p) => s + p.s.similarity * ((a[p.i]!.weight + b[p.j]!.weight) / 2),
    0,
  );
  // Dice over the weighted parts, or, when one name is the other with parts left out
  // ("Rajesh Sharma" ~ "Rajesh Kumar Sharma"), how fully the shorter one is found, discounted.
  const dice = (2 * agreed) / (weightA + weightB);
  const contained =
    pairing.reduce((s, p) => s + p.s.similarity * Math.min(a[p.i]!.weight, b[p.j]!.weight), 0) /
    Math.min(weightA, weightB);
  const similarity = Math.min(1, Math.max(dice, 0.85 * contained));
  const js = pairing.map((p) => p.j);
  return {
    similarity,
    pairs: pairing.map((p) => ({
      a: a[p.i]!,
      b: b[p.j]!,
      similarity: p.s.similarity,
      agreement: p.s.agreement,
    })),
    onlyA: a.filter((_t, i) => !pairedA.has(i)),
    onlyB: b.filter((_t, j) => !pairedB.has(j)),
    reordered: js.some((j, k) => k > 0 && j < js[k - 1]!),
    keyA: a0.map((t) => t.key).join(' '),
    keyB: b0.map((t) => t.key).join(' '),
  };
}

/** Two keyed names, whatever the order of their parts; with aliases, the best-agreeing pair. */
export function compareNames(a: KeyedName, b: KeyedName): NameComparison | null {
  let best: NameComparison | null = null;
  for (const x of a.alternatives)
    for (const y of b.alternatives) {
      const c = compareParts(x, y);
      if (!best || c.similarity > best.similarity) best = c;
    }
  return best;
}
