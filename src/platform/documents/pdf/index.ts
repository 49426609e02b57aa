/**
 * Pure PDF rendering engine for bilingual (Hindi/English) police papers: no Nest, no database.
 *
 *   const { pdf, sha256, pageCount } = await renderPdfDocument({
 *     language: 'bi',
 *     title: 'ड्यूटी चार्ट / Duty Chart',
 *     letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
 *     reference: 'DC/2026/000042',
 *     issuedAt: new Date(),          // printed dd-mm-yyyy (IST); also the PDF creation date
 *     documentId: 'duty-chart-42',   // footer + PDF /ID
 *     qrUrl: 'https://…/verify/…',   // optional verification QR, top right of page 1
 *     blocks: [{ kind: 'table', columns: [{ header: 'नाम / Name', width: 2 }], rows: [['राम']] }],
 *   });
 *
 * Same spec in, same bytes out. Call warmUpPdfEngine() once at application start.
 */
export { renderPdf, renderPdfDocument } from './render';
export type {
  Block,
  GlyphCoverage,
  HeadingBlock,
  KeyValueBlock,
  Letterhead,
  ListBlock,
  PageBreakBlock,
  ParagraphBlock,
  PdfLanguage,
  PdfSpec,
  RenderedPdf,
  SignatureBlock,
  SpacerBlock,
  TableBlock,
  TableColumn,
  TableGroupRow,
  TableRow,
  TextAlign,
} from './types';
export { PdfSpecError } from './types';
export { warmUpPdfEngine } from './warm-up';
