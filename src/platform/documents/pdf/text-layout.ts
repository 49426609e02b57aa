import { FontFace, loadFont } from './fonts';
import { ScriptSplitter, TextCoverage } from './script';
import { ShapedRun, shapeRun } from './shaping';
import { symbolDrawing, VectorSymbol, vectorSymbolFor } from './symbols';

export interface TextStyle {
  readonly size: number;
  readonly bold: boolean;
}

/** Symbols no font has, drawn as vectors (symbols.ts); widths in 1/1000 em. */
export interface SymbolRun {
  readonly symbols: readonly VectorSymbol[];
  readonly advances: readonly number[];
  readonly bold: boolean;
  readonly width: number;
}

export type WordRun = ShapedRun | SymbolRun;

export function isSymbolRun(run: WordRun): run is SymbolRun {
  return 'symbols' in run;
}

/** A word (text between spaces) shaped into per-font runs; widths in 1/1000 em. */
export interface MeasuredWord {
  /** The text exactly as the caller wrote it; this is what copy/paste and search must return. */
  readonly source: string;
  readonly runs: readonly WordRun[];
  readonly width: number;
  /** True if the glyphs read back as `source` in drawing order, i.e. no ActualText is needed. */
  readonly inLogicalOrder: boolean;
  /** Characters the fonts lack: drawn by a defined substitute, or as '?'. */
  readonly coverage: TextCoverage;
  /** Glyphs the fonts drew as .notdef (an empty box); the splitter's checks keep this 0. */
  readonly notdefGlyphs: number;
}

export interface LaidLine {
  readonly words: readonly MeasuredWord[];
  /** Horizontal position of each word relative to the line start, in points. */
  readonly offsets: readonly number[];
  /** Width in points. */
  readonly width: number;
}

const splitter = new ScriptSplitter({ latin: loadFont('latin'), deva: loadFont('deva') });

// Bounded like the shaping caches; words are cheap to rebuild from cached shaped runs.
const MAX_CACHED = 50_000;
/** Longer texts are paragraphs, which rarely repeat; caching them would only hold memory. */
const MAX_WRAP_CACHED_LENGTH = 200;

class Cache<V> {
  private readonly map = new Map<string, V>();

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): V {
    if (this.map.size >= MAX_CACHED) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

const words = { regular: new Cache<MeasuredWord>(), bold: new Cache<MeasuredWord>() };
const brokenWords = new Cache<readonly string[]>();

function faceFor(script: 'deva' | 'latin' | 'symbol', bold: boolean): FontFace {
  if (script === 'deva') return bold ? 'devaBold' : 'deva';
  return bold ? 'latinBold' : 'latin';
}

export function measureWord(word: string, bold: boolean): MeasuredWord {
  const cache = bold ? words.bold : words.regular;
  const hit = cache.get(word);
  if (hit) return hit;
  const scriptRuns = splitter.split(word);
  const runs = scriptRuns.map((r) =>
    r.script === 'symbol' ? symbolRun(r.text, bold) : shapeRun(faceFor(r.script, bold), r.text),
  );
  let width = 0;
  let inLogicalOrder = true;
  let drawnText = '';
  let notdefGlyphs = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    width += run.width;
    if (isSymbolRun(run)) {
      inLogicalOrder = false; // a vector has no glyph to read back
      continue;
    }
    inLogicalOrder &&= run.inLogicalOrder;
    drawnText += scriptRuns[i].text;
    for (const g of run.glyphIds) if (g === 0) notdefGlyphs++;
  }
  // The splitter drops control characters and draws substitutes and '?' for the rest.
  inLogicalOrder &&= drawnText === word;
  const coverage = splitter.coverage(word);
  return cache.set(word, { source: word, runs, width, inLogicalOrder, coverage, notdefGlyphs });
}

function symbolRun(text: string, bold: boolean): SymbolRun {
  const symbols = Array.from(text, (ch) => vectorSymbolFor(ch.codePointAt(0) as number)!);
  const advances = symbols.map((s) => symbolDrawing(s).advance);
  return { symbols, advances, bold, width: advances.reduce((a, b) => a + b, 0) };
}

/** Width of the gap between words, in 1/1000 em (the Noto Sans space). */
export function spaceWidth(bold: boolean): number {
  return shapeRun(bold ? 'latinBold' : 'latin', ' ').width;
}

function splitWords(line: string): string[] {
  return line.split(/[ \t\u00a0\u2000-\u200b\u3000]+/).filter((w) => w.length > 0);
}

export function textWidth(text: string, style: TextStyle): number {
  const list = splitWords(text);
  if (list.length === 0) return 0;
  let w = spaceWidth(style.bold) * (list.length - 1);
  for (const word of list) w += measureWord(word, style.bold).width;
  return (w * style.size) / 1000;
}

