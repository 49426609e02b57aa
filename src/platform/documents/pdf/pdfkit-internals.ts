/**
 * The few pdfkit 0.20 internals the engine needs that @types/pdfkit does not declare.
 * Kept in one place so a pdfkit upgrade has one file to re-check.
 */
export interface PdfkitSubset {
  /** Returns the CID (index in the subset) for a glyph id, adding the glyph if new. */
  includeGlyph(glyphId: number): number;
}

export interface PdfkitEmbeddedFont {
  readonly id: string;
  readonly subset: PdfkitSubset;
  /** Widths per CID in 1/1000 em, written to the /W array. */
  readonly widths: number[];
  /** Code points per CID, written to the ToUnicode CMap. */
  readonly unicode: number[][];
  ref(): unknown;
}

export interface PdfkitPageInternals {
  readonly fonts: Record<string, unknown>;
}

export interface PdfkitDocumentInternals {
  _font: PdfkitEmbeddedFont;
  /** File identifier written to the trailer /ID; pdfkit derives it from the info dictionary. */
  _id: Uint8Array;
  page: PdfkitPageInternals;
}
