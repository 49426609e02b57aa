import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderPdf, renderPdfDocument } from './render';
import { Poppler } from './testing/poppler';
import { PdfSpec, PdfSpecError, TableBlock } from './types';

const REFERENCE = [
  'धरना-प्रदर्शन की अनुमति',
  'कैरेक्टर वेरिफिकेशन',
  'मुख्यमंत्री का कार्यक्रम',
  'ड्यूटी चार्ट',
  'श्रीमती क्षत्रिय द्वितीय',
  'निरीक्षक / उप निरीक्षक',
  'पुलिस आयुक्त, भोपाल',
  'ज\u093Cिला', // ज + nukta, kept in the decomposed form it was typed in
  '₹100',
  'PRT/2026/000123',
];

const QR_URL = 'https://police-ops.bhopal.example/verify/PRT-2026-000123?c=8f3a91';

function baseSpec(overrides: Partial<PdfSpec> = {}): PdfSpec {
  return {
    language: 'bi',
    title: 'धरना-प्रदर्शन की अनुमति / Permission for Dharna',
    letterhead: {
      unitHi: 'कार्यालय पुलिस आयुक्त, नगरीय पुलिस भोपाल',
      unitEn: 'Office of the Commissioner of Police, Bhopal',
    },
    reference: 'PRT/2026/000123',
    issuedAt: new Date('2026-03-04T20:00:00Z'),
    documentId: 'doc-test-1',
    blocks: [],
    ...overrides,
  };
}

function referencePage(): PdfSpec {
  return baseSpec({
    qrUrl: QR_URL,
    blocks: [
      ...REFERENCE.map((text) => ({ kind: 'paragraph' as const, text })),
      {
        kind: 'table',
        columns: [
          { header: 'क्र. / No.', width: 1 },
          { header: 'विवरण / Item', width: 5 },
        ],
        rows: REFERENCE.map((text, i) => [String(i + 1), text]),
      },
      {
        kind: 'signature',
        nameHi: 'हरिनारायणचारी मिश्र',
        designation: 'पुलिस आयुक्त / Commissioner of Police',
      },
    ],
  });
}

