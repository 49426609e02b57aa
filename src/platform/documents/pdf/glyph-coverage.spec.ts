import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFont } from './fonts';
import { renderPdfDocument } from './render';
import { ScriptSplitter } from './script';
import { substitutedCodePoints, textSubstituteFor } from './symbols';
import { glyphProblems } from './testing/pdf-glyphs';
import { Poppler } from './testing/poppler';
import { Block, PdfSpec } from './types';

const SRC = join(__dirname, '../../..');
const ROOT = join(SRC, '..');

/**
 * Every character outside ASCII that the templates, the code (the papers' blocks, labels and
 * messages) and the demo data can put on a paper. Spec files are left out: their odd characters
 * are there to test the fallback.
 */
function charactersWeUse(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|txt|csv)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
        for (const ch of readFileSync(path, 'utf8')) {
          const cp = ch.codePointAt(0) as number;
          if (cp > 0x7e && cp !== 0xfeff) found.add(ch);
        }
      }
    }
  };
  walk(join(ROOT, 'templates'));
  walk(SRC);
  return [...found].sort();
}

const CLASSES: Record<string, string> = {
  devanagari: 'धरना-प्रदर्शन की अनुमति कैरेक्टर वेरिफिकेशन श्रीमती क्षत्रिय द्वितीय कर्मियों श्रृंखला',
  conjuncts: 'क्ष त्र ज्ञ द्व प्र श्र स्त्र र्म क्\u200Dष क्\u200Cष',
  nukta: 'ज़िला ज\u093Cिला फ़ाइल ड़ ढ़ क़ ख़ ग़',
  chandrabindu: 'कराएँगे पहुँचेंगे मुँह',
  latin: 'Permission for Dharna at Ambedkar Park, TT Nagar; José Müller',
  digits: '0123456789 ०१२३४५६७८९ PRT/2026/000123 06:00–14:00',
  rupee: '₹100/- ₹ 5,000',
  arrows: 'New Market → TT Nagar Stadium; से → तक / From → To; रोशनपुरा → बोर्ड ऑफिस',
  punctuation: '— – … ‘ ’ “ ” • · § © ® ° × ÷ « » । ॥',
};

function paper(text: readonly string[], title = 'से → तक / From → To'): PdfSpec {
  const blocks: Block[] = [];
  for (const bold of [false, true]) {
    for (const t of text) blocks.push({ kind: 'paragraph', text: t, bold });
  }
  blocks.push(
    { kind: 'heading', text: text.join(' ') },
    { kind: 'keyValue', items: text.map((t, i) => ({ key: `${i + 1} → / Key`, value: t })) },
    { kind: 'list', items: [...text] },
    {
      kind: 'table',
      columns: [
        { header: 'से → तक / From → To', width: 1 },
        { header: 'विवरण / Item', width: 3 },
      ],
      rows: text.map((t, i) => [`${i + 1} →`, t]),
    },
    {
      kind: 'signature',
      nameHi: 'हरिनारायणचारी मिश्र',
      designation: 'पुलिस आयुक्त → भोपाल / Commissioner',
    },
  );
  return {
    language: 'bi',
    title,
    letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
    reference: 'VIP/2026/000001 (R2)',
    issuedAt: new Date('2026-03-04T20:00:00Z'),
    documentId: 'glyph-coverage',
    qrUrl: 'https://police-ops.bhopal.example/verify/x',
    blocks,
  };
}

describe('glyph coverage', () => {
  let poppler: Poppler;

  beforeAll(async () => {
    poppler = await Poppler.create();
  });

  afterAll(async () => {
    await poppler.dispose();
  });

  it('draws every character class the papers use with real glyphs or a defined substitute, never .notdef or "?"', async () => {
    const { pdf, coverage } = await renderPdfDocument(paper(Object.values(CLASSES)));
    expect(coverage.unsupported).toEqual([]);
    expect(coverage.notdefGlyphs).toBe(0);
    expect(coverage.substituted).toEqual(['U+2192 →']);
    expect(glyphProblems(pdf)).toEqual({ notdef: [], questionMarks: [] });
    // pdftotext reads the words' ActualText, so it still gives the arrows back.
    const text = (await poppler.pagesText(pdf)).join('\n');
    expect(text).toContain('New Market → TT Nagar Stadium');
    expect(text).toContain('से → तक / From → To');
  });

  it('draws every character of the templates, the code and the demo data', async () => {
    const chars = charactersWeUse();
    expect(chars).toEqual(expect.arrayContaining(['→', '—', '₹', 'क', '़', 'ँ']));
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += 40) lines.push(chars.slice(i, i + 40).join(' '));
    const { pdf, coverage } = await renderPdfDocument(paper(lines));
    expect(coverage.unsupported).toEqual([]);
    expect(coverage.notdefGlyphs).toBe(0);
    expect(glyphProblems(pdf)).toEqual({ notdef: [], questionMarks: [] });
  });

  it('defines text substitutes only from characters the Latin font has', () => {
    const latin = loadFont('latin');
    for (const cp of substitutedCodePoints()) {
      expect(latin.hasGlyphForCodePoint(cp)).toBe(false);
      for (const ch of textSubstituteFor(cp) ?? '') {
        expect({ cp, ch, has: latin.hasGlyphForCodePoint(ch.codePointAt(0) as number) }).toEqual({
          cp,
          ch,
          has: true,
        });
      }
    }
  });

  it('draws every defined substitute without .notdef or "?", in both weights', async () => {
    const all = substitutedCodePoints().map((cp) => String.fromCodePoint(cp));
    const { pdf, coverage } = await renderPdfDocument(paper([all.join(' '), all.join('')]));
    expect(coverage.unsupported).toEqual([]);
    expect(coverage.substituted).toHaveLength(all.length);
    expect(glyphProblems(pdf)).toEqual({ notdef: [], questionMarks: [] });
    // Copy gives each character back (poppler drops the spaces of a line of one-letter words).
    expect((await poppler.pagesText(pdf)).join('').replace(/\s+/g, '')).toContain(all.join(''));
  });

  it('reports a character with neither a font nor a substitute, and the inspector finds its "?"', async () => {
    const { pdf, coverage } = await renderPdfDocument(paper(['तमिल க अक्षर']));
    expect(coverage.unsupported).toEqual(['U+0B95 க']);
    expect(glyphProblems(pdf).questionMarks).toContain('க');
    // A '?' the text really has is not one.
    const honest = await renderPdfDocument(paper(['क्या? What?']));
    expect(glyphProblems(honest.pdf).questionMarks).toEqual([]);
  });

  it('gives a Devanagari character the Devanagari font lacks to a font that has it, or reports it', () => {
    const splitter = new ScriptSplitter({ latin: loadFont('latin'), deva: loadFont('deva') });
    const deva = loadFont('deva');
    for (let cp = 0x0900; cp <= 0x097f; cp++) {
      const ch = String.fromCodePoint(cp);
      const runs = splitter.split(`क${ch}`);
      const { unsupported } = splitter.coverage(ch);
      if (deva.hasGlyphForCodePoint(cp)) expect(unsupported).toEqual([]);
      else
        expect({ cp, unsupported, drawn: runs.map((r) => r.text).join('') }).toEqual({
          cp,
          unsupported: [cp],
          drawn: 'क?',
        });
    }
  });
});
