import { utf16beHex } from './actual-text';
import { FontFace, loadFont } from './fonts';
import { PdfkitDocumentInternals, PdfkitEmbeddedFont } from './pdfkit-internals';
import { ShapedRun } from './shaping';
import { LaidLine, TextStyle } from './text-layout';
import { TextObject, fmt, hex4 } from './text-object';

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
   */
  drawLine(line: LaidLine, x: number, baseline: number, style: TextStyle, gray: Gray = 0): void {
    if (line.words.length === 0) return;
    const text = new TextObject(style.size, gray);
    const scale = style.size / 1000;
    const last = line.words.length - 1;
    for (let w = 0; w <= last; w++) {
      const word = line.words[w];
      const slots = word.runs.map((run) => this.slot(run.face));
      const codes = word.runs.map((run, r) => this.codesFor(slots[r], run));
      const faithful = word.inLogicalOrder && codes.every((c) => c.faithful);
      if (!faithful) text.operator(`/Span <</ActualText ${utf16beHex(word.source)}>> BDC`);
      let penX = x + line.offsets[w];
      word.runs.forEach((run, r) => {
        text.setFont(slots[r].font.id);
        const runCodes = codes[r].codes;
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

function sameCodePoints(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
