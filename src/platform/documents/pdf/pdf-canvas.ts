import { utf16beHex } from './actual-text';
import { FontFace, FontkitPath, loadFont } from './fonts';
import { PdfkitDocumentInternals, PdfkitEmbeddedFont } from './pdfkit-internals';
import { ShapedRun } from './shaping';
import { strokeWidth, symbolDrawing, VectorSymbol } from './symbols';
import { isSymbolRun, LaidLine, MeasuredWord, TextStyle } from './text-layout';
import { TextObject, fmt, hex4 } from './text-object';
import { GlyphCoverage } from './types';

/** Glyph codes of one shaped run in one document's font subset. */
interface RunCodes {
  readonly codes: readonly string[];
  /** False if the ToUnicode map cannot describe these glyphs, so ActualText is needed. */
  readonly faithful: boolean;
}

/** One embedded font in one document: its pdfkit object and per-run glyph codes. */
interface FontSlot {
  readonly font: PdfkitEmbeddedFont;
  readonly runs: Map<ShapedRun, RunCodes>;
  readonly spaceCode: string;
  readonly spaceWidth: number;
}

/** Grey level: 0 = black, 1 = white. */
export type Gray = number;

type Rect = readonly [number, number, number, number];

/**
 * Draws onto pdfkit pages by writing content-stream operators directly.
 *
 * pdfkit's text() re-shapes and re-measures on every call and cannot wrap words in
 * /ActualText, so the engine shapes once (text-layout.ts) and writes glyph codes itself.
 * pdfkit still does what it is good at: font subsetting, objects, xref. Coordinates are
 * pdfkit's: origin top-left, y growing downwards, in points.
 */
