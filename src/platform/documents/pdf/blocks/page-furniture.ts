import { Flow } from '../flow';
import { formatIstDate } from '../../../time';
import { labelsFor } from '../labels';
import { PdfCanvas } from '../pdf-canvas';
import { TextStyle, fitOneLine, wrapText } from '../text-layout';
import { THEME, baselineOffset, lineHeight } from '../theme';
import { PdfSpec } from '../types';
import { drawQr } from './qr';

const SMALL: TextStyle = { size: THEME.size.small, bold: false };

/** Height drawRunningHeader uses, so tables know how much a continuation page holds. */
export const RUNNING_HEADER_HEIGHT = lineHeight(THEME.size.small) + 8;

/** First-page letterhead: unit names, optional address lines, QR, reference and date. */
export function drawLetterhead(flow: Flow, spec: PdfSpec): void {
  const { canvas } = flow;
  const top = flow.y;
  const qrRoom = spec.qrUrl ? THEME.qrSize + 8 : 0;
  // Text is centred on the page and kept clear of the QR on both sides, so it stays centred.
  const x = flow.left + qrRoom;
  const width = flow.width - 2 * qrRoom;
  if (spec.qrUrl)
    drawQr(canvas, spec.qrUrl, flow.left + flow.width - THEME.qrSize, top, THEME.qrSize);
  flow.drawText(spec.letterhead.unitHi, { size: THEME.size.unit, bold: true }, 'center', x, width);
  flow.drawText(
    spec.letterhead.unitEn,
    { size: THEME.size.unitEn, bold: true },
    'center',
    x,
    width,
  );
  for (const line of spec.letterhead.lines ?? []) flow.drawText(line, SMALL, 'center', x, width);
  flow.y = Math.max(flow.y, top + THEME.qrSize) + 4;
  canvas.strokeLines([[flow.left, flow.y, flow.left + flow.width, flow.y]], THEME.rule * 2, 0);
  flow.y += 6;

  const labels = labelsFor(spec.language);
  const style: TextStyle = { size: THEME.size.body, bold: false };
  const half = flow.width / 2;
  const refLines = spec.reference
    ? wrapText(`${labels.reference}: ${spec.reference}`, style, half)
    : [];
  const dateLines = wrapText(`${labels.date}: ${formatIstDate(spec.issuedAt)}`, style, half);
  const rowTop = flow.y;
  refLines.forEach((line, i) => {
    canvas.drawLine(
      line,
      flow.left,
      rowTop + i * lineHeight(style.size) + baselineOffset(style.size),
      style,
    );
  });
  dateLines.forEach((line, i) => {
    const lx = flow.left + flow.width - line.width;
    canvas.drawLine(
      line,
      lx,
      rowTop + i * lineHeight(style.size) + baselineOffset(style.size),
      style,
    );
  });
  flow.y =
    rowTop +
    Math.max(refLines.length, dateLines.length) * lineHeight(style.size) +
    THEME.paragraphGap;
}

/** Pages after the first: one small line naming the unit, the title and the reference. */
export function drawRunningHeader(flow: Flow, spec: PdfSpec): void {
  const left = `${spec.letterhead.unitHi} / ${spec.letterhead.unitEn} — ${spec.title}`;
  const half = flow.width * 0.7;
  const line = fitOneLine(left, SMALL, half);
  const baseline = flow.y + baselineOffset(SMALL.size);
  flow.canvas.drawLine(line, flow.left, baseline, SMALL, 0.25);
  if (spec.reference) {
    const ref = fitOneLine(spec.reference, SMALL, flow.width - half);
    flow.canvas.drawLine(ref, flow.left + flow.width - ref.width, baseline, SMALL, 0.25);
  }
  const ruleY = flow.y + lineHeight(SMALL.size) + 2;
  flow.canvas.strokeLines([[flow.left, ruleY, flow.left + flow.width, ruleY]], THEME.rule, 0.5);
  flow.y += RUNNING_HEADER_HEIGHT;
}

