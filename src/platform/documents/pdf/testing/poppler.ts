import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Test helper around poppler-utils (pdftotext, pdftoppm). Files live in a private folder
 * under os.tmpdir(), never in the repository; call dispose() when done.
 */
export class Poppler {
  /** Each file gets its own name, so calls running together never read each other's PDF. */
  private files = 0;

  private constructor(readonly dir: string) {}

  static async create(): Promise<Poppler> {
    return new Poppler(await mkdtemp(join(tmpdir(), 'police-ops-pdf-')));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  async save(pdf: Buffer, name = `doc-${++this.files}.pdf`): Promise<string> {
    const path = join(this.dir, name);
    await writeFile(path, pdf);
    return path;
  }

  /** Extracted text, one string per page (pdftotext separates pages with form feeds); `layout` as printed. */
  async pagesText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string[]> {
    const path = await this.save(pdf);
    // -layout keeps each printed line as one line, so a word broken across lines shows.
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), path, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = stdout.split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop();
    return pages;
  }

  /** Rasterises one page (optionally a crop box in pixels) and returns the PNG's path. */
  async pagePng(pdf: Buffer, page: number, dpi = 150, crop?: PixelBox): Promise<string> {
    const n = ++this.files;
    const path = await this.save(pdf, `raster-${n}.pdf`);
    const prefix = join(this.dir, `page-${n}-${page}${crop ? '-crop' : ''}`);
    const box = crop
      ? ['-x', crop.x, '-y', crop.y, '-W', crop.width, '-H', crop.height].map(String)
      : [];
    const args = [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      ...box,
      '-png',
      '-singlefile',
    ];
    await run('pdftoppm', [...args, path, prefix]);
    return `${prefix}.png`;
  }

  async readPng(path: string): Promise<Buffer> {
    return readFile(path);
  }
}
