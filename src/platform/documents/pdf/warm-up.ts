import { FONT_FACES } from './fonts';
import { renderPdf } from './render';
import { shapePiece } from './shaping';
import { PdfSpec } from './types';

const CONSONANTS = 'कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह';
const SIGNS = ['', 'ा', 'ि', 'ी', 'ु', 'ू', 'ृ', 'े', 'ै', 'ो', 'ौ', 'ं', 'ँ', 'ः', '्', 'ॉ', '़'];

/** Every consonant with every vowel sign, plus conjunct, reph and half-form patterns. */
function devanagariSamples(): string[] {
  const samples = SIGNS.map((sign) => Array.from(CONSONANTS, (c) => c + sign).join(' '));
  samples.push(Array.from(CONSONANTS, (c) => `${c}्र र्${c} ${c}्य ${c}्व स्${c}`).join(' '));
  samples.push('अ आ इ ई उ ऊ ऋ ए ऐ ओ औ ऑ क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ॐ । ॥ ०१२३४५६७८९');
  return samples;
}

function latinSamples(): string[] {
  let ascii = '';
  for (let c = 0x21; c < 0x7f; c++) ascii += String.fromCharCode(c);
  return [ascii, 'AVAT To Ta We Yo fi ffi ₹100/- 06:00 “quoted” – — • é ñ ü'];
}

/** A small paper using every block type, so the whole pipeline is compiled by the JIT. */
function sampleSpec(): PdfSpec {
  const text = 'धरना-प्रदर्शन की अनुमति / Permission for dharna, ₹100, PRT/2026/000123';
  return {
    language: 'bi',
    title: 'पूर्वाभ्यास / Warm-up',
    letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
    reference: 'WARM/2026/000001',
    issuedAt: new Date(0),
    documentId: 'warm-up',
    qrUrl: 'https://example.invalid/warm-up',
    blocks: [
      { kind: 'heading', text },
      { kind: 'paragraph', text: `${text} ${text}` },
      { kind: 'keyValue', items: [{ key: 'स्थान / Venue', value: text }] },
      { kind: 'list', items: [text, text], ordered: true },
      {
        kind: 'table',
        columns: [
          { header: 'क्र. / No.', width: 1, align: 'right' },
          { header: 'नाम / Name', width: 3 },
          { header: 'पॉइंट / Point', width: 3 },
        ],
        rows: Array.from({ length: 400 }, (_, i) => [String(i + 1), `आरक्षक ${i}`, text]),
      },
      {
        kind: 'signature',
        nameHi: 'पुलिस आयुक्त',
        nameEn: 'Commissioner of Police',
        designation: 'भोपाल',
      },
    ],
  };
}

/**
 * fontkit decodes a font's GSUB/GPOS tables lazily, lookup by lookup, the first time a glyph
 * needs them, and V8 compiles the engine's hot paths only after they have run a while;
 * together that makes the first render in a process about a second slower than later ones.
 * Call this once at application start (e.g. in a Nest module's onModuleInit) so no user waits
 * for it. Resolves to the time taken in milliseconds.
 */
export async function warmUpPdfEngine(): Promise<number> {
  const started = performance.now();
  const deva = devanagariSamples();
  const latin = latinSamples();
  for (const face of FONT_FACES) {
    for (const text of face === 'deva' || face === 'devaBold' ? deva : latin)
      shapePiece(face, text);
  }
  await renderPdf(sampleSpec());
  return performance.now() - started;
}
