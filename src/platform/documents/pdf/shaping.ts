import { FontFace, loadFont } from './fonts';
import { latinSegments } from './segments';

/**
 * One run of text shaped with one font. Metrics are in text-space units (1/1000 em) so a run
 * is shaped once and drawn at any size.
 */
export interface ShapedRun {
  readonly face: FontFace;
  readonly glyphIds: readonly number[];
  /** Pen advance after each glyph (after kerning and mark positioning). */
  readonly advances: readonly number[];
  readonly xOffsets: readonly number[];
  readonly yOffsets: readonly number[];
  /** Unpositioned glyph advance, which is what the PDF /W array must declare. */
  readonly glyphWidths: readonly number[];
  /** Characters each glyph stands for, used for the font's ToUnicode map. */
  readonly codePoints: readonly (readonly number[])[];
  readonly width: number;
  /**
   * True when a PDF reader rebuilding text from the glyphs gets the input back, so no
   * ActualText is needed: the glyphs read back in drawing order as the input, and each is drawn
   * at the pen. Devanagari reordering (ि drawn before its consonant, reph after) and conjunct
   * ligatures make this false, and so does a mark moved off the pen (a chandrabindu pulled back
   * over ए, a nukta or matra nudged sideways or up): pdftotext sees the moved mark ending
   * before the next letter starts and splits the word there ("कराएँ गे").
   */
  readonly inLogicalOrder: boolean;
}

// Bounded so a long-running server shaping many distinct names cannot grow without limit;
// a full reset is crude but the working set (a few thousand pieces) refills in milliseconds.
const MAX_CACHED_PER_FACE = 20_000;

class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= MAX_CACHED_PER_FACE) this.map.clear();
    this.map.set(key, value);
  }
}

function perFace<V>(): Record<FontFace, BoundedCache<V>> {
  return {
    latin: new BoundedCache(),
    latinBold: new BoundedCache(),
    deva: new BoundedCache(),
    devaBold: new BoundedCache(),
  };
}

const runCache = perFace<ShapedRun>();
const pieceCache = perFace<ShapedRun>();
const pairCache = perFace<boolean>();

/** Shapes a single-font run; Latin runs are assembled from cached digit-separated pieces. */
export function shapeRun(face: FontFace, text: string): ShapedRun {
  let run = runCache[face].get(text);
  if (!run) {
    const pieces = face === 'latin' || face === 'latinBold' ? latinSegments(text) : [text];
    run =
      pieces.length === 1 ? shapePiece(face, text) : concatRuns(face, mergeUnsafe(face, pieces));
    runCache[face].set(text, run);
  }
  return run;
}

/** Shapes text as one unit with fontkit (cached); exported for the equivalence tests. */
export function shapePiece(face: FontFace, text: string): ShapedRun {
  let run = pieceCache[face].get(text);
  if (!run) {
    run = shapeUncached(face, text);
    pieceCache[face].set(text, run);
  }
  return run;
}

/**
 * A boundary is trusted only if the characters either side shape the same together as apart
 * (no kerning, no ligature); otherwise the neighbouring pieces are shaped as one. Each
 * character pair is checked once per process.
 */
function mergeUnsafe(face: FontFace, pieces: readonly string[]): string[] {
  const out = [pieces[0]];
  for (let i = 1; i < pieces.length; i++) {
    if (pairIsIndependent(face, pieces[i - 1].slice(-1), pieces[i].slice(0, 1)))
      out.push(pieces[i]);
    else out[out.length - 1] += pieces[i];
  }
  return out;
}

function pairIsIndependent(face: FontFace, a: string, b: string): boolean {
  const key = a + b;
  let ok = pairCache[face].get(key);
  if (ok === undefined) {
    const together = shapeUncached(face, a + b);
    const apart = concatRuns(face, [a, b]);
    ok =
      together.glyphIds.length === apart.glyphIds.length &&
      together.glyphIds.every(
        (g, i) =>
          g === apart.glyphIds[i] &&
          together.advances[i] === apart.advances[i] &&
          together.xOffsets[i] === apart.xOffsets[i] &&
          together.yOffsets[i] === apart.yOffsets[i],
      );
    pairCache[face].set(key, ok);
  }
  return ok;
}

function concatRuns(face: FontFace, pieces: readonly string[]): ShapedRun {
  const glyphIds: number[] = [];
  const advances: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const glyphWidths: number[] = [];
  const codePoints: (readonly number[])[] = [];
  let width = 0;
  let inLogicalOrder = true;
  for (const piece of pieces) {
    const p = shapePiece(face, piece);
    for (let i = 0; i < p.glyphIds.length; i++) {
      glyphIds.push(p.glyphIds[i]);
      advances.push(p.advances[i]);
      xOffsets.push(p.xOffsets[i]);
      yOffsets.push(p.yOffsets[i]);
      glyphWidths.push(p.glyphWidths[i]);
      codePoints.push(p.codePoints[i]);
    }
    width += p.width;
    inLogicalOrder &&= p.inLogicalOrder; // pieces concatenate to `text`, so order is per piece
  }
  return {
    face,
    glyphIds,
    advances,
    xOffsets,
    yOffsets,
    glyphWidths,
    codePoints,
    width,
    inLogicalOrder,
  };
}

function shapeUncached(face: FontFace, text: string): ShapedRun {
  const font = loadFont(face);
  const scale = 1000 / font.unitsPerEm;
  const layout = font.layout(text);
  const n = layout.glyphs.length;
  const glyphIds: number[] = new Array<number>(n);
  const advances: number[] = new Array<number>(n);
  const xOffsets: number[] = new Array<number>(n);
  const yOffsets: number[] = new Array<number>(n);
  const glyphWidths: number[] = new Array<number>(n);
  const codePoints: number[][] = new Array<number[]>(n);
  let width = 0;
  let readBack = '';
  let atPen = true;
  for (let i = 0; i < n; i++) {
    const glyph = layout.glyphs[i];
    const pos = layout.positions[i];
    glyphIds[i] = glyph.id;
    advances[i] = pos.xAdvance * scale;
    xOffsets[i] = pos.xOffset * scale;
    yOffsets[i] = pos.yOffset * scale;
    glyphWidths[i] = glyph.advanceWidth * scale;
    codePoints[i] = glyph.codePoints.slice();
    width += advances[i];
    readBack += String.fromCodePoint(...glyph.codePoints);
    // A glyph that draws ink but moves the pen by nothing overlaps its neighbour the same way.
    atPen &&=
      pos.xOffset === 0 && pos.yOffset === 0 && (pos.xAdvance > 0 || glyph.advanceWidth === 0);
  }
  return {
    face,
    glyphIds,
    advances,
    xOffsets,
    yOffsets,
    glyphWidths,
    codePoints,
    width,
    inLogicalOrder: atPen && readBack === text,
  };
}
