import { PNG } from 'pngjs';
import { renderPdfDocument } from './render';
import { Poppler } from './testing/poppler';
import { PdfSpec, PdfSpecError } from './types';

const MARK = 'DRAFT — not valid / प्रारूप — मान्य नहीं';
const BODY = 'श्री रामचन्द्र शर्मा को धरना की अनुमति दी जाती है। The applicant may hold the dharna.';

function spec(overrides: Partial<PdfSpec> = {}): PdfSpec {
  return {
    language: 'bi',
    title: 'धरना-प्रदर्शन की अनुमति / Permission for Dharna',
    letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
    reference: 'PRT/2026/000123',
    issuedAt: new Date('2026-03-04T20:00:00Z'),
    documentId: 'doc-draft-1',
    // Long enough for three pages, so the mark is seen on pages after the first.
    blocks: Array.from({ length: 60 }, (_, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${BODY}` })),
    draft: true,
    ...overrides,
  };
}

/** Share of a page's pixels that are neither white nor near-black: the light grey of the mark. */
function greyShare(png: Buffer): number {
  const image = PNG.sync.read(png);
  let grey = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const v = image.data[i]!;
    if (v >= 212 && v <= 226) grey++;
  }
  return grey / (image.width * image.height);
}

describe('a draft paper', () => {
  let poppler: Poppler;
  beforeAll(async () => {
    poppler = await Poppler.create();
  });
  afterAll(() => poppler.dispose());

  it('says "DRAFT — not valid" in Hindi and English on every page, in place of the document id', async () => {
    const { pdf, pageCount } = await renderPdfDocument(spec());
    expect(pageCount).toBeGreaterThanOrEqual(2);
    const pages = await poppler.pagesText(pdf);
    expect(pages).toHaveLength(pageCount);
    for (const page of pages) {
      // Once in the band at the top, once in the footer.
      expect(page.split(MARK).length - 1).toBe(2);
      expect(page).not.toContain('doc-draft-1');
    }
  });

  it('keeps the letter’s text whole under the mark across the page', async () => {
    const { pdf } = await renderPdfDocument(spec());
    const text = (await poppler.pagesText(pdf)).join('\n');
    expect(text).toContain('श्री रामचन्द्र शर्मा को धरना की अनुमति दी जाती है।');
    expect(text).toContain('60. श्री रामचन्द्र शर्मा');
    // The diagonal mark is outlines, not text: it is the only place the capitals would come from.
    expect(text).not.toContain('DRAFT — NOT VALID');
  });

  it('draws the diagonal mark on every page, which a paper does not have', async () => {
    const draft = await renderPdfDocument(spec());
    const paper = await renderPdfDocument(spec({ draft: false }));
    for (let page = 1; page <= draft.pageCount; page++) {
      const marked = greyShare(await poppler.readPng(await poppler.pagePng(draft.pdf, page, 40)));
      const plain = greyShare(await poppler.readPng(await poppler.pagePng(paper.pdf, page, 40)));
      expect(marked).toBeGreaterThan(Math.max(2 * plain, 0.02));
    }
  });

  it('refuses a verify QR', async () => {
    await expect(renderPdfDocument(spec({ qrUrl: 'https://example.test/verify/x' }))).rejects.toThrow(PdfSpecError);
  });

  it('renders the same bytes for the same draft', async () => {
    const [a, b] = await Promise.all([renderPdfDocument(spec()), renderPdfDocument(spec())]);
    expect(a.sha256).toBe(b.sha256);
  });
});
