import PDFDocument from 'pdfkit';
import { Poppler } from './poppler';

function pdfSaying(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

describe('Poppler (test helper)', () => {
  it('reads each PDF of calls made together, not one of them twice', async () => {
    const poppler = await Poppler.create();
    try {
      const pdfs = await Promise.all(['first slip', 'second slip', 'third slip'].map(pdfSaying));
      const texts = await Promise.all(pdfs.map((pdf) => poppler.pagesText(pdf)));
      expect(texts.map((pages) => pages.join('').trim())).toEqual(['first slip', 'second slip', 'third slip']);
    } finally {
      await poppler.dispose();
    }
  });
});
