import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from './render';
import { Poppler } from './testing/poppler';
import { PdfSpec } from './types';

/**
 * Copying Hindi from a letter must give the words whole. A mark the font moves off the pen
 * (chandrabindu pulled back over ए, anusvara nudged over a matra) made pdftotext see a gap and
 * split "कराएँगे" into "कराएँ गे"; the word now carries /ActualText.
 */
const MARKED_WORDS = [
  'कराएँगे',
  'कराएंगे',
  'जाएँगे',
  'दिखाएँगे',
  'सँभालेंगे',
  'पहुँचेंगे',
  'मुँह',
  'गाँव',
  'आएँ',
  'हैं',
  'करेंगे',
  'कीजिए',
  'सुनिश्चित',
  'प्रदर्शनकारियों',
  'ज़िला',
  'ज\u093Cिला',
  // Marks at script-run boundaries: digits, Latin and punctuation right beside the mark.
  '10वाँ',
  'कराएँगे।',
  '(कराएँगे)',
  'कराएँगे,',
  '“जाएँगे”',
  'PRT/2026/000123-कराएँगे',
  '₹100में',
];

const ROOT = join(__dirname, '../../../../templates');

/** Every word the Hindi templates print (comments and placeholders left out). */
function templateWords(): string[] {
  const words = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.hi.txt')) {
        for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
          if (line.trimStart().startsWith('//')) continue;
          const text = line.replace(/\{\{[^}]*\}\}/g, ' ').replace(/^\s*(#+|-|\d+\.)\s/, ' ');
          for (const w of text.split(/\s+/)) if (/[\u0900-\u097f]/.test(w)) words.add(w);
        }
      }
    }
  };
  walk(ROOT);
  return [...words].sort();
}

function spec(words: readonly string[], bold: boolean): PdfSpec {
  return {
    language: 'hi',
    title: 'पाठ / Text',
    showTitle: false,
    letterhead: { unitHi: 'भोपाल', unitEn: 'Bhopal' },
    issuedAt: new Date('2026-03-04T00:00:00Z'),
    documentId: 'text-extraction',
    blocks: [
      { kind: 'paragraph', text: words.join(' '), bold },
      {
        kind: 'table',
        columns: [
          { header: 'क', width: 1 },
          { header: 'ख', width: 1 },
        ],
        // Beside a longer word: poppler reads a line of single-letter words ("न न") as letter-spaced.
        rows: words.map((w) => [w, `${w} पत्र ${w}`]),
      },
    ],
  };
}

const oneLine = (pages: string[]): string => pages.join(' ').replace(/\s+/g, ' ');

describe('copying Hindi text out of a paper', () => {
  let poppler: Poppler;

  beforeAll(async () => {
    poppler = await Poppler.create();
  });

  afterAll(async () => {
    await poppler.dispose();
  });

  for (const bold of [false, true]) {
    it(`gives words with chandrabindu, anusvara and matras whole through pdftotext (${bold ? 'bold' : 'regular'})`, async () => {
      const text = oneLine(await poppler.pagesText(await renderPdf(spec(MARKED_WORDS, bold))));
      // The paragraph, wrapped over lines, reads back as written.
      expect(text).toContain(MARKED_WORDS.join(' '));
      // Each table cell too, alone and beside another word.
      for (const w of MARKED_WORDS)
        expect({ w, found: text.includes(` ${w} ${w} पत्र ${w} `) }).toEqual({ w, found: true });
    });
  }

  it('gives every Hindi word of the templates whole through pdftotext', async () => {
    const words = templateWords();
    expect(words.length).toBeGreaterThan(200);
    const text = oneLine(await poppler.pagesText(await renderPdf(spec(words, false))));
    const lost = words.filter((w) => !text.includes(` ${w} ${w} पत्र ${w} `));
    expect(lost).toEqual([]);
    expect(text).toContain(words.join(' '));
  });
});
