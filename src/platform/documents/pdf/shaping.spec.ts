import { loadFont } from './fonts';
import { latinSegments } from './segments';
import { shapePiece, shapeRun } from './shaping';

/**
 * HarfBuzz 6.0 output (glyph id, x advance, x offset, y offset) for Noto Sans Devanagari
 * Regular, recorded with hb_shape. fontkit must reproduce it: conjuncts, reph, the i-matra
 * variant drawn before its consonant cluster, nukta forms and GPOS mark offsets.
 */
const HARFBUZZ: Record<string, number[][]> = {
  वेरिफिकेशन: [
    [84, 556, 0, 0],
    [40, 0, 0, 0],
    [539, 259, 0, 0],
    [82, 409, 0, 0],
    [542, 259, 0, 0],
    [77, 771, 0, 0],
    [56, 768, 0, 0],
    [40, 0, -221, 0],
    [85, 680, 0, 0],
    [75, 555, 0, 0],
  ],
  कार्यक्रम: [
    [56, 768, 0, 0],
    [31, 259, 0, 0],
    [81, 580, 0, 0],
    [503, 0, 0, 0],
    [295, 768, 0, 0],
    [80, 598, 0, 0],
  ],
  क्षत्रिय: [
    [90, 717, 0, 0],
    [542, 259, 0, 0],
    [304, 552, 0, 0],
    [81, 580, 0, 0],
  ],
  द्वितीय: [
    [543, 259, 0, 0],
    [452, 575, 0, 0],
    [71, 570, 0, 0],
    [33, 259, 0, 0],
    [81, 580, 0, 0],
  ],
  मुख्यमंत्री: [
    [80, 598, 0, 0],
    [34, 0, 0, 0],
    [233, 585, 0, 0],
    [81, 580, 0, 0],
    [80, 598, 0, 0],
    [100, 0, 0, 0],
    [304, 552, 0, 0],
    [33, 259, 0, 0],
  ],
  कर्मियों: [
    [56, 768, 0, 0],
    [588, 259, 0, 0],
    [80, 598, 0, 0],
    [759, 0, 0, 0],
    [81, 580, 0, 0],
    [31, 259, 0, 0],
    [509, 0, 0, 0],
  ],
  श्रृंखला: [
    [317, 708, 0, 0],
    [36, 0, 0, 0],
    [100, 0, 0, 0],
    [57, 818, 0, 0],
    [83, 678, 0, 0],
    [31, 259, 0, 0],
  ],
  'ज\u093Cिला': [
    [548, 259, 0, 0],
    [224, 742, 0, 0],
    [83, 678, 0, 0],
    [31, 259, 0, 0],
  ],
};

function glyphTable(face: 'deva' | 'latin', text: string): number[][] {
  const run = shapeRun(face, text);
  return run.glyphIds.map((g, i) =>
    [g, run.advances[i], run.xOffsets[i], run.yOffsets[i]].map(Math.round),
  );
}

describe('shaping', () => {
  it('shapes Devanagari exactly like HarfBuzz: conjuncts, reph, i-matra and marks', () => {
    for (const [word, expected] of Object.entries(HARFBUZZ)) {
      expect({ word, glyphs: glyphTable('deva', word) }).toEqual({ word, glyphs: expected });
    }
  });

  it('forms क्ष, त्र, द्व and प्र as single conjunct glyphs', () => {
    for (const conjunct of ['क्ष', 'त्र', 'द्व', 'प्र']) {
      expect({ conjunct, glyphs: shapeRun('deva', conjunct).glyphIds.length }).toEqual({
        conjunct,
        glyphs: 1,
      });
    }
  });

  it('draws the i-matra before its consonant and the reph after, so ActualText is needed', () => {
    const ki = shapeRun('deva', 'कि');
    expect(ki.codePoints).toEqual([[0x093f], [0x0915]]);
    expect(ki.inLogicalOrder).toBe(false);
    const rm = shapeRun('deva', 'र्म');
    expect(rm.codePoints).toEqual([[0x092e], [0x0930, 0x094d]]);
  });

  it('needs ActualText when a mark is moved off the pen, as chandrabindu over ए is', () => {
    const run = shapeRun('deva', 'कराएँगे');
    const chandrabindu = run.codePoints.findIndex((c) => c[0] === 0x0901);
    expect(run.xOffsets[chandrabindu]).not.toBe(0);
    expect(run.inLogicalOrder).toBe(false);
    // A mark drawn right at the pen (the e-matra closing the word) is read back in place.
    expect(shapeRun('deva', 'गे').inLogicalOrder).toBe(true);
  });

  it('splits Latin runs only around digits', () => {
    expect(latinSegments('PRT/2026')).toEqual(['PRT/', '2', '0', '2', '6']);
    expect(latinSegments('Traffic')).toEqual(['Traffic']);
  });

  it('shapes digit-split Latin runs exactly as the whole string', () => {
    for (const text of [
      'PRT/2026/000123',
      '₹100',
      'BPL-1000',
      '06:00-14:00',
      'T1 V7 AV',
      'Page 12 of 240',
    ]) {
      const whole = shapePiece('latin', text);
      expect({ text, glyphs: glyphTable('latin', text) }).toEqual({
        text,
        glyphs: whole.glyphIds.map((g, i) =>
          [g, whole.advances[i], whole.xOffsets[i], whole.yOffsets[i]].map(Math.round),
        ),
      });
    }
  });

  it('reads plain Latin back in order, so no ActualText is needed', () => {
    expect(shapeRun('latin', 'Bhopal').inLogicalOrder).toBe(true);
  });

  it('draws the rupee sign from the Latin font with a real glyph, not .notdef', () => {
    const run = shapeRun('latin', '₹');
    expect(run.glyphIds[0]).not.toBe(0);
    expect(loadFont('latin').glyphForCodePoint(0x20b9).id).toBe(run.glyphIds[0]);
  });
});
