/** Page geometry and type sizes in points. One place so papers from every module look alike. */
export const THEME = {
  a4: { width: 595.28, height: 841.89 },
  margin: { top: 42, bottom: 56, left: 50, right: 50 },
  size: {
    body: 11,
    small: 8,
    table: 9,
    h1: 15,
    h2: 12.5,
    unit: 16,
    unitEn: 13,
  },
  /**
   * Line box as a multiple of the font size. Devanagari needs more room than Latin: matras
   * reach ~0.9 em above the baseline and subscript forms ~0.4 em below.
   */
  lineHeight: 1.5,
  /** Baseline position inside the line box, as a multiple of the font size. */
  baseline: 1.03,
  paragraphGap: 7,
  qrSize: 66,
  footerHeight: 24,
  rule: 0.6,
  tableBorder: 0.4,
  tableHeaderFill: 0.88,
  cellPadX: 3.5,
  cellPadY: 2.5,
} as const;

export function lineHeight(size: number): number {
  return size * THEME.lineHeight;
}

export function baselineOffset(size: number): number {
  return size * THEME.baseline;
}
