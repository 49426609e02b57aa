/**
 * A midnight Diwali publish: 5,556 officers on duty out of a 6,600-officer roll, published
 * through the real publish job (master and thana charts, one slip per officer, the switch and
 * every SMS queued), timed from the publish request to the chart's PUBLISHED. The reference,
 * in the same run: rendering the same slips one after another (pdfkit with fontkit shaping,
 * the letterhead and QR, from the very drawings the job stored), as the job did before slips
 * were drawn on first read; measured on a sample and scaled to all of them.
 *
 * Then the cost moved to the officers: the first download of a slip (which draws it) and a
 * later one (the stored bytes), each over a sample of distinct slips.
 * Goal: all slips published, SMS queued, in ≤ 20 s on 2 cores.
 * Run: npm run bench -- slip-publish
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { renderPdfDocument, StoredDrawing } from '../src/platform/documents';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { dutySms, fetchBinary, linkIn, publishChart, solvedRoll } from '../test/support/duty-charts';
import { bootTestApp } from '../test/support/test-app';

const ON_DUTY = 5_556;
const ROLL = 6_600;
const GOAL_S = 20;
const RENDER_SAMPLE = 200;
const DOWNLOAD_SAMPLE = 100;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'police-ops-bench-publish-'));
  const db = new EmbeddedDatabase({ dataDir: dir });
  const url = await db.start();
  try {
    const t = await bootTestApp({ LOG_LEVEL: 'warn', PDF_WARM_UP: 'true', BASE_URL: 'https://police-ops.bhopal.test' }, url);
    try {
      const { duty, chartId } = await solvedRoll(t, ON_DUTY, { name: 'Diwali point', nameHi: 'दीपावली पॉइंट' }, ROLL - ON_DUTY - 1);
      const started = performance.now();
      await publishChart(t, duty, chartId, 600_000);
      const publishS = (performance.now() - started) / 1000;
      const sms = await dutySms(t);
      const data = t.app.get(DataSource);
      const [{ slips }] = await data.query(`SELECT count(*)::int AS slips FROM duty_slip WHERE chart_id = $1 AND status = 'ACTIVE'`, [chartId]);

      // The reference: the same slips rendered one after another, from their stored drawings.
      const sample: Array<{ id: string; issued_at: Date; drawing: StoredDrawing }> = await data.query(
        `SELECT id, issued_at, drawing FROM issued_document WHERE kind = 'DUTY_SLIP' AND bytes IS NULL ORDER BY id LIMIT $1`,
        [RENDER_SAMPLE],
      );
      const renderStarted = performance.now();
      for (const d of sample)
        await renderPdfDocument({
          language: d.drawing.language,
          title: d.drawing.title,
          letterhead: { unitHi: 'थाना कमला नगर', unitEn: 'Kamla Nagar', lines: ['पुलिस आयुक्त, भोपाल / Commissioner of Police, Bhopal'] },
          ...(d.drawing.reference ? { reference: d.drawing.reference } : {}),
          issuedAt: d.issued_at,
          blocks: d.drawing.blocks,
          qrUrl: d.drawing.qrUrl,
          documentId: d.id,
        });
      const renderMs = (performance.now() - renderStarted) / sample.length;
      const renderAllS = (renderMs * slips) / 1000;

      // The officers' side: first downloads draw; later ones are the stored bytes.
      const links = sms.slice(0, DOWNLOAD_SAMPLE).map((s) => `${linkIn(s.body)}/pdf`);
      const timed = async () => {
        const started = performance.now();
        for (const link of links) await fetchBinary(t.http.get(link)).expect(200);
        return (performance.now() - started) / links.length;
      };
      const firstMs = await timed();
      const laterMs = await timed();

      console.log(
        `slipPublish.seconds: ${publishS.toFixed(1)} for ${slips} slips of a ${ROLL}-officer roll, ${sms.length} SMS queued (goal ≤ ${GOAL_S} s); ` +
          `reference, rendering the same slips one after another: ${renderAllS.toFixed(0)} s (${renderMs.toFixed(1)} ms a slip over ${sample.length}): ${(renderAllS / publishS).toFixed(1)}× the publish`,
      );
      console.log(
        `slipPublish.download: first ${firstMs.toFixed(0)} ms a slip (drawn then), later ${laterMs.toFixed(1)} ms (stored bytes), over ${links.length} slips one after another`,
      );
      if (publishS > GOAL_S || sms.length < slips) process.exitCode = 1;
    } finally {
      await t.close();
    }
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
