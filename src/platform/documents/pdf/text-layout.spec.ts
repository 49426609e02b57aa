import { fitOneLine, measureWord, textWidth, wrapText } from './text-layout';

const STYLE = { size: 10, bold: false };

function lineTexts(text: string, width: number): string[] {
  return wrapText(text, STYLE, width).map((l) => l.words.map((w) => w.source).join(' '));
}

describe('text layout', () => {
  it('wraps mixed Hindi and English at spaces within the width', () => {
    const text = 'धरना-प्रदर्शन की अनुमति for the rally at Neelam Park, भोपाल';
    const lines = wrapText(text, STYLE, 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(lines.flatMap((l) => l.words.map((w) => w.source)).join(' ')).toBe(text);
  });

  it('keeps hard line breaks and blank lines', () => {
    expect(lineTexts('प्रति,\nपुलिस अधीक्षक\n\nज़िला रायसेन', 400)).toEqual([
      'प्रति,',
      'पुलिस अधीक्षक',
      '',
      'ज़िला रायसेन',
    ]);
  });

  it('breaks a too-long reference after a slash rather than mid-number', () => {
    const width = textWidth('PRT/2026/', STYLE) + 1;
    expect(lineTexts('PRT/2026/000123', width)).toEqual(['PRT/2026/', '000123']);
  });

  it('measures a word once and reuses it', () => {
    expect(measureWord('निरीक्षक', false)).toBe(measureWord('निरीक्षक', false));
    expect(measureWord('निरीक्षक', true).width).toBeGreaterThan(measureWord('निरीक्षक', false).width);
  });

  it('shortens a line that does not fit with an ellipsis', () => {
    const line = fitOneLine('पुलिस आयुक्त, भोपाल / Commissioner of Police, Bhopal', STYLE, 100);
    expect(line.width).toBeLessThanOrEqual(100);
    expect(line.words[line.words.length - 1].source).toBe('…');
  });
});
