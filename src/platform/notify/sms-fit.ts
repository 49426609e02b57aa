import { capacityOf, encodingOf, isGsm7, SmsEncoding, smsSize, SmsSize, unitsOf } from './sms-parts';

/** A placeholder the sender may shorten, and the fewest characters it keeps. */
export interface Shrinkable {
  readonly placeholder: string;
  readonly min: number;
}

export interface FitRequest {
  readonly maxParts: number;
  /** Shortened in this order, each down to its minimum before the next is touched. */
  readonly shrink: readonly Shrinkable[];
}

export interface FittedSms {
  readonly text: string;
  readonly size: SmsSize;
  /** The values used; a shortened one ends in an ellipsis. */
  readonly vars: Readonly<Record<string, string>>;
  /** Placeholders that were shortened: characters before and after. */
  readonly shortened: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
  /** False when even every shrinkable at its minimum leaves the text over `maxParts`. */
  readonly fits: boolean;
}

const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });
const VIRAMA = '\u094d';
const ZWJ = '\u200d';
const DEVANAGARI_CONSONANT = /^[\u0915-\u0939\u0958-\u095f\u0978-\u097f]/;

/**
 * The text in user-perceived characters. ICU's grapheme clusters already keep a Devanagari
 * conjunct (क्ष, स्त्री) whole where its data has the Unicode 15.1 rule; a cluster ending in a
 * virama or a zero-width joiner is joined to the next one here as well, so no ICU version can
 * leave a dangling half letter.
 */
export function clustersOf(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const last = out[out.length - 1];
    if (last !== undefined && (last.endsWith(ZWJ) || (last.endsWith(VIRAMA) && DEVANAGARI_CONSONANT.test(segment))))
      out[out.length - 1] = last + segment;
    else out.push(segment);
  }
  return out;
}

const TRAILING_JUNK = /[\s,;:.\-–—/(|]+$/u;

/**
 * The value cut to at most `maxUnits` (ellipsis included) and at least `min` characters, at a
 * cluster boundary, at a word boundary when one keeps most of what fits.
 */
export function shorten(value: string, maxUnits: number, min: number, encoding: SmsEncoding, ellipsis: string): string {
  if (unitsOf(value, encoding) <= maxUnits) return value;
  const clusters = clustersOf(value);
  const room = maxUnits - unitsOf(ellipsis, encoding);
  let kept = 0;
  let used = 0;
  while (kept < clusters.length && used + unitsOf(clusters[kept]!, encoding) <= room) used += unitsOf(clusters[kept++]!, encoding);
  const minClusters = clustersToKeep(clusters, min);
  kept = Math.max(kept, minClusters);
  let head = clusters.slice(0, kept).join('');
  // Prefer ending at a whole word when that keeps at least 60% of what fits.
  const space = head.lastIndexOf(' ');
  if (space > 0 && space >= head.length * 0.6 && [...head.slice(0, space)].length >= min) head = head.slice(0, space);
  const trimmed = head.replace(TRAILING_JUNK, '');
  return `${[...trimmed].length >= min ? trimmed : head}${ellipsis}`;
}

/** How many clusters hold at least `min` characters (code points). */
function clustersToKeep(clusters: readonly string[], min: number): number {
  let chars = 0;
  let n = 0;
  while (n < clusters.length && chars < min) chars += [...clusters[n++]!].length;
  return n;
}

/**
 * Renders a message and, if it takes more than `maxParts` parts, shortens the shrinkable
 * placeholders (in the order given, each to no fewer than its minimum characters, never inside
 * a Devanagari cluster) until it fits. If the minimums still leave it too long, and
 * `belowMinimum` allows it (sending does; the template check does not), they are cut further,
 * to one character, so a message never takes more parts than its template promises whatever the
 * data. The same function serves sending and the template check, so what the check promises is
 * what is sent.
 */
export function fitSms(
  render: (vars: Readonly<Record<string, string>>) => string,
  vars: Readonly<Record<string, string>>,
  request: FitRequest & { readonly belowMinimum?: boolean },
): FittedSms {
  const current: Record<string, string> = { ...vars };
  let text = render(current);
  let size = smsSize(text);
  const shortened: Record<string, { from: number; to: number }> = {};
  if (size.parts <= request.maxParts) return { text, size, vars: current, shortened, fits: true };
  // The ellipsis must not be what turns a GSM-7 text into UCS-2.
  const ellipsis = isGsm7(text) ? '...' : '…';
  const passes = request.belowMinimum ? [request.shrink, request.shrink.map((s) => ({ ...s, min: 1 }))] : [request.shrink];
  for (const shrink of passes) {
    for (const { placeholder, min } of shrink) {
      const original = vars[placeholder];
      if (original === undefined || [...original].length <= min) continue;
      // Usually one cut is enough; a part boundary or a word boundary may need another.
      for (let round = 0; round < 8 && size.parts > request.maxParts; round++) {
        const encoding = encodingOf(text);
        const over = size.units - capacityOf(request.maxParts, encoding) + round;
        const value = current[placeholder]!;
        const next = shorten(original, Math.max(0, unitsOf(value, encoding) - Math.max(1, over)), min, encoding, ellipsis);
        if (next === value) break;
        const nextText = render({ ...current, [placeholder]: next });
        // A placeholder the template does not use cannot help.
        if (nextText === text) break;
        current[placeholder] = next;
        text = nextText;
        size = smsSize(text);
        shortened[placeholder] = { from: [...original].length, to: [...next].length };
      }
      if (size.parts <= request.maxParts) break;
    }
    if (size.parts <= request.maxParts) break;
  }
  return { text, size, vars: current, shortened, fits: size.parts <= request.maxParts };
}

const GSM_LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―]/g, '-'],
  [/…/g, '...'],
  [/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' '],
];

/**
 * An English text with typographic quotes, dashes and spaces replaced by their GSM-7 twins,
 * when that is all that kept it from GSM-7: one stray "–" would make it UCS-2, 70 characters a
 * part instead of 160. Any other text is returned as it is.
 */
export function preferGsm7(text: string): string {
  if (isGsm7(text)) return text;
  const plain = GSM_LOOKALIKES.reduce((t, [re, to]) => t.replace(re, to), text);
  return isGsm7(plain) ? plain : text;
}
