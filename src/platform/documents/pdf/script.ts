import { FontkitFont } from './fonts';
import { textSubstituteFor, vectorSymbolFor } from './symbols';

/** Which font family a stretch of text is drawn with; 'symbol' is drawn as vectors (symbols.ts). */
export type Script = 'deva' | 'latin' | 'symbol';

export interface ScriptRun {
  readonly script: Script;
  /**
   * Text to shape. A character no font has is drawn by its defined substitute (symbols.ts):
   * vector symbols form 'symbol' runs, text substitutes ('>=' for '≥') are drawn in Latin, and
   * only a character with neither is replaced by '?'. The original survives in ActualText.
   */
  readonly text: string;
}

/** Characters of a text the fonts cannot draw, by what happens to them instead. */
export interface TextCoverage {
  /** Drawn by a defined substitute (a vector symbol or other characters). */
  readonly substituted: readonly number[];
  /** No font and no substitute: drawn as '?'. */
  readonly unsupported: readonly number[];
}

export interface CoverageFonts {
  readonly latin: FontkitFont;
  readonly deva: FontkitFont;
}

const enum Cls {
  Deva,
  Latin,
  /** Joiners and combining marks belong to whatever run they sit in. */
  Inherit,
  /** Control characters are dropped: they draw nothing and confuse text extraction. */
  Drop,
  /** Neither font has a glyph, but symbols.ts draws it as a vector. */
  Vector,
  /** Neither font has a glyph, but symbols.ts writes it with other characters. */
  Substitute,
  /** Neither font nor a substitute: draw '?' rather than an empty box. */
  Missing,
}

const REPLACEMENT = '?';
const NONE: readonly number[] = [];

function isDevanagariBlock(cp: number): boolean {
  return (
    (cp >= 0x0900 && cp <= 0x097f) || // Devanagari, including danda and Devanagari digits
    (cp >= 0xa8e0 && cp <= 0xa8ff) || // Devanagari Extended
    (cp >= 0x1cd0 && cp <= 0x1cff) // Vedic Extensions
  );
}

function isInherited(cp: number): boolean {
  return (
    cp === 0x200c || // ZWNJ and ZWJ steer conjunct formation, so they must stay inside the run
    cp === 0x200d ||
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

/**
 * Splits text into runs per font. Devanagari goes to the Devanagari font; Latin letters, digits,
 * punctuation and currency signs (including ₹, which Noto Sans has) go to the Latin font, so
 * numbers look the same in Hindi and English papers.
 */
export class ScriptSplitter {
  private readonly classCache = new Map<number, Cls>();

  constructor(private readonly fonts: CoverageFonts) {}

  split(text: string): ScriptRun[] {
    const runs: ScriptRun[] = [];
    let current: Script | null = null;
    let buf = '';
    let pendingInherited = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      const cls = this.classify(cp);
      if (cls === Cls.Drop) continue;
      if (cls === Cls.Inherit) {
        if (current === null) pendingInherited += ch;
        else if (current !== 'symbol') buf += ch; // a vector has no variants (VS16) to select
        continue;
      }
      const script: Script = cls === Cls.Deva ? 'deva' : cls === Cls.Vector ? 'symbol' : 'latin';
      const drawn =
        cls === Cls.Missing
          ? REPLACEMENT
          : cls === Cls.Substitute
            ? (textSubstituteFor(cp) as string)
            : ch;
      if (script !== current) {
        if (current !== null && buf) runs.push({ script: current, text: buf });
        current = script;
        buf = script === 'symbol' ? '' : pendingInherited;
        pendingInherited = '';
      }
      buf += drawn;
    }
    if (current !== null && buf) runs.push({ script: current, text: buf });
    else if (pendingInherited) runs.push({ script: 'deva', text: pendingInherited });
    return runs;
  }

  /** The characters of `text` drawn by a substitute or as '?'; empty arrays for most text. */
  coverage(text: string): TextCoverage {
    let substituted: number[] | undefined;
    let unsupported: number[] | undefined;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (cp < 0x7f) continue;
      const cls = this.classify(cp);
      if (cls === Cls.Vector || cls === Cls.Substitute) (substituted ??= []).push(cp);
      else if (cls === Cls.Missing) (unsupported ??= []).push(cp);
    }
    return { substituted: substituted ?? NONE, unsupported: unsupported ?? NONE };
  }

  private classify(cp: number): Cls {
    // Printable ASCII is by far the commonest input: skip the font lookups.
    if (cp >= 0x20 && cp < 0x7f) return Cls.Latin;
    if (cp < 0x20 || cp === 0x7f) return Cls.Drop;
    let cls = this.classCache.get(cp);
    if (cls === undefined) {
      cls = this.classifySlow(cp);
      this.classCache.set(cp, cls);
    }
    return cls;
  }

  private classifySlow(cp: number): Cls {
    if (isDevanagariBlock(cp) && this.fonts.deva.hasGlyphForCodePoint(cp)) return Cls.Deva;
    if (isInherited(cp)) return Cls.Inherit;
    if (cp >= 0x80 && cp < 0xa0) return Cls.Drop;
    if (this.fonts.latin.hasGlyphForCodePoint(cp)) return Cls.Latin;
    if (this.fonts.deva.hasGlyphForCodePoint(cp)) return Cls.Deva;
    if (vectorSymbolFor(cp)) return Cls.Vector;
    if (textSubstituteFor(cp)) return Cls.Substitute;
    return Cls.Missing;
  }
}
