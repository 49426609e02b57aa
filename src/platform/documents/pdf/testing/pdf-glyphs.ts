import { inflateSync } from 'node:zlib';

/** One glyph a page draws, as a PDF reader sees it. */
export interface DrawnGlyph {
  readonly page: number;
  /** The font's /BaseFont, e.g. "AZZZZZ+NotoSans-Regular". */
  readonly font: string;
  /** The glyph code in the font's subset; 0 is .notdef, the empty box. */
  readonly cid: number;
  /** What the font's ToUnicode map says the glyph stands for. */
  readonly unicode: string;
  /** The /ActualText of the marked span the glyph is drawn in, if any. */
  readonly actualText: string | null;
}

export interface GlyphProblems {
  /** Glyphs drawn as .notdef. */
  readonly notdef: readonly DrawnGlyph[];
  /** Words drawn with a '?' standing for a character the fonts lack: their ActualText. */
  readonly questionMarks: readonly string[];
}

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

/**
 * Test helper: reads the glyphs an engine-made PDF draws, straight from its objects (pdfkit's
 * layout: one Identity-H Type0 font per face with a ToUnicode map, Flate content streams), so a
 * test can fail on a .notdef glyph or a '?' drawn for a missing one. pdftotext cannot tell:
 * it reads the words' ActualText, which keeps the original character.
 */
export function drawnGlyphs(pdf: Buffer): DrawnGlyph[] {
  const objects = parseObjects(pdf);
  const get = (ref: string): PdfObject => {
    const obj = objects.get(Number(ref));
    if (!obj) throw new Error(`object ${ref} missing`);
    return obj;
  };
  const fonts = new Map<string, { name: string; toUnicode: Map<number, string> }>();
  const fontOf = (ref: string) => {
    let font = fonts.get(ref);
    if (!font) {
      const dict = get(ref).dict;
      const name = /\/BaseFont\s*\/([^\s/>]+)/.exec(dict)?.[1] ?? '?';
      const cmapRef = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
      const cmap = cmapRef ? (get(cmapRef).stream?.toString('latin1') ?? '') : '';
      font = { name, toUnicode: parseToUnicode(cmap) };
      fonts.set(ref, font);
    }
    return font;
  };

  const glyphs: DrawnGlyph[] = [];
  pageRefs(objects).forEach((pageRef, pageIndex) => {
    const page = get(pageRef).dict;
    const resourcesRef = /\/Resources\s+(\d+)\s+0\s+R/.exec(page)?.[1];
    const resources = resourcesRef ? get(resourcesRef).dict : page;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontRefs = new Map<string, string>();
    for (const m of fontDict.matchAll(/\/(\S+)\s+(\d+)\s+0\s+R/g)) fontRefs.set(m[1], m[2]);
    const contentRefs = contentsOf(page);
    const content = contentRefs.map((r) => get(r).stream?.toString('latin1') ?? '').join('\n');
    let font: { name: string; toUnicode: Map<number, string> } | null = null;
    let actualText: string | null = null;
    const ops =
      /\/([^\s/]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC|\bEMC\b/g;
    for (const m of content.matchAll(ops)) {
      if (m[1] !== undefined) {
        const ref = fontRefs.get(m[1]);
        font = ref ? fontOf(ref) : null;
      } else if (m[4] !== undefined) {
        actualText = utf16Hex(m[4]);
      } else if (m[0] === 'EMC') {
        actualText = null;
      } else {
        const hexes =
          m[2] !== undefined ? [...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]) : [m[3]];
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4) {
            const cid = parseInt(hex.slice(i, i + 4), 16);
            glyphs.push({
              page: pageIndex + 1,
              font: font?.name ?? '?',
              cid,
              unicode: font?.toUnicode.get(cid) ?? '',
              actualText,
            });
          }
        }
      }
    }
  });
  return glyphs;
}

/** .notdef glyphs, and words where a '?' was drawn for a character their ActualText has. */
export function glyphProblems(pdf: Buffer): GlyphProblems {
  const glyphs = drawnGlyphs(pdf);
  const notdef = glyphs.filter((g) => g.cid === 0);
  // Consecutive glyphs of one span belong to one word; count its '?' against the word's own.
  const questionMarks: string[] = [];
  let span: string | null = null;
  let drawn = 0;
  const close = () => {
    if (span !== null && drawn > (span.match(/\?/g) ?? []).length) questionMarks.push(span);
    span = null;
    drawn = 0;
  };
  for (const g of glyphs) {
    if (g.actualText !== span) close();
    span = g.actualText;
    if (span !== null && g.unicode === '?') drawn++;
  }
  close();
  return { notdef, questionMarks };
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  // Sequential, taking each stream by its /Length: compressed bytes may hold "endobj".
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    const from = header.lastIndex;
    const endObj = text.indexOf('endobj', from);
    const streamAt = text.slice(from, endObj).search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: text.slice(from, endObj), stream: null });
      header.lastIndex = endObj;
      continue;
    }
    const dict = text.slice(from, from + streamAt);
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1]);
    const dataAt = from + streamAt + (text[from + streamAt + 6] === '\r' ? 8 : 7);
    let raw: Buffer = pdf.subarray(dataAt, dataAt + length);
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    objects.set(Number(m[1]), { dict, stream: raw });
    header.lastIndex = text.indexOf('endobj', dataAt + length);
  }
  return objects;
}

/** Page object numbers in page order, following /Kids from the root /Pages. */
function pageRefs(objects: Map<number, PdfObject>): string[] {
  const root = [...objects.entries()].find(
    ([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict),
  );
  if (!root) throw new Error('no /Pages root');
  const walk = (dict: string): string[] => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
    return [...kids.matchAll(/(\d+)\s+0\s+R/g)].flatMap((k) => {
      const kid = objects.get(Number(k[1]))!;
      return /\/Type\s*\/Pages\b/.test(kid.dict) ? walk(kid.dict) : [k[1]];
    });
  };
  return walk(root[1].dict);
}

function contentsOf(page: string): string[] {
  const many = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1];
  if (many !== undefined) return [...many.matchAll(/(\d+)\s+0\s+R/g)].map((m) => m[1]);
  const one = /\/Contents\s+(\d+)\s+0\s+R/.exec(page)?.[1];
  return one ? [one] : [];
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)/g,
    )) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        const dst = [...m[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((d) => utf16Hex(d[1]));
        dst.forEach((d, i) => map.set(lo + i, d));
      } else {
        const base = m[3].slice(1, -1);
        for (let c = lo; c <= hi; c++) {
          const last = parseInt(base.slice(-4), 16) + (c - lo);
          map.set(c, utf16Hex(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g))
      map.set(parseInt(m[1], 16), utf16Hex(m[2]));
  }
  return map;
}

/** UTF-16BE hex (with or without a byte-order mark) to a string. */
function utf16Hex(hex: string): string {
  const h = hex.toUpperCase().startsWith('FEFF') ? hex.slice(4) : hex;
  let out = '';
  for (let i = 0; i + 4 <= h.length; i += 4)
    out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return out;
}