const DRAFT_BAND: TextStyle = { size: THEME.size.body, bold: true };
const DRAFT_MARK: TextStyle = { size: 1000, bold: true };

/**
 * A draft's mark across the page, under everything drawn after it: its Hindi and English
 * lines as outlines (not text, so the letter's text reads back whole), light enough to read
 * the letter through, large enough that no copy passes for a paper.
 */
export function drawDraftWatermark(canvas: PdfCanvas): void {
  const labels = [labelsFor('hi').draft, labelsFor('en').draft.toUpperCase()];
  const angle = (Math.atan2(canvas.height, canvas.width) * 180) / Math.PI;
  const room = Math.hypot(canvas.width, canvas.height) * 0.62;
  labels.forEach((label, i) => {
    const line = fitOneLine(label, DRAFT_MARK, Number.MAX_SAFE_INTEGER);
    const size = Math.min(64, (room / line.width) * DRAFT_MARK.size);
    const scaled = fitOneLine(label, { size, bold: true }, Number.MAX_SAFE_INTEGER);
    // Hindi above, English below, apart along the diagonal's normal (page y grows down).
    const shift = (i === 0 ? -0.6 : 0.6) * size;
    const rad = (angle * Math.PI) / 180;
    const cx = canvas.width / 2 + shift * Math.sin(rad);
    const cy = canvas.height / 2 + shift * Math.cos(rad);
    canvas.fillOutlines(scaled, cx, cy, { size, bold: true }, angle, 0.86);
  });
}

/** A draft's mark as text in the top margin of every page: what copy and pdftotext give back. */
function drawDraftBand(canvas: PdfCanvas, spec: PdfSpec, left: number, right: number): void {
  const line = fitOneLine(labelsFor(spec.language).draft, DRAFT_BAND, right - left - 12);
  const height = lineHeight(DRAFT_BAND.size) + 2;
  const top = THEME.margin.top - height - 6;
  const x = left + (right - left - line.width) / 2;
  canvas.strokeLines(
    [
      [x - 6, top, x + line.width + 6, top],
      [x + line.width + 6, top, x + line.width + 6, top + height],
      [x + line.width + 6, top + height, x - 6, top + height],
      [x - 6, top + height, x - 6, top],
    ],
    1.2,
    0,
  );
  canvas.drawLine(line, x, top + 1 + baselineOffset(DRAFT_BAND.size), DRAFT_BAND, 0);
}

/**
 * "Page x of y / पृष्ठ x / y" and the document id, on every page once the count is known. A
 * draft prints its mark at the top and in place of the id: it is no document of the registry.
 */
export function drawFooters(canvas: PdfCanvas, spec: PdfSpec, left: number, right: number): void {
  const labels = labelsFor(spec.language);
  const count = canvas.pageCount();
  const ruleY = canvas.height - THEME.margin.bottom + 10;
  const baseline = ruleY + 4 + baselineOffset(SMALL.size);
  const idLine = spec.draft
    ? fitOneLine(labels.draft, { size: SMALL.size, bold: true }, (right - left) / 2)
    : fitOneLine(`${labels.documentId}: ${spec.documentId}`, SMALL, (right - left) / 2);
  for (let i = 0; i < count; i++) {
    canvas.switchToPage(i);
    if (spec.draft) drawDraftBand(canvas, spec, left, right);
    canvas.strokeLines([[left, ruleY, right, ruleY]], THEME.rule, 0.5);
    canvas.drawLine(idLine, left, baseline, spec.draft ? { size: SMALL.size, bold: true } : SMALL, spec.draft ? 0 : 0.25);
    const page = fitOneLine(labels.page(i + 1, count), SMALL, (right - left) / 2);
    canvas.drawLine(page, right - page.width, baseline, SMALL, 0.25);
  }
  canvas.flush();
}
