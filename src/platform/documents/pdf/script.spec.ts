import { loadFont } from './fonts';
import { ScriptSplitter } from './script';

const splitter = new ScriptSplitter({ latin: loadFont('latin'), deva: loadFont('deva') });

describe('ScriptSplitter', () => {
  it('gives Devanagari to the Devanagari font and punctuation and spaces to the Latin font', () => {
    expect(splitter.split('पुलिस आयुक्त, भोपाल')).toEqual([
      { script: 'deva', text: 'पुलिस' },
      { script: 'latin', text: ' ' },
      { script: 'deva', text: 'आयुक्त' },
      { script: 'latin', text: ', ' },
      { script: 'deva', text: 'भोपाल' },
    ]);
  });

  it('draws the rupee sign, digits, hyphen and slash with the Latin font', () => {
    expect(splitter.split('₹100-/')).toEqual([{ script: 'latin', text: '₹100-/' }]);
    expect(loadFont('latin').hasGlyphForCodePoint(0x20b9)).toBe(true);
  });

  it('keeps danda and Devanagari digits in the Devanagari run', () => {
    expect(splitter.split('अनुमति। १२')).toEqual([
      { script: 'deva', text: 'अनुमति।' },
      { script: 'latin', text: ' ' },
      { script: 'deva', text: '१२' },
    ]);
  });

  it('keeps joiners and nukta inside the syllable they shape', () => {
    expect(splitter.split('क्\u200Dष ज\u093Cिला')).toEqual([
      { script: 'deva', text: 'क्\u200Dष' },
      { script: 'latin', text: ' ' },
      { script: 'deva', text: 'ज\u093Cिला' },
    ]);
  });

  it('gives arrows, which neither font has, to vector symbol runs and ≥ to its text substitute', () => {
    expect(splitter.split('से → तक')).toEqual([
      { script: 'deva', text: 'से' },
      { script: 'latin', text: ' ' },
      { script: 'symbol', text: '→' },
      { script: 'latin', text: ' ' },
      { script: 'deva', text: 'तक' },
    ]);
    expect(splitter.split('≥10')).toEqual([{ script: 'latin', text: '>=10' }]);
    expect(splitter.coverage('A → B ≥ க')).toEqual({
      substituted: [0x2192, 0x2265],
      unsupported: [0x0b95],
    });
  });

  it('draws "?" for characters no font has instead of an empty box, and drops control characters', () => {
    expect(splitter.split('a\u0B95b\u0007')).toEqual([{ script: 'latin', text: 'a?b' }]);
  });
});
