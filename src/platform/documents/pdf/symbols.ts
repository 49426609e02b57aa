/**
 * Substitutes for characters neither font has. The papers' fonts are Noto Sans and Noto Sans
 * Devanagari from npm (deterministic bytes on every machine); neither has arrows, and no Noto
 * symbols font is installed. So the few symbols the papers print are drawn as vectors, and a few
 * others are written with characters the fonts do have. Either way the word carries
 * /ActualText, so copy and search still return the character as written.
 */

/** A symbol drawn as strokes rather than from a font. */
export type VectorSymbol =
  | 'arrowRight'
  | 'arrowLeft'
  | 'arrowBoth'
  | 'arrowUp'
  | 'arrowDown'
  | 'doubleArrowRight'
  | 'check'
  | 'cross';

const VECTOR: ReadonlyMap<number, VectorSymbol> = new Map<number, VectorSymbol>([
  [0x2192, 'arrowRight'], // →  legs "from → to", routes
  [0x2190, 'arrowLeft'], // ←
  [0x2194, 'arrowBoth'], // ↔
  [0x2191, 'arrowUp'], // ↑
  [0x2193, 'arrowDown'], // ↓
  [0x21d2, 'doubleArrowRight'], // ⇒
  [0x2713, 'check'], // ✓
  [0x2714, 'check'], // ✔
  [0x2717, 'cross'], // ✗
  [0x2718, 'cross'], // ✘
]);

/** Characters written with others the Latin font has (checked by symbols.spec.ts). */
const TEXT: ReadonlyMap<number, string> = new Map([
  [0x2265, '>='], // ≥
  [0x2264, '<='], // ≤
  [0x2260, '=/='], // ≠
  [0x2248, '~'], // ≈
  [0x25cf, '•'], // ●
  [0x25a0, '•'], // ■
  [0x25aa, '•'], // ▪
  [0x25c6, '•'], // ◆
  [0x2666, '•'], // ♦
  [0x25cb, 'o'], // ○
  [0x25e6, 'o'], // ◦
  [0x2605, '*'], // ★
]);

export function vectorSymbolFor(cp: number): VectorSymbol | undefined {
  return VECTOR.get(cp);
}

export function textSubstituteFor(cp: number): string | undefined {
  return TEXT.get(cp);
}

/** Every character with a defined substitute, for the tests. */
export function substitutedCodePoints(): number[] {
  return [...VECTOR.keys(), ...TEXT.keys()];
}

/** A polyline in text-space units (1/1000 em), y growing upwards from the baseline. */
export type Polyline = readonly (readonly [number, number])[];

export interface SymbolDrawing {
  /** Pen advance in 1/1000 em. */
  readonly advance: number;
  readonly strokes: readonly Polyline[];
}

// Noto Sans's minus sign: the axis arrows sit on, and its stem weight in each face.
const AXIS = 352;
const STROKE = { regular: 71, bold: 107 };

export function strokeWidth(bold: boolean): number {
  return bold ? STROKE.bold : STROKE.regular;
}

const A = AXIS;
const DRAWINGS: Record<VectorSymbol, SymbolDrawing> = {
  arrowRight: {
    advance: 800,
    strokes: [
      [
        [90, A],
        [690, A],
      ],
      [
        [480, A + 210],
        [700, A],
        [480, A - 210],
      ],
    ],
  },
  arrowLeft: {
    advance: 800,
    strokes: [
      [
        [110, A],
        [710, A],
      ],
      [
        [320, A + 210],
        [100, A],
        [320, A - 210],
      ],
    ],
  },
  arrowBoth: {
    advance: 1000,
    strokes: [
      [
        [110, A],
        [890, A],
      ],
      [
        [320, A + 210],
        [100, A],
        [320, A - 210],
      ],
      [
        [680, A + 210],
        [900, A],
        [680, A - 210],
      ],
    ],
  },
  arrowUp: {
    advance: 600,
    strokes: [
      [
        [300, -20],
        [300, 690],
      ],
      [
        [90, 480],
        [300, 700],
        [510, 480],
      ],
    ],
  },
  arrowDown: {
    advance: 600,
    strokes: [
      [
        [300, 714],
        [300, 0],
      ],
      [
        [90, 220],
        [300, -10],
        [510, 220],
      ],
    ],
  },
  doubleArrowRight: {
    advance: 850,
    strokes: [
      [
        [90, A + 105],
        [590, A + 105],
      ],
      [
        [90, A - 105],
        [590, A - 105],
      ],
      [
        [460, A + 290],
        [740, A],
        [460, A - 290],
      ],
    ],
  },
  check: {
    advance: 800,
    strokes: [
      [
        [110, 360],
        [300, 110],
        [690, 660],
      ],
    ],
  },
  cross: {
    advance: 700,
    strokes: [
      [
        [130, 100],
        [570, 620],
      ],
      [
        [130, 620],
        [570, 100],
      ],
    ],
  },
};

export function symbolDrawing(symbol: VectorSymbol): SymbolDrawing {
  return DRAWINGS[symbol];
}
