import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentsService } from '../src/platform/documents';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { dutySms, fetchBinary, linkIn, publishedRoll } from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A publish issues each duty slip undrawn (record, id, verify link and SMS at once) and the
 * slip is drawn on its first read, once; from then on its bytes are as fixed as any paper's.
 */
describe('duty slips drawn on their first read (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let poppler: Poppler;
  let links: string[];
  const slipPaper = async (link: string) => {
    const sms = (await dutySms(t)).find((s) => linkIn(s.body) === link)!;
    const [row] = await db.query(
      `SELECT d.id, d.sha256, d.size_bytes, d.page_count, d.bytes IS NULL AS undrawn, d.drawing IS NOT NULL AS has_drawing,
              o.belt_no, o.name_hi
         FROM duty_slip s JOIN issued_document d ON d.id = s.document_id JOIN officer o ON o.id = s.officer_id
        WHERE s.id = $1`,
      [sms.source_id],
    );
    return row as { id: string; sha256: string | null; size_bytes: number | null; page_count: number | null; undrawn: boolean; has_drawing: boolean; belt_no: string; name_hi: string };
  };
  const drawnAudits = async (documentId: string): Promise<Array<{ diff: { sha256: string } }>> =>
    db.query(`SELECT diff FROM audit_log WHERE action = 'document.drawn' AND diff->>'documentId' = $1`, [documentId]);

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    db = t.app.get(DataSource);
    poppler = await Poppler.create();
    links = await publishedRoll(t, 6, { name: 'Jawahar Chowk', nameHi: 'जवाहर चौक' });
  });
  afterAll(async () => {
    await poppler?.dispose();
    await t?.close();
  });

  it('publishes every slip with its record and SMS, and none of them rendered yet', async () => {
    const papers = await Promise.all(links.map(slipPaper));
    expect(papers).toHaveLength(6);
    for (const p of papers) expect(p).toMatchObject({ sha256: null, size_bytes: null, page_count: null, undrawn: true, has_drawing: true });
    const issued: Array<{ diff: Record<string, unknown> }> = await db.query(
      `SELECT diff FROM audit_log WHERE action = 'document.issued' AND diff->>'documentId' = ANY($1)`,
      [papers.map((p) => p.id)],
    );
    expect(issued).toHaveLength(6);
    for (const a of issued) expect(a.diff).toMatchObject({ kind: 'DUTY_SLIP', drawn: 'on first read' });
  });

  it('draws a slip once when a rush of first downloads meets it, and gives each the same bytes', async () => {
    const link = links[0]!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => fetchBinary(t.http.get(`${link}/pdf`)).expect(200)));
    const bytes = answers.map((a) => a.body as Buffer);
    expect(new Set(bytes.map(sha)).size).toBe(1);
    const paper = await slipPaper(link);
    expect(paper).toMatchObject({ undrawn: false, sha256: sha(bytes[0]!), size_bytes: bytes[0]!.length, page_count: 1 });
    for (const a of answers) {
      expect(a.headers['x-content-sha256']).toBe(paper.sha256);
      expect(a.headers.etag).toBe(`"${paper.sha256}"`);
    }
    const audits = await drawnAudits(paper.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.diff.sha256).toBe(paper.sha256);
    // Drawn as it would have been at publish: the officer, the post in both scripts.
    const text = (await poppler.pagesText(bytes[0]!)).join('\n');
    for (const s of [paper.belt_no, paper.name_hi, 'जवाहर चौक', 'Jawahar Chowk', 'ड्यूटी पर्ची']) expect(text).toContain(s);
    // Read again later (another instance, a restart): the stored bytes, not a new drawing.
    const again = await fetchBinary(t.http.get(`${link}/pdf`)).expect(200);
    expect(sha(again.body as Buffer)).toBe(paper.sha256);
    expect(await drawnAudits(paper.id)).toHaveLength(1);
  });

  it('draws an undrawn slip when its verify link is checked, so the page shows its hash', async () => {
    const paper = await slipPaper(links[1]!);
    expect(paper.undrawn).toBe(true);
    const path = new URL(t.app.get(DocumentsService).verifyUrl(paper.id)).pathname;
    const json = (await t.http.get(path).set('Accept', 'application/json').expect(200)).body as { status: string; sha256: string };
    expect(json.status).toBe('valid');
    const drawn = await slipPaper(links[1]!);
    expect(drawn.undrawn).toBe(false);
    expect(json.sha256).toBe(drawn.sha256);
    const pdf = await fetchBinary(t.http.get(`${links[1]}/pdf`)).expect(200);
    expect(sha(pdf.body as Buffer)).toBe(drawn.sha256);
  });

  it('keeps a drawn slip’s bytes and an undrawn slip’s drawing fixed in the database', async () => {
    const drawn = await slipPaper(links[0]!);
    const undrawn = await slipPaper(links[2]!);
    expect(undrawn.undrawn).toBe(true);
    const tryQuery = (sql: string, id: string) => db.query(sql, [id]);
    await expect(tryQuery(`UPDATE issued_document SET bytes = 'x', sha256 = 'x', size_bytes = 1, page_count = 1 WHERE id = $1`, drawn.id)).rejects.toThrow(/immutable/);
    await expect(tryQuery(`UPDATE issued_document SET bytes = NULL, sha256 = NULL, size_bytes = NULL, page_count = NULL WHERE id = $1`, drawn.id)).rejects.toThrow(/immutable/);
    await expect(tryQuery(`UPDATE issued_document SET drawing = '{}' WHERE id = $1`, undrawn.id)).rejects.toThrow(/immutable/);
    // Bytes without their hash are refused: the pair is written together or not at all.
    await expect(tryQuery(`UPDATE issued_document SET bytes = 'x' WHERE id = $1`, undrawn.id)).rejects.toThrow(/issued_document_drawn_drawable_or_purged/);
    await expect(tryQuery(`DELETE FROM issued_document WHERE id = $1`, undrawn.id)).rejects.toThrow(/cannot be deleted/);
    expect(await slipPaper(links[2]!)).toMatchObject({ undrawn: true, sha256: null });
  });
});
