/** Formats a coordinate with at most two decimals (1/7200 inch is far below what prints). */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const HEX4: string[] = [];

/** 4-digit hex glyph code for Identity-H; memoised because every glyph of every cell needs one. */
export function hex4(cid: number): string {
  return (HEX4[cid] ??= cid.toString(16).padStart(4, '0'));
}

/**
 * Builds one BT…ET text object. It tracks where the PDF text cursor is after each glyph (the
 * glyph's /W width) and only emits a positioning operator when the shaper wants the next glyph
 * elsewhere: a TJ kerning number for horizontal moves, a new text matrix for vertical ones
 * (Devanagari marks). That keeps a 5,000-row table's content streams small.
 *
 * pdfkit's page space has y growing downwards, so the text matrix flips y back (1 0 0 -1).
 */
export class TextObject {
  private out: string;
  private tj = '';
  private hex = '';
  private curX = Number.NaN;
  private curY = Number.NaN;
  private fontId = '';
  private readonly unitsPerPoint: number;

  constructor(
    private readonly size: number,
    gray: number,
  ) {
    this.out = `BT ${fmt(gray)} g\n`;
    this.unitsPerPoint = 1000 / size;
  }

  setFont(id: string): void {
    if (id === this.fontId) return;
    this.closeTj();
    this.out += `/${id} ${fmt(this.size)} Tf\n`;
    this.fontId = id;
  }

  /** Draws one glyph with its origin at (x, y) in page points; `width` is its /W width in 1/1000 em. */
  glyph(code: string, x: number, y: number, width: number): void {
    if (y !== this.curY || Number.isNaN(this.curX)) {
      this.closeTj();
      this.out += `1 0 0 -1 ${fmt(x)} ${fmt(y)} Tm\n`;
      this.curY = y;
    } else {
      const diff = x - this.curX;
      if (diff > 0.01 || diff < -0.01) {
        this.closeHex();
        this.tj += fmt(-diff * this.unitsPerPoint);
      }
    }
    this.hex += code;
    this.curX = x + width / this.unitsPerPoint;
  }

  /** Marked-content operators cannot sit inside a TJ array, so the array is closed first. */
  operator(op: string): void {
    this.closeTj();
    this.out += op + '\n';
  }

  finish(): string {
    this.closeTj();
    return this.out + 'ET';
  }

  private closeHex(): void {
    if (this.hex) {
      this.tj += `<${this.hex}>`;
      this.hex = '';
    }
  }

  private closeTj(): void {
    this.closeHex();
    if (this.tj) {
      this.out += `[${this.tj}] TJ\n`;
      this.tj = '';
    }
  }
}