function dutyTable(rows: number): TableBlock {
  return {
    kind: 'table',
    columns: [
      { header: 'क्र. / S.No.', width: 1, align: 'right' },
      { header: 'नाम / Name', width: 3 },
      { header: 'पॉइंट / Point', width: 3 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      String(i + 1),
      `आरक्षक ${i + 1}`,
      'रोशनपुरा चौराहा',
    ]),
  };
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('renderPdf', () => {
  let poppler: Poppler;

  beforeAll(async () => {
    poppler = await Poppler.create();
  });

  afterAll(async () => {
    await poppler.dispose();
  });

  it('returns every reference string exactly as written, from the body and from a table, via pdftotext', async () => {
    const pdf = await renderPdf(referencePage());
    const text = (await poppler.pagesText(pdf)).join('\n');
    const lines = text.split('\n').map((l) => l.trim());
    for (const s of REFERENCE) {
      // Once as a body paragraph and once as a table cell, each on a line of its own.
      expect({ s, count: lines.filter((l) => l === s).length }).toEqual({ s, count: 2 });
    }
  });

  it('rasterises the page with pdftoppm into the temp folder', async () => {
    const png = await poppler.pagePng(await renderPdf(referencePage()), 1);
    expect(png.startsWith(tmpdir())).toBe(true);
    const image = PNG.sync.read(await poppler.readPng(png));
    // A4 at 150 dpi (poppler rounds up to whole pixels).
    expect(Math.abs(image.width - 1240)).toBeLessThanOrEqual(1);
    expect(Math.abs(image.height - 1754)).toBeLessThanOrEqual(1);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });

  it('draws a QR code that decodes to the given URL', async () => {
    // The QR sits in the top-right corner; scanning only that quarter keeps the test fast.
    const crop = { x: 620, y: 0, width: 620, height: 440 };
    const png = await poppler.pagePng(await renderPdf(referencePage()), 1, 150, crop);
    const image = PNG.sync.read(await poppler.readPng(png));
    const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(qr?.data).toBe(QR_URL);
  });

  it('gives byte-identical output and sha256 for identical input', async () => {
    const first = await renderPdfDocument(referencePage());
    // Rendering something else in between must not leak state (font subsets, caches).
    await renderPdf(baseSpec({ blocks: [dutyTable(80)], documentId: 'other' }));
    const second = await renderPdfDocument(referencePage());
    expect(second.sha256).toBe(first.sha256);
    expect(second.pdf.equals(first.pdf)).toBe(true);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives dates and the file id from the input, not the clock', async () => {
    const pdf = (await renderPdf(referencePage())).toString('latin1');
    expect(pdf).toContain('(D:20260304200000Z)'); // CreationDate and ModDate = issuedAt
    const other = (await renderPdf(referencePage())).toString('latin1');
    const id = /\/ID \[<([0-9a-f]+)>/.exec(pdf)?.[1];
    expect(id).toHaveLength(32);
    expect(/\/ID \[<([0-9a-f]+)>/.exec(other)?.[1]).toBe(id);
    const changed = (await renderPdf({ ...referencePage(), documentId: 'doc-test-2' })).toString(
      'latin1',
    );
    expect(/\/ID \[<([0-9a-f]+)>/.exec(changed)?.[1]).not.toBe(id);
  });

  it('repeats the table header on every page and prints "Page x of y / पृष्ठ x / y" on each', async () => {
    const result = await renderPdfDocument(baseSpec({ blocks: [dutyTable(200)] }));
    const pages = await poppler.pagesText(result.pdf);
    expect(pages.length).toBe(result.pageCount);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('नाम / Name');
      expect(page).toContain('पॉइंट / Point');
      expect(page).toContain(`Page ${i + 1} of ${pages.length} / पृष्ठ ${i + 1} / ${pages.length}`);
    });
    const all = pages.join('\n');
    for (const n of [1, 57, 200]) expect(occurrences(all, `आरक्षक ${n}\n`)).toBe(1);
  });

  it('never splits a table row across pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`R${i}`, `R${i}-a\nR${i}-b\nR${i}-c`]);
    const table: TableBlock = {
      kind: 'table',
      columns: [
        { header: 'Row', width: 1 },
        { header: 'Lines', width: 3 },
      ],
      rows,
    };
    const pages = await poppler.pagesText(await renderPdf(baseSpec({ blocks: [table] })));
    expect(pages.length).toBeGreaterThan(2);
    for (let i = 0; i < rows.length; i++) {
      const page = pages.find((p) => p.includes(`R${i}-a`));
      expect(page).toBeDefined();
      expect(page).toContain(`R${i}-c`);
    }
  });

  it('labels the footer in Hindi only for Hindi papers', async () => {
    const pages = await poppler.pagesText(await renderPdf(baseSpec({ language: 'hi' })));
    expect(pages[0]).toContain('पृष्ठ 1 / 1');
    expect(pages[0]).not.toContain('Page 1');
    expect(pages[0]).toContain('दिनांक: 05-03-2026');
  });

  it('rejects a table row with the wrong number of cells', async () => {
    const table: TableBlock = { ...dutyTable(2), rows: [['1', 'a']] };
    await expect(renderPdf(baseSpec({ blocks: [table] }))).rejects.toThrow(PdfSpecError);
  });

  it('rejects a row taller than a page instead of splitting it', async () => {
    const table: TableBlock = {
      kind: 'table',
      columns: [{ header: 'Text', width: 1 }],
      rows: [[Array.from({ length: 90 }, (_, i) => `line ${i}`).join('\n')]],
    };
    await expect(renderPdf(baseSpec({ blocks: [table] }))).rejects.toThrow(
      /row 1 is taller than a page/,
    );
  });

  it('rejects an invalid issue date', async () => {
    await expect(renderPdf(baseSpec({ issuedAt: new Date('not a date') }))).rejects.toThrow(
      PdfSpecError,
    );
  });
});
