import { renderPdf } from '../render';
import { Poppler } from '../testing/poppler';
import { PdfSpec, TableBlock, TableRow } from '../types';

function spec(blocks: PdfSpec['blocks'], overrides: Partial<PdfSpec> = {}): PdfSpec {
  return {
    language: 'bi',
    title: 'ड्यूटी चार्ट / Duty chart',
    letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
    issuedAt: new Date('2026-11-20T10:00:00+05:30'),
    documentId: 'table-spec',
    blocks,
    ...overrides,
  };
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('tables', () => {
  let poppler: Poppler;
  beforeAll(async () => {
    poppler = await Poppler.create();
  });
  afterAll(() => poppler.dispose());

  it('widens a narrow column to hold its identifiers whole, taking room from wordier columns', async () => {
    const table: TableBlock = {
      kind: 'table',
      columns: [
        { header: 'Belt', width: 0.4 },
        { header: 'Ref', width: 0.4 },
        { header: 'Name', width: 6 },
      ],
      rows: [
        ['BPL/INSP/10234', 'PRT/2026/000123', 'रमेश कुमार शर्मा / Ramesh Kumar Sharma'],
        ['KN-0012', 'VIP/2026/000001', 'सीता देवी / Sita Devi'],
      ],
    };
    const [page] = await poppler.pagesText(await renderPdf(spec([table])), { layout: true });
    for (const id of ['BPL/INSP/10234', 'PRT/2026/000123', 'KN-0012', 'VIP/2026/000001']) expect(page).toContain(id);
  });

  it('sets a cell smaller rather than break a word when no column has room to give', async () => {
    const token = (c: string) => `${c.repeat(9)}/2026/000123-${c}`;
    const table: TableBlock = {
      kind: 'table',
      columns: ['A', 'B', 'C', 'D'].map((h) => ({ header: h, width: 1 })),
      rows: [['A', 'B', 'C', 'D'].map(token)],
    };
    const [page] = await poppler.pagesText(await renderPdf(spec([table])), { layout: true });
    for (const c of ['A', 'B', 'C', 'D']) expect(page).toContain(token(c));
  });

  describe('grouped rows', () => {
    const columns = [
      { header: 'Shift', width: 2, mergeRepeats: true },
      { header: 'Belt', width: 1 },
      { header: 'Name', width: 3 },
    ];
    const rowsOf = (g: number, n: number, shift = (i: number) => `SHIFT-${g}-${i < n / 2 ? 'A' : 'B'}`): TableRow[] => [
      { group: `GROUP-${g} पुराना सब्ज़ी मंडी चौराहा`, detail: `पता / Location: gate ${g}` },
      ...Array.from({ length: n }, (_, i) => [shift(i), `G${g}-R${i + 1}`, `अधिकारी ${g}-${i + 1}`]),
    ];

    it('prints a group heading once over its rows, and a run of equal shifts once', async () => {
      const table: TableBlock = { kind: 'table', columns, rows: [...rowsOf(1, 6), ...rowsOf(2, 4)] };
      const [page] = await poppler.pagesText(await renderPdf(spec([table])), { layout: true });
      expect(occurrences(page!, 'GROUP-1 ')).toBe(1);
      expect(occurrences(page!, 'GROUP-2 ')).toBe(1);
      expect(occurrences(page!, 'पता / Location: gate 1')).toBe(1);
      for (const s of ['SHIFT-1-A', 'SHIFT-1-B', 'SHIFT-2-A', 'SHIFT-2-B']) expect(occurrences(page!, s)).toBe(1);
      for (let i = 1; i <= 6; i++) expect(page).toContain(`G1-R${i}`);
      // Each heading stands above its own rows.
      const lines = page!.split('\n');
      const at = (s: string) => lines.findIndex((l) => l.includes(s));
      expect(at('GROUP-1 ')).toBeLessThan(at('G1-R1'));
      expect(at('G1-R6')).toBeLessThan(at('GROUP-2 '));
      expect(at('GROUP-2 ')).toBeLessThan(at('G2-R1'));
    });

    it('heads a group again on the next page, marked continued, and prints its shift again there', async () => {
      const table: TableBlock = { kind: 'table', columns, rows: rowsOf(1, 90, () => 'SHIFT-ALL') };
      const pages = await poppler.pagesText(await renderPdf(spec([table])), { layout: true });
      expect(pages.length).toBeGreaterThan(1);
      expect(occurrences(pages[0]!, 'GROUP-1 ')).toBe(1);
      expect(pages[0]).not.toContain('continued');
      for (const page of pages.slice(1)) {
        expect(page).toContain('GROUP-1 पुराना सब्ज़ी मंडी चौराहा (continued / क्रमशः)');
        expect(occurrences(page, 'SHIFT-ALL')).toBe(1);
      }
      const all = pages.join('\n');
      for (let i = 1; i <= 90; i++) expect(occurrences(all, `G1-R${i} `)).toBe(1);
    });

    it('never leaves a group heading at the foot of a page without its first row', async () => {
      const rows = Array.from({ length: 40 }, (_, g) => rowsOf(g + 1, 3)).flat();
      const pages = await poppler.pagesText(await renderPdf(spec([{ kind: 'table', columns, rows }])), { layout: true });
      expect(pages.length).toBeGreaterThan(1);
      for (let g = 1; g <= 40; g++) {
        const heading = pages.findIndex((p) => p.includes(`GROUP-${g} `));
        expect(pages[heading]).toContain(`G${g}-R1 `);
      }
    });
  });
});