export class PdfCanvas {
  private ops: string[] = [];
  private readonly slots = new Map<FontFace, FontSlot>();
  private readonly internals: PdfkitDocumentInternals;
  private readonly substituted = new Set<number>();
  private readonly unsupported = new Set<number>();
  private notdefGlyphs = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly width: number,
    readonly height: number,
  ) {
    this.internals = doc as unknown as PdfkitDocumentInternals;
  }

  addPage(): void {
    this.flush();
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
  }

  pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  switchToPage(index: number): void {
    this.flush();
    this.doc.switchToPage(index);
  }

  /** Hands buffered operators to pdfkit as bytes: pdfkit converts strings char by char. */
  flush(): void {
    if (this.ops.length > 0) {
      this.doc.addContent(Buffer.from(this.ops.join('\n') + '\n', 'latin1'));
      this.ops = [];
    }
  }

  fillRect(x: number, y: number, w: number, h: number, gray: Gray): void {
    this.ops.push(`${fmt(gray)} g ${fmt(x)} ${fmt(y)} ${fmt(w)} ${fmt(h)} re f`);
  }

  /** Many rectangles as one path and one fill: a QR code would otherwise be thousands of ops. */
  fillRects(rects: readonly Rect[], gray: Gray): void {
    const parts = [`${fmt(gray)} g`];
    for (const [x, y, w, h] of rects) parts.push(`${fmt(x)} ${fmt(y)} ${fmt(w)} ${fmt(h)} re`);
    parts.push('f');
    this.ops.push(parts.join(' '));
  }

  /** Straight segments sharing one stroke; each item is [x1, y1, x2, y2]. */
  strokeLines(segments: readonly Rect[], lineWidth: number, gray: Gray): void {
    const parts = [`${fmt(lineWidth)} w ${fmt(gray)} G`];
    for (const [x1, y1, x2, y2] of segments) {
      parts.push(`${fmt(x1)} ${fmt(y1)} m ${fmt(x2)} ${fmt(y2)} l`);
    }
    parts.push('S');
    this.ops.push(parts.join(' '));
  }

  /**
   * Draws a laid-out line with its start at x and its baseline at y. Words whose glyphs do not
   * read back as their characters (Devanagari reordering, conjuncts) are wrapped in
   * /Span <</ActualText …>> BDC … EMC so copy, paste and search return the text as written.
   * Spaces are drawn as real space glyphs so every extractor sees word boundaries.
   * Symbols no font has (symbols.ts) are stroked after the text object; an invisible space glyph
   * holds each one's place inside the word's ActualText, which gives the symbol back on copy.
   */
  drawLine(line: LaidLine, x: number, baseline: number, style: TextStyle, gray: Gray = 0): void {
    if (line.words.length === 0) return;
    const text = new TextObject(style.size, gray);
    const vectors: string[] = [];
    const scale = style.size / 1000;
    const last = line.words.length - 1;
    for (let w = 0; w <= last; w++) {
      const word = line.words[w];
      this.noteCoverage(word);
      const slots = word.runs.map((run) =>
        this.slot(isSymbolRun(run) ? (run.bold ? 'latinBold' : 'latin') : run.face),
      );
      const codes = word.runs.map((run, r) =>
        isSymbolRun(run) ? null : this.codesFor(slots[r], run),
      );
      const faithful = word.inLogicalOrder && codes.every((c) => c === null || c.faithful);
      if (!faithful) text.operator(`/Span <</ActualText ${utf16beHex(word.source)}>> BDC`);
      let penX = x + line.offsets[w];
      word.runs.forEach((run, r) => {
        const slot = slots[r];
        text.setFont(slot.font.id);
        if (isSymbolRun(run)) {
          run.symbols.forEach((symbol, i) => {
            text.glyph(slot.spaceCode, penX, baseline, slot.spaceWidth);
            vectors.push(strokeSymbol(symbol, penX, baseline, scale, run.bold, gray));
            penX += run.advances[i] * scale;
          });
          return;
        }
        const runCodes = (codes[r] as RunCodes).codes;
        for (let i = 0; i < runCodes.length; i++) {
          const gx = penX + run.xOffsets[i] * scale;
          const gy = baseline - run.yOffsets[i] * scale; // font y grows up, page y grows down
          text.glyph(runCodes[i], gx, gy, run.glyphWidths[i]);
          penX += run.advances[i] * scale;
        }
      });
      if (!faithful) text.operator('EMC');
      // The space uses the word's last font, so no font switch is needed for it.
      const slot = slots[slots.length - 1];
      if (w < last && slot) text.glyph(slot.spaceCode, penX, baseline, slot.spaceWidth);
    }
    this.ops.push(text.finish());
    if (vectors.length > 0) this.ops.push(...vectors);
  }

  /**
   * Draws a laid-out line as filled glyph outlines, not text, turned `angle` degrees
   * anticlockwise about its centre at (cx, cy): a mark for the eye (a draft's) that copy,
   * search and pdftotext never see, so it cannot break up the text it lies under.
   */
  fillOutlines(line: LaidLine, cx: number, cy: number, style: TextStyle, angle: number, gray: Gray): void {
    const rad = (angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
    // Page space has y growing down, so an anticlockwise turn on the page is a negative angle here.
    const parts = [`q ${fmt(cos)} ${fmt(-sin)} ${fmt(sin)} ${fmt(cos)} ${fmt(cx)} ${fmt(cy)} cm ${fmt(gray)} g`];
    const em = style.size / 1000;
    const baseline = style.size * 0.35; // about half the x-height below the centre line
    line.words.forEach((word, w) => {
      let penX = line.offsets[w] - line.width / 2;
      for (const run of word.runs) {
        if (isSymbolRun(run)) {
          penX += run.width * em;
          continue;
        }
        const font = loadFont(run.face);
        const unit = style.size / font.unitsPerEm;
        run.glyphIds.forEach((id, i) => {
          const ox = penX + run.xOffsets[i] * em;
          const oy = baseline - run.yOffsets[i] * em;
          outlineOps(font.getGlyph(id).path, (x, y) => [ox + x * unit, oy - y * unit], parts);
          penX += run.advances[i] * em;
        });
      }
    });
    parts.push('f Q');
    this.ops.push(parts.join(' '));
  }

  /** What the document drew without the fonts' own glyphs, for the engine's coverage report. */
  glyphCoverage(): GlyphCoverage {
    const list = (set: Set<number>) => [...set].sort((a, b) => a - b).map(describeCodePoint);
    return {
      substituted: list(this.substituted),
      unsupported: list(this.unsupported),
      notdefGlyphs: this.notdefGlyphs,
    };
  }

  private noteCoverage(word: MeasuredWord): void {
    for (const cp of word.coverage.substituted) this.substituted.add(cp);
    for (const cp of word.coverage.unsupported) this.unsupported.add(cp);
    this.notdefGlyphs += word.notdefGlyphs;
  }

  /** Adds a run's glyphs to the document's subset once and remembers their codes. */
  private codesFor(slot: FontSlot, run: ShapedRun): RunCodes {
    let codes = slot.runs.get(run);
    if (codes) return codes;
    const { widths, unicode, subset } = slot.font;
    const out: string[] = new Array<string>(run.glyphIds.length);
    let faithful = true;
    for (let i = 0; i < run.glyphIds.length; i++) {
      const cid = subset.includeGlyph(run.glyphIds[i]);
      if (widths[cid] == null) {
        widths[cid] = run.glyphWidths[i];
        unicode[cid] = run.codePoints[i].slice();
      } else if (!sameCodePoints(unicode[cid], run.codePoints[i])) {
        // One glyph can stand for different characters; the ToUnicode map holds only the first.
        faithful = false;
      }
      out[i] = hex4(cid);
    }
    codes = { codes: out, faithful };
    slot.runs.set(run, codes);
    return codes;
  }

  private slot(face: FontFace): FontSlot {
    let slot = this.slots.get(face);
    if (!slot) {
      const fontkitFont = loadFont(face);
      // Registering the parsed font object (not the file) lets all documents share one parse.
      this.doc.registerFont(face, fontkitFont as unknown as PDFKit.Mixins.PDFFontSource);
      this.doc.font(face);
      const font = this.internals._font;
      const space = fontkitFont.glyphForCodePoint(0x20);
      const spaceWidth = (space.advanceWidth * 1000) / fontkitFont.unitsPerEm;
      const spaceCid = font.subset.includeGlyph(space.id);
      if (font.widths[spaceCid] == null) {
        font.widths[spaceCid] = spaceWidth;
        font.unicode[spaceCid] = [0x20];
      }
      slot = { font, runs: new Map(), spaceCode: hex4(spaceCid), spaceWidth };
      this.slots.set(face, slot);
    }
    // Font resources are per page; re-registering is a cheap property write.
    this.internals.page.fonts[slot.font.id] = slot.font.ref();
    return slot;
  }
}

