import { Flow, alignedX } from '../flow';
import { LaidLine, TextStyle, widestWordWidth, wrapText } from '../text-layout';
import { THEME, baselineOffset, lineHeight } from '../theme';
import { PdfSpecError, TableBlock, TableGroupRow, TableRow, TextAlign } from '../types';

type Segment = readonly [number, number, number, number];

interface Column {
  readonly x: number;
  readonly width: number;
  readonly align: TextAlign;
}

interface LaidCell {
  readonly lines: readonly LaidLine[];
  readonly size: number;
}

interface LaidRow {
  readonly cells: readonly LaidCell[];
  readonly height: number;
}

/** A cell never goes below this size to keep a word whole; below it, the word is broken. */
const MIN_CELL_SIZE = 5;
/** No column takes more than this share of the table to fit its widest word. */
const MAX_FIT_SHARE = 0.4;
const GROUP_FILL = 0.95;

export const isGroupRow = (row: TableRow): row is TableGroupRow => !Array.isArray(row);

/**
 * A cell's lines. Words are never broken in a table, so an identifier (a belt number, a mobile,
 * a reference, a time) reads whole: a word wider than the column shrinks the cell's type until
 * it fits, in quarter points, down to MIN_CELL_SIZE; only a word wider even then is broken.
 */
function layoutCell(text: string, inner: number, style: TextStyle): LaidCell {
  const widest = widestWordWidth(text, style);
  let size = style.size;
  if (widest > inner) size = Math.max(MIN_CELL_SIZE, Math.floor(((style.size * inner) / widest) * 4) / 4);
  return { lines: wrapText(text, { size, bold: style.bold }, inner), size };
}

function layoutRow(texts: readonly string[], columns: readonly Column[], style: TextStyle): LaidRow {
  let height = 0;
  const cells = columns.map((col, i) => {
    const cell = layoutCell(texts[i] ?? '', col.width - 2 * THEME.cellPadX, style);
    height = Math.max(height, cell.lines.length * lineHeight(cell.size));
    return cell;
  });
  return { cells, height: Math.max(height, lineHeight(style.size)) + 2 * THEME.cellPadY };
}

/**
 * Column widths: the relative widths asked for, then every column widened to hold its widest
 * word (header included) where the others have room to spare, so identifiers need no shrinking.
 */
function columnWidths(block: TableBlock, total: number, size: number): number[] {
  const weight = block.columns.reduce((s, c) => s + c.width, 0);
  const base = block.columns.map((c) => (total * c.width) / weight);
  const need = block.columns.map((c, i) => {
    let widest = widestWordWidth(c.header, { size, bold: true });
    for (const row of block.rows) if (!isGroupRow(row)) widest = Math.max(widest, widestWordWidth(row[i] ?? '', { size, bold: false }));
    return Math.min(widest + 2 * THEME.cellPadX + 0.5, total * MAX_FIT_SHARE);
  });
  const deficit = base.reduce((s, b, i) => s + Math.max(0, need[i]! - b), 0);
  const slack = base.reduce((s, b, i) => s + Math.max(0, b - need[i]!), 0);
  if (deficit === 0 || slack === 0) return base;
  const take = Math.min(deficit, slack);
  return base.map((b, i) => (b < need[i]! ? b + ((need[i]! - b) * take) / deficit : b - ((b - need[i]!) * take) / slack));
}

/**
 * Table that repeats its header row on every page and never splits a row. Group rows (a post,
 * say) span the table and head the rows under them; a group cut by a page break is headed
 * again, marked continued. A column with `mergeRepeats` prints a value once for a run of
 * equal values in a group, and again at the top of each page. Borders are collected per page
 * and stroked once, which keeps 5,000-row duty charts small and fast.
 */
