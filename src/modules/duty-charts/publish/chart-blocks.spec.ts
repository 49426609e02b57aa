import { renderPdfDocument, TemplateStore } from '../../../platform/documents';
import { Poppler } from '../../../platform/documents/testing';
import { masterChartBlocks, thanaChartBlocks } from './chart-blocks';
import { chartDataFixture } from './chart-data.fixture';

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

async function render(blocks: ReturnType<typeof masterChartBlocks>): Promise<Buffer> {
  return (
    await renderPdfDocument({
      language: 'bi',
      title: 'ड्यूटी चार्ट / Duty chart',
      letterhead: { unitHi: 'पुलिस आयुक्त, भोपाल', unitEn: 'Commissioner of Police, Bhopal' },
      reference: 'BDB/2026/000042',
      issuedAt: new Date('2026-11-20T10:00:00+05:30'),
      documentId: 'master-chart-spec',
      pageSize: 'A4-landscape',
      blocks,
    })
  ).pdf;
}

describe('the master chart', () => {
  const data = chartDataFixture();
  const templates = new TemplateStore();
  let poppler: Poppler;
  let pages: string[];
  let layout: string;

  beforeAll(async () => {
    poppler = await Poppler.create();
    const pdf = await render(masterChartBlocks(data, templates));
    pages = await poppler.pagesText(pdf);
    layout = (await poppler.pagesText(pdf, { layout: true })).join('\n');
  });
  afterAll(() => poppler.dispose());

  it('groups the rows by post: name and location once over each post’s officers', () => {
    const lines = layout.split('\n');
    for (const sector of data.divisions[0]!.sectors)
      for (const post of sector.posts) {
        const heading = `${post.code}: ${post.nameHi ? `${post.nameHi} / ${post.name}` : post.name}`;
        const headings = lines.filter((l) => l.includes(heading));
        // Once per group; again only atop a page that a group runs onto, marked continued.
        expect(headings.filter((l) => !l.includes('(continued / क्रमशः)'))).toHaveLength(1);
        expect(occurrences(layout, `पता / Location: ${post.location}`)).toBe(headings.length);
      }
    // The fixture's first post runs onto page 2.
    expect(pages[1]).toContain('D1-S1-P1: पुराना सब्ज़ी मंडी चौराहा, श्री हनुमान मंदिर के सामने / Old Sabzi Mandi square, opposite Shri Hanuman temple, फिक्स पॉइंट / Fixed point (continued / क्रमशः)');
  });

  it('prints each post, location and equipment in a heading, not in every row', () => {
    const location = 'Old Sabzi Mandi square, near Peer Gate police assistance booth, Old Bhopal';
    const officersAtPost = data.duties.filter((d) => d.post.location === location).length;
    expect(officersAtPost).toBe(10);
    // In a heading, on one line: once, and once more where the post runs onto the next page.
    expect(occurrences(layout, location)).toBe(2);
    expect(occurrences(layout, 'Peer Gate')).toBe(2);
    expect(occurrences(layout, 'Lathi, helmet, whistle')).toBe(2);
  });

  it('has a reporting-time column: the shift’s own, else its start less the bandobast’s lead', () => {
    expect(layout).toContain('रिपोर्टिंग / Report');
    // D1-S1-P2 reports at 05:00 by its own time; the others 30 minutes before the start.
    expect(layout).toMatch(/27-11-2026 06:00–14:00\s+05:00\s/);
    expect(layout).toMatch(/27-11-2026 06:00–14:00\s+05:30\s/);
    expect(layout).toMatch(/27-11-2026 14:00–22:00\s+13:30\s/);
    expect(layout).toMatch(/27-11-2026 22:00 – 28-11-2026 06:00\s+21:30\s/);
  });

  it('prints every belt number and mobile whole, on one line', () => {
    for (const d of data.duties) {
      expect(layout).toContain(` ${d.officer.beltNo} `);
      if (d.officer.mobile) expect(layout).toContain(d.officer.mobile);
    }
  });

  it('names units in Hindi and English, never by their codes', () => {
    for (const unit of ['हबीबगंज / Habibganj', 'कमला नगर / Kamla Nagar', 'टी.टी. नगर / T.T. Nagar']) expect(layout).toContain(unit);
    for (const code of ['HABIBGANJ', 'KAMLA_NAGAR', 'TT_NAGAR']) expect(layout).not.toContain(code);
  });

  it('uses the post’s Hindi name beside the English one, and the English alone when it has none', () => {
    expect(layout).toContain('D1-S1-P2: इमामी गेट नाका / Imami Gate naka');
    expect(layout).toContain('D1-S2-P1: Kamla Park, गश्त / Patrol beat');
  });
});

describe('a thana’s chart', () => {
  it('prints belt numbers and in-charge belt numbers whole, and the reporting time', async () => {
    const data = chartDataFixture();
    const duties = data.duties.filter((d) => d.officer.unitCode === 'HABIBGANJ');
    const poppler = await Poppler.create();
    try {
      const pdf = await render(
        thanaChartBlocks(data, new TemplateStore(), { code: 'HABIBGANJ', nameEn: 'Habibganj', nameHi: 'हबीबगंज' }, duties),
      );
      const layout = (await poppler.pagesText(pdf, { layout: true })).join('\n');
      for (const d of duties) expect(layout).toContain(d.officer.beltNo);
      expect(layout).toContain('BPL/INSP/10234');
      expect(layout).toContain('रिपोर्टिंग /');
    } finally {
      await poppler.dispose();
    }
  });
});
