/** Which language(s) the fixed labels (Ref/Date/Page) are printed in; body text is as given. */
export type PdfLanguage = 'hi' | 'en' | 'bi';

export type TextAlign = 'left' | 'center' | 'right';

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
  /** 1 = document heading (centred by default), 2 = section heading. Default 2. */
  readonly level?: 1 | 2;
  readonly align?: TextAlign;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** Mixed Hindi/English text; '\n' forces a line break. */
  readonly text: string;
  readonly align?: TextAlign;
  readonly bold?: boolean;
  /** Left indent in points (e.g. for the addressee block). */
  readonly indent?: number;
}

export interface KeyValueBlock {
  readonly kind: 'keyValue';
  readonly items: readonly { readonly key: string; readonly value: string }[];
  /** Share of the text width given to the key column, 0.1–0.6. Default 0.3. */
  readonly keyShare?: number;
}

export interface TableColumn {
  readonly header: string;
  /**
   * Relative width: columns share the text width in proportion to these numbers, then each is
   * widened, where others have room, to hold its widest word (words are never broken in a
   * table; a cell whose word still does not fit is set smaller).
   */
  readonly width: number;
  readonly align?: TextAlign;
  /** Print a value once for a run of equal values under one group (and again atop each page). */
  readonly mergeRepeats?: boolean;
}

/** A row across the whole table heading the rows below it (a post, say): bold, then its detail. */
export interface TableGroupRow {
  readonly group: string;
  readonly detail?: string;
}

/** One string per column, or a group heading. */
export type TableRow = readonly string[] | TableGroupRow;

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  /** Rows are never split across pages; a group heading keeps its first row with it. */
  readonly rows: readonly TableRow[];
  /** Font size in points. Default 9. */
  readonly fontSize?: number;
}

export interface SignatureBlock {
  readonly kind: 'signature';
  readonly nameHi?: string;
  readonly nameEn?: string;
  /** Designation line(s); '\n' separates e.g. Hindi and English designations. */
  readonly designation: string;
}

export interface SpacerBlock {
  readonly kind: 'spacer';
  /** Height in points. */
  readonly height: number;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly items: readonly string[];
  readonly ordered?: boolean;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | KeyValueBlock
  | TableBlock
  | SignatureBlock
  | SpacerBlock
  | ListBlock
  | PageBreakBlock;

export interface Letterhead {
  readonly unitHi: string;
  readonly unitEn: string;
  /** Optional extra lines under the unit name (address, phone, e-mail). */
  readonly lines?: readonly string[];
}

export interface PdfSpec {
  readonly language: PdfLanguage;
  /** Document title: PDF metadata, running header, and a centred heading unless showTitle is false. */
  readonly title: string;
  readonly showTitle?: boolean;
  readonly letterhead: Letterhead;
  /** Reference number printed under the letterhead, e.g. "PRT/2026/000123". */
  readonly reference?: string;
  /** Issue instant; printed as dd-mm-yyyy in Asia/Kolkata and used as the PDF creation date. */
  readonly issuedAt: Date;
  readonly blocks: readonly Block[];
  /** Verification URL drawn as a QR code at the top right of the first page. */
  readonly qrUrl?: string;
  /** Stable id of the document; printed in the footer and part of the PDF file /ID. */
  readonly documentId: string;
  readonly pageSize?: 'A4' | 'A4-landscape';
  /**
   * A draft, not a paper: every page carries the "DRAFT — not valid" mark (a band at the top,
   * the footer in place of the document id, and a large diagonal mark across the page), and it
   * may carry no QR, so nothing on it can verify.
   */
  readonly draft?: boolean;
}

/** What a document drew without the fonts' own glyphs; characters as "U+2192 →". */
export interface GlyphCoverage {
  /** Characters no font has, drawn by their defined substitute (a vector arrow, ">=" for ≥). */
  readonly substituted: readonly string[];
  /** Characters with neither a font nor a substitute, drawn as '?' (copy still gives them). */
  readonly unsupported: readonly string[];
  /** Glyphs drawn as .notdef, the font's empty box; always 0 unless the coverage checks fail. */
  readonly notdefGlyphs: number;
}

export interface RenderedPdf {
  readonly pdf: Buffer;
  /** Hex sha256 of the PDF bytes; identical specs give identical hashes. */
  readonly sha256: string;
  readonly pageCount: number;
  readonly coverage: GlyphCoverage;
}

export class PdfSpecError extends Error {
  override readonly name = 'PdfSpecError';
}