/** Width in points of the widest word (text between spaces) of a text. */
export function widestWordWidth(text: string, style: TextStyle): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/))
    for (const word of splitWords(line)) widest = Math.max(widest, measureWord(word, style.bold).width);
  return (widest * style.size) / 1000;
}

const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/** Characters after which a long token may break without a hyphen (IDs, dates, times, URLs). */
const SOFT_BREAK_AFTER = new Set(['-', '/', ':', ',', '.', '_', '?', '&', '=', ')']);

/**
 * Breaks a word wider than the line: after '-', '/', ':' and similar where possible, else at
 * grapheme boundaries (ICU keeps Devanagari conjuncts together). Cached because duty charts
 * repeat the same too-long values (times, unit names) thousands of times.
 */
function breakLongWord(word: string, bold: boolean, maxUnits: number): readonly string[] {
  const key = `${bold ? 'b' : 'r'}${Math.round(maxUnits)}\u0000${word}`;
  const hit = brokenWords.get(key);
  if (hit) return hit;
  const clusters = Array.from(graphemes.segment(word), (s) => s.segment);
  // Summing per-cluster widths ignores kerning between clusters (a fraction of a point) but
  // measures each distinct cluster once instead of shaping every prefix of every long value.
  const widths = clusters.map((c) => measureWord(c, bold).width);
  const pieces: string[] = [];
  let start = 0;
  while (start < clusters.length) {
    let end = start + 1; // at least one cluster per piece, even if it alone is too wide
    let width = widths[start];
    let softEnd = -1;
    if (SOFT_BREAK_AFTER.has(clusters[start])) softEnd = end;
    while (end < clusters.length && width + widths[end] <= maxUnits) {
      width += widths[end];
      end++;
      if (SOFT_BREAK_AFTER.has(clusters[end - 1])) softEnd = end;
    }
    if (end < clusters.length && softEnd > start) end = softEnd;
    pieces.push(clusters.slice(start, end).join(''));
    start = end;
  }
  return brokenWords.set(key, pieces);
}

const wrapped = new Cache<readonly LaidLine[]>();

/**
 * Greedy line breaking at spaces; '\n' forces a break. Widths are compared in font units and
 * converted to points only for the result, so measuring never touches the PDF document.
 * Results are immutable and cached: duty-chart cells repeat the same unit, rank, point and
 * shift texts thousands of times.
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number): readonly LaidLine[] {
  if (text.length > MAX_WRAP_CACHED_LENGTH) return wrapUncached(text, style, maxWidth);
  const key = `${style.size}|${style.bold ? 'b' : 'r'}|${maxWidth}|${text}`;
  return wrapped.get(key) ?? wrapped.set(key, wrapUncached(text, style, maxWidth));
}

function wrapUncached(text: string, style: TextStyle, maxWidth: number): LaidLine[] {
  const scale = style.size / 1000;
  const maxUnits = maxWidth / scale;
  const space = spaceWidth(style.bold);
  const lines: LaidLine[] = [];
  for (const hardLine of text.split(/\r?\n/)) {
    let lineWords: MeasuredWord[] = [];
    let offsets: number[] = [];
    let width = 0;
    const flush = (): void => {
      lines.push({
        words: lineWords,
        offsets: offsets.map((o) => o * scale),
        width: width * scale,
      });
      lineWords = [];
      offsets = [];
      width = 0;
    };
    for (const raw of splitWords(hardLine)) {
      const whole = measureWord(raw, style.bold);
      const pieces = whole.width > maxUnits ? breakLongWord(raw, style.bold, maxUnits) : [raw];
      for (const piece of pieces) {
        const measured = piece === raw ? whole : measureWord(piece, style.bold);
        if (lineWords.length > 0 && width + space + measured.width > maxUnits) flush();
        const at = lineWords.length === 0 ? 0 : width + space;
        lineWords.push(measured);
        offsets.push(at);
        width = at + measured.width;
      }
    }
    flush();
  }
  return lines;
}

/** One line that fits `maxWidth`; text that does not fit is cut at a word and ends in '…'. */
export function fitOneLine(text: string, style: TextStyle, maxWidth: number): LaidLine {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const lines = wrapText(flat, style, maxWidth);
  if (lines.length <= 1) return lines[0] ?? { words: [], offsets: [], width: 0 };
  const ellipsis = '…';
  const room = maxWidth - textWidth(` ${ellipsis}`, style);
  const first = wrapText(flat, style, Math.max(room, 1))[0];
  const kept = first.words.map((w) => w.source).join(' ');
  return wrapText(`${kept} ${ellipsis}`, style, maxWidth)[0];
}
