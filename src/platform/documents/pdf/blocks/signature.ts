import { Flow } from '../flow';
import { LaidLine, TextStyle, wrapText } from '../text-layout';
import { THEME, lineHeight } from '../theme';
import { SignatureBlock } from '../types';

/** Room left above the name for a wet signature and seal. */
const SIGN_SPACE = 40;

/** Right-aligned signatory block, kept whole on one page. */
export function drawSignature(flow: Flow, block: SignatureBlock): void {
  const width = flow.width * 0.45;
  const x = flow.left + flow.width - width;
  const bold: TextStyle = { size: THEME.size.body, bold: true };
  const plain: TextStyle = { size: THEME.size.body, bold: false };
  const parts: { lines: readonly LaidLine[]; style: TextStyle }[] = [];
  for (const name of [block.nameHi, block.nameEn]) {
    if (name) parts.push({ lines: wrapText(name, bold, width), style: bold });
  }
  parts.push({ lines: wrapText(block.designation, plain, width), style: plain });
  const lh = lineHeight(THEME.size.body);
  const height = SIGN_SPACE + parts.reduce((h, p) => h + p.lines.length * lh, 0);
  flow.gap(THEME.paragraphGap);
  flow.ensure(height);
  flow.y += SIGN_SPACE;
  for (const part of parts) flow.drawLines(part.lines, part.style, 'center', x, width);
  flow.gap(THEME.paragraphGap);
}
