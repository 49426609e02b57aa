import { Flow, alignedX } from '../flow';
import { LaidLine, TextStyle, wrapText } from '../text-layout';
import { THEME, baselineOffset, lineHeight } from '../theme';
import { PdfSpecError, TableBlock, TextAlign } from '../types';

type Segment = readonly [number, number, number, number];

interface Column {
  readonly x: number;
  readonly width: number;
  readonly align: TextAlign;
}

interface LaidRow {
  readonly cells: readonly (readonly LaidLine[])[];
  readonly height: number;
}

function layoutRow(
  texts: readonly string[],
  columns: readonly Column[],
  style: TextStyle,
): LaidRow {
  const lh = lineHeight(style.size);
  let maxLines = 1;
  const cells = columns.map((col, i) => {
    const lines = wrapText(texts[i] ?? '', style, col.width - 2 * THEME.cellPadX);
    if (lines.length > maxLines) maxLines = lines.length;
    return lines;
  });
  return { cells, height: maxLines * lh + 2 * THEME.cellPadY };
}

/**
 * Table that repeats its header row on every page and never splits a row. Borders are
 * collected per page and stroked once, which keeps 5,000-row duty charts small and fast.
 */
export function drawTable(flow: Flow, block: TableBlock, tableIndex: number): void {
  const size = block.fontSize ?? THEME.size.table;
  const body: TextStyle = { size, bold: false };
  const head: TextStyle = { size, bold: true };
  const totalWeight = block.columns.reduce((s, c) => s + c.width, 0);
  let x = flow.left;
  const columns: Column[] = block.columns.map((c) => {
    const col = { x, width: (flow.width * c.width) / totalWeight, align: c.align ?? 'left' };
    x += col.width;
    return col;
  });
  const header = layoutRow(
    block.columns.map((c) => c.header),
    columns,
    head,
  );
  const right = flow.left + flow.width;
  let chunkTop = 0;
  let rules: Segment[] = [];

  const drawRow = (row: LaidRow, style: TextStyle): void => {
    const top = flow.y;
    row.cells.forEach((lines, i) => {
      const col = columns[i];
      const inner = col.width - 2 * THEME.cellPadX;
      lines.forEach((line, n) => {
        const baseline = top + THEME.cellPadY + n * lineHeight(size) + baselineOffset(size);
        flow.canvas.drawLine(
          line,
          alignedX(line, col.x + THEME.cellPadX, inner, col.align),
          baseline,
          style,
        );
      });
    });
    flow.y = top + row.height;
    rules.push([flow.left, flow.y, right, flow.y]);
  };

  const closeChunk = (): void => {
    if (flow.y <= chunkTop) return;
    rules.push([flow.left, chunkTop, right, chunkTop]);
    for (const col of columns) rules.push([col.x, chunkTop, col.x, flow.y]);
    rules.push([right, chunkTop, right, flow.y]);
    flow.canvas.strokeLines(rules, THEME.tableBorder, 0);
    rules = [];
  };

  const openChunk = (): void => {
    chunkTop = flow.y;
    flow.canvas.fillRect(flow.left, flow.y, flow.width, header.height, THEME.tableHeaderFill);
    drawRow(header, head);
  };

  const firstRow = block.rows.length > 0 ? layoutRow(block.rows[0], columns, body) : undefined;
  flow.ensure(header.height + (firstRow?.height ?? 0));
  openChunk();
  block.rows.forEach((cells, r) => {
    const row = r === 0 && firstRow ? firstRow : layoutRow(cells, columns, body);
    if (row.height > flow.remaining) {
      if (header.height + row.height > flow.pageCapacity) {
        throw new PdfSpecError(
          `table ${tableIndex + 1}, row ${r + 1} is taller than a page; shorten its text`,
        );
      }
      closeChunk();
      flow.newPage();
      openChunk();
    }
    drawRow(row, body);
  });
  closeChunk();
  flow.gap(THEME.paragraphGap);
}