export function drawTable(flow: Flow, block: TableBlock, tableIndex: number, continued = 'continued'): void {
  const size = block.fontSize ?? THEME.size.table;
  const body: TextStyle = { size, bold: false };
  const head: TextStyle = { size, bold: true };
  let x = flow.left;
  const columns: Column[] = columnWidths(block, flow.width, size).map((width, i) => {
    const col = { x, width, align: block.columns[i]!.align ?? 'left' };
    x += width;
    return col;
  });
  const header = layoutRow(
    block.columns.map((c) => c.header),
    columns,
    head,
  );
  const right = flow.left + flow.width;
  const groupInner = flow.width - 2 * THEME.cellPadX;
  const merged = block.columns.map((c) => !!c.mergeRepeats);
  let chunkTop = 0;
  let bandTop = 0;
  let rules: Segment[] = [];
  let group: TableGroupRow | null = null;
  let previous: readonly string[] | null = null;

  const layoutGroup = (g: TableGroupRow, cont: boolean) => {
    const title = wrapText(cont ? `${g.group} (${continued})` : g.group, head, groupInner);
    const detail = g.detail ? wrapText(g.detail, body, groupInner) : [];
    return { title, detail, height: (title.length + detail.length) * lineHeight(size) + 2 * THEME.cellPadY };
  };

  /** The row as printed: merged cells equal to the row above (in its group, on its page) blank. */
  const shown = (cells: readonly string[]): readonly string[] => {
    const prev = previous;
    if (!prev) return cells;
    let same = true;
    return cells.map((c, i) => {
      if (!merged[i]) return c;
      same &&= prev[i] === c;
      return same ? '' : c;
    });
  };

  const closeBand = (): void => {
    if (flow.y > bandTop) for (const col of columns.slice(1)) rules.push([col.x, bandTop, col.x, flow.y]);
    bandTop = flow.y;
  };

  const drawRow = (row: LaidRow, style: TextStyle): void => {
    const top = flow.y;
    row.cells.forEach((cell, i) => {
      const col = columns[i]!;
      const inner = col.width - 2 * THEME.cellPadX;
      const cellStyle = { size: cell.size, bold: style.bold };
      cell.lines.forEach((line, n) => {
        const baseline = top + THEME.cellPadY + n * lineHeight(cell.size) + baselineOffset(cell.size);
        flow.canvas.drawLine(line, alignedX(line, col.x + THEME.cellPadX, inner, col.align), baseline, cellStyle);
      });
    });
    flow.y = top + row.height;
    rules.push([flow.left, flow.y, right, flow.y]);
  };

  const drawGroup = (laid: ReturnType<typeof layoutGroup>): void => {
    closeBand();
    const top = flow.y;
    flow.canvas.fillRect(flow.left, top, flow.width, laid.height, GROUP_FILL);
    const lh = lineHeight(size);
    [...laid.title.map((l) => [l, head] as const), ...laid.detail.map((l) => [l, body] as const)].forEach(([line, style], n) => {
      flow.canvas.drawLine(line, flow.left + THEME.cellPadX, top + THEME.cellPadY + n * lh + baselineOffset(size), style);
    });
    flow.y = top + laid.height;
    rules.push([flow.left, flow.y, right, flow.y]);
    bandTop = flow.y;
  };

  const closeChunk = (): void => {
    if (flow.y <= chunkTop) return;
    closeBand();
    rules.push([flow.left, chunkTop, right, chunkTop]);
    rules.push([flow.left, chunkTop, flow.left, flow.y]);
    rules.push([right, chunkTop, right, flow.y]);
    flow.canvas.strokeLines(rules, THEME.tableBorder, 0);
    rules = [];
  };

  const openChunk = (): void => {
    chunkTop = flow.y;
    flow.canvas.fillRect(flow.left, flow.y, flow.width, header.height, THEME.tableHeaderFill);
    bandTop = flow.y;
    drawRow(header, head);
    previous = null;
  };

  const tooTall = (height: number, r: number): void => {
    if (header.height + height > flow.pageCapacity)
      throw new PdfSpecError(`table ${tableIndex + 1}, row ${r + 1} is taller than a page; shorten its text`);
  };

  const firstHeight = (() => {
    const first = block.rows[0];
    if (!first) return 0;
    if (!isGroupRow(first)) return layoutRow(first, columns, body).height;
    const next = block.rows[1];
    return layoutGroup(first, false).height + (next && !isGroupRow(next) ? layoutRow(next, columns, body).height : 0);
  })();
  flow.ensure(header.height + firstHeight);
  openChunk();
  block.rows.forEach((row, r) => {
    if (isGroupRow(row)) {
      const laid = layoutGroup(row, false);
      // A group heading is never left alone at the foot of a page: it keeps its first row.
      const next = block.rows[r + 1];
      const keep = next && !isGroupRow(next) ? layoutRow(next, columns, body).height : 0;
      tooTall(laid.height + keep, r);
      if (laid.height + keep > flow.remaining) {
        closeChunk();
        flow.newPage();
        openChunk();
      }
      group = row;
      previous = null;
      drawGroup(laid);
      return;
    }
    let laid = layoutRow(shown(row), columns, body);
    if (laid.height > flow.remaining) {
      tooTall(laid.height, r);
      closeChunk();
      flow.newPage();
      openChunk();
      if (group) {
        const contd = layoutGroup(group, true);
        drawGroup(contd);
      }
      laid = layoutRow(row, columns, body);
    }
    drawRow(laid, body);
    previous = row;
  });
  closeChunk();
  flow.gap(THEME.paragraphGap);
}
