import { Flow } from '../flow';
import { TextStyle, wrapText } from '../text-layout';
import { THEME, baselineOffset, lineHeight } from '../theme';
import { KeyValueBlock } from '../types';

const KEY: TextStyle = { size: THEME.size.body, bold: true };
const VALUE: TextStyle = { size: THEME.size.body, bold: false };
const GUTTER = 10;

/** Label/value pairs (e.g. "आयोजक / Organiser: …"); each pair stays on one page. */
export function drawKeyValue(flow: Flow, block: KeyValueBlock): void {
  const share = Math.min(0.6, Math.max(0.1, block.keyShare ?? 0.3));
  const keyWidth = flow.width * share;
  const valueX = flow.left + keyWidth + GUTTER;
  const valueWidth = flow.width - keyWidth - GUTTER;
  const lh = lineHeight(THEME.size.body);
  for (const item of block.items) {
    const keyLines = wrapText(item.key, KEY, keyWidth);
    const valueLines = wrapText(item.value, VALUE, valueWidth);
    const rows = Math.max(keyLines.length, valueLines.length);
    flow.ensure(rows * lh);
    const top = flow.y;
    keyLines.forEach((line, i) => {
      flow.canvas.drawLine(line, flow.left, top + i * lh + baselineOffset(KEY.size), KEY);
    });
    valueLines.forEach((line, i) => {
      flow.canvas.drawLine(line, valueX, top + i * lh + baselineOffset(VALUE.size), VALUE);
    });
    flow.y = top + rows * lh + 2;
  }
  flow.gap(THEME.paragraphGap);
}
