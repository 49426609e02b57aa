import { PdfCanvas } from './pdf-canvas';
import { LaidLine, TextStyle, wrapText } from './text-layout';
import { baselineOffset, lineHeight } from './theme';
import { TextAlign } from './types';

export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * A vertical cursor over the pages' text area. Block renderers ask it for room; when a block
 * part does not fit, it starts a new page and lets the document draw its running header.
 */
export class Flow {
  y = 0;
  private pageTop = 0;
  private pages = 0;

  /**
   * @param onNewPage draws the page's header (letterhead on the first page, running header on
   *   later ones) and advances y past it
   * @param runningHeaderHeight height the running header takes on continuation pages
   */
  constructor(
    readonly canvas: PdfCanvas,
    readonly frame: Frame,
    private readonly onNewPage: (flow: Flow, pageIndex: number) => void,
    private readonly runningHeaderHeight: number,
  ) {}

  get left(): number {
    return this.frame.left;
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  get remaining(): number {
    return this.frame.bottom - this.y;
  }

  /** Height a block gets on a fresh continuation page; anything taller can never fit whole. */
  get pageCapacity(): number {
    return this.frame.bottom - this.frame.top - this.runningHeaderHeight;
  }

  newPage(): void {
    const index = this.pages++;
    this.canvas.addPage();
    this.y = this.frame.top;
    this.pageTop = this.y;
    this.onNewPage(this, index);
    this.pageTop = this.y;
  }

  /** Starts a new page unless `height` fits below the cursor; never leaves a page empty. */
  ensure(height: number): void {
    if (height > this.remaining && this.y > this.pageTop + 0.01) this.newPage();
  }

  /** Vertical gap that is dropped at the top of a page, where it would only waste space. */
  gap(height: number): void {
    if (this.y > this.pageTop + 0.01) this.y = Math.min(this.y + height, this.frame.bottom);
  }

  /** Draws wrapped lines, breaking pages between lines. */
  drawLines(
    lines: readonly LaidLine[],
    style: TextStyle,
    align: TextAlign = 'left',
    x = this.left,
    width = this.width,
  ): void {
    const lh = lineHeight(style.size);
    for (const line of lines) {
      this.ensure(lh);
      this.canvas.drawLine(
        line,
        alignedX(line, x, width, align),
        this.y + baselineOffset(style.size),
        style,
      );
      this.y += lh;
    }
  }

  drawText(
    text: string,
    style: TextStyle,
    align: TextAlign = 'left',
    x = this.left,
    width = this.width,
  ): void {
    this.drawLines(wrapText(text, style, width), style, align, x, width);
  }
}

export function alignedX(line: LaidLine, x: number, width: number, align: TextAlign): number {
  if (align === 'center') return x + (width - line.width) / 2;
  if (align === 'right') return x + width - line.width;
  return x;
}
