import PDFDocument from 'pdfkit';
import { drawKeyValue } from './blocks/key-value';
import {
  RUNNING_HEADER_HEIGHT,
  drawDraftWatermark,
  drawFooters,
  drawLetterhead,
  drawRunningHeader,
} from './blocks/page-furniture';
import { drawSignature } from './blocks/signature';
import { drawTable } from './blocks/table';
import { drawHeading, drawList, drawParagraph } from './blocks/text-blocks';
import { canonicalJson, fileIdFor, sha256Hex } from './digest';
import { Flow } from './flow';
import { labelsFor } from './labels';
import { PdfCanvas } from './pdf-canvas';
import { PdfkitDocumentInternals } from './pdfkit-internals';
import { THEME } from './theme';
import { Block, PdfSpec, RenderedPdf } from './types';
import { validateSpec } from './validate';

const PRODUCER = 'police-ops PDF engine (PDFKit 0.20)';

function drawBlock(flow: Flow, block: Block, index: number, language: PdfSpec['language']): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(flow, block);
    case 'paragraph':
      return drawParagraph(flow, block);
    case 'keyValue':
      return drawKeyValue(flow, block);
    case 'table':
      return drawTable(flow, block, index, labelsFor(language).continued);
    case 'signature':
      return drawSignature(flow, block);
    case 'list':
      return drawList(flow, block);
    case 'spacer':
      flow.gap(block.height);
      return;
    case 'pageBreak':
      flow.newPage();
      return;
    default: {
      const unknown: never = block;
      throw new Error(`unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

function createDocument(spec: PdfSpec, specJson: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true, // footers need the final page count
    compress: true,
    pdfVersion: '1.7',
    lang: spec.language === 'en' ? 'en-IN' : 'hi-IN',
    displayTitle: true,
    info: {
      Title: spec.draft ? `${labelsFor(spec.language).draft}: ${spec.title}` : spec.title,
      Author: spec.letterhead.unitEn,
      Subject: spec.reference ?? spec.title,
      Keywords: spec.documentId,
      Creator: 'police-ops',
      Producer: PRODUCER,
      // Dates come from the input, never the clock: re-rendering must give the same bytes.
      CreationDate: spec.issuedAt,
      ModDate: spec.issuedAt,
    },
  });
  (doc as unknown as PdfkitDocumentInternals)._id = fileIdFor(specJson);
  return doc;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders a spec to PDF bytes plus their sha256. Identical specs give identical bytes. */
export async function renderPdfDocument(spec: PdfSpec): Promise<RenderedPdf> {
  validateSpec(spec);
  const specJson = canonicalJson(spec);
  const doc = createDocument(spec, specJson);
  const landscape = spec.pageSize === 'A4-landscape';
  const width = landscape ? THEME.a4.height : THEME.a4.width;
  const height = landscape ? THEME.a4.width : THEME.a4.height;
  const canvas = new PdfCanvas(doc, width, height);
  const { margin } = THEME;
  const frame = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  };
  const flow = new Flow(
    canvas,
    frame,
    (f, pageIndex) => {
      // First on the page, so the letter is drawn over the mark, never under it.
      if (spec.draft) drawDraftWatermark(f.canvas);
      if (pageIndex === 0) drawLetterhead(f, spec);
      else drawRunningHeader(f, spec);
    },
    RUNNING_HEADER_HEIGHT,
  );
  flow.newPage();
  if (spec.showTitle ?? true) drawHeading(flow, { kind: 'heading', text: spec.title, level: 1 });
  spec.blocks.forEach((block, i) => drawBlock(flow, block, i, spec.language));
  canvas.flush();
  drawFooters(canvas, spec, frame.left, frame.right);
  const pageCount = canvas.pageCount();
  // Listen only once layout has succeeded; pdfkit buffers what it wrote so far, and a spec
  // error thrown above leaves no dangling stream consumer behind.
  const bytes = collect(doc);
  doc.end();
  const pdf = await bytes;
  return { pdf, sha256: sha256Hex(pdf), pageCount, coverage: canvas.glyphCoverage() };
}

/** Convenience wrapper when only the bytes are needed. */
export async function renderPdf(spec: PdfSpec): Promise<Buffer> {
  return (await renderPdfDocument(spec)).pdf;
}
