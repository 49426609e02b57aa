import { Flow } from '../flow';
import { TextStyle, textWidth, wrapText } from '../text-layout';
import { THEME, baselineOffset, lineHeight } from '../theme';
import { HeadingBlock, ListBlock, ParagraphBlock } from '../types';

const BODY: TextStyle = { size: THEME.size.body, bold: false };

export function drawHeading(flow: Flow, block: HeadingBlock): void {
  const level = block.level ?? 2;
  const style: TextStyle = { size: level === 1 ? THEME.size.h1 : THEME.size.h2, bold: true };
  const align = block.align ?? (level === 1 ? 'center' : 'left');
  const lines = wrapText(block.text, style, flow.width);
  flow.gap(THEME.paragraphGap / 2);
  // Keep the heading with at least two lines of what follows: a heading alone at the foot of
  // a page reads as a mistake on a printed order.
  flow.ensure(lines.length * lineHeight(style.size) + 2 * lineHeight(BODY.size));
  flow.drawLines(lines, style, align);
  flow.gap(THEME.paragraphGap / 2);
}

export function drawParagraph(flow: Flow, block: ParagraphBlock): void {
  const style: TextStyle = { size: THEME.size.body, bold: block.bold ?? false };
  const indent = block.indent ?? 0;
  const width = flow.width - indent;
  const lines = wrapText(block.text, style, width);
  // No orphan: the first two lines of a paragraph start on the same page.
  flow.ensure(Math.min(lines.length, 2) * lineHeight(style.size));
  flow.drawLines(lines, style, block.align ?? 'left', flow.left + indent, width);
  flow.gap(THEME.paragraphGap);
}

export function drawList(flow: Flow, block: ListBlock): void {
  const lh = lineHeight(BODY.size);
  const markers = block.items.map((_, i) => (block.ordered ? `${i + 1}.` : '•'));
  const markerWidth = Math.max(...markers.map((m) => textWidth(m, BODY)), 0) + 6;
  const width = flow.width - markerWidth;
  block.items.forEach((item, i) => {
    const lines = wrapText(item, BODY, width);
    flow.ensure(Math.min(lines.length, 2) * lh);
    const marker = wrapText(markers[i], BODY, markerWidth)[0];
    flow.canvas.drawLine(marker, flow.left, flow.y + baselineOffset(BODY.size), BODY);
    flow.drawLines(lines, BODY, 'left', flow.left + markerWidth, width);
    flow.gap(THEME.paragraphGap / 2);
  });
  flow.gap(THEME.paragraphGap / 2);
}
