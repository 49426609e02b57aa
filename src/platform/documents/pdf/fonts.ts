import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The four faces the engine draws with. Everything else is deliberately unsupported. */
export type FontFace = 'latin' | 'latinBold' | 'deva' | 'devaBold';

export const FONT_FACES: readonly FontFace[] = ['latin', 'latinBold', 'deva', 'devaBold'];

/** The slice of fontkit's API the engine relies on (fontkit ships no type definitions). */
export interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: number[];
}

export interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A glyph's outline, in font units with y growing up. */
export interface FontkitPath {
  readonly commands: readonly { readonly command: string; readonly args: readonly number[] }[];
}

export interface FontkitLayout {
  readonly glyphs: FontkitGlyph[];
  readonly positions: FontkitPosition[];
}

export interface FontkitFont {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(text: string): FontkitLayout;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  getGlyph(id: number): FontkitGlyph & { readonly path: FontkitPath };
}

interface FontkitModule {
  create(buffer: Buffer): FontkitFont;
}

// Fonts come from npm packages so every server and CI box draws identical glyphs;
// system fonts differ between machines and would break byte-for-byte determinism.
const FONT_FILES: Record<FontFace, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  deva: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  devaBold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
};

// fontkit is pdfkit's own dependency; loading it from pdfkit's location guarantees the font
// objects we shape with are the same class pdfkit embeds, even if npm nests the package.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as FontkitModule;

const cache = new Map<FontFace, FontkitFont>();

/**
 * Parsed fonts are cached for the life of the process: parsing the Devanagari font and
 * warming its GSUB/GPOS tables costs far more than rendering a one-page letter.
 */
export function loadFont(face: FontFace): FontkitFont {
  let font = cache.get(face);
  if (!font) {
    font = fontkit.create(readFileSync(require.resolve(FONT_FILES[face])));
    cache.set(face, font);
  }
  return font;
}