/** "U+2192 →": the code point, and the character itself where it is printable. */
export function describeCodePoint(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /\p{L}|\p{N}|\p{P}|\p{S}/u.test(String.fromCodePoint(cp))
    ? `${hex} ${String.fromCodePoint(cp)}`
    : hex;
}

/** A glyph outline as path operators; quadratic curves (TrueType) become cubic ones. */
function outlineOps(path: FontkitPath, at: (x: number, y: number) => [number, number], out: string[]): void {
  let cur: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const pt = (p: [number, number]) => `${fmt(p[0])} ${fmt(p[1])}`;
  for (const { command, args } of path.commands) {
    if (command === 'moveTo') {
      cur = start = at(args[0]!, args[1]!);
      out.push(`${pt(cur)} m`);
    } else if (command === 'lineTo') {
      cur = at(args[0]!, args[1]!);
      out.push(`${pt(cur)} l`);
    } else if (command === 'quadraticCurveTo') {
      const q = at(args[0]!, args[1]!);
      const end = at(args[2]!, args[3]!);
      const c1: [number, number] = [cur[0] + ((q[0] - cur[0]) * 2) / 3, cur[1] + ((q[1] - cur[1]) * 2) / 3];
      const c2: [number, number] = [end[0] + ((q[0] - end[0]) * 2) / 3, end[1] + ((q[1] - end[1]) * 2) / 3];
      out.push(`${pt(c1)} ${pt(c2)} ${pt(end)} c`);
      cur = end;
    } else if (command === 'bezierCurveTo') {
      const end = at(args[4]!, args[5]!);
      out.push(`${pt(at(args[0]!, args[1]!))} ${pt(at(args[2]!, args[3]!))} ${pt(end)} c`);
      cur = end;
    } else if (command === 'closePath') {
      out.push('h');
      cur = start;
    }
  }
}

/** A vector symbol as one stroked path, with round caps and joins like a font's strokes. */
function strokeSymbol(
  symbol: VectorSymbol,
  x: number,
  baseline: number,
  scale: number,
  bold: boolean,
  gray: Gray,
): string {
  const parts = [`q ${fmt(gray)} G ${fmt(strokeWidth(bold) * scale)} w 1 J 1 j`];
  for (const line of symbolDrawing(symbol).strokes) {
    line.forEach(([ux, uy], i) => {
      // Font y grows up, page y grows down.
      parts.push(`${fmt(x + ux * scale)} ${fmt(baseline - uy * scale)} ${i === 0 ? 'm' : 'l'}`);
    });
  }
  parts.push('S Q');
  return parts.join(' ');
}

function sameCodePoints(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
