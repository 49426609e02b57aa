import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanTestRun } from './personal-data-scan';

/**
 * The last step of every e2e run: the personal-data scan (no full Aadhaar number in any
 * database, log or PDF of the run; it fails the run naming where one was found), then the
 * embedded PostgreSQL stops.
 */
export default async function globalTeardown(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'police-ops-scan-'));
  let failure: Error | undefined;
  try {
    const earlier = (globalThis as { __TEST_DBS_BEFORE__?: string[] }).__TEST_DBS_BEFORE__ ?? [];
    const report = await scanTestRun(process.env.TEST_PG_URL, tmp, earlier);
    console.log(
      `\n[e2e] personal-data scan: ${report.databases} databases (${report.values} values), ${report.pdfs} PDFs, ${report.logLines} log lines`,
    );
    if (report.findings.length) {
      const list = report.findings.slice(0, 50).map((f) => `  ${f.where}: ${f.number}`);
      failure = new Error(`[e2e] ${report.findings.length} full Aadhaar number(s) were kept by the app during the run:\n${list.join('\n')}`);
    }
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await stopServer();
  }
  if (failure) throw failure;
}

async function stopServer(): Promise<void> {
  const child = (globalThis as { __TEST_PG__?: ChildProcess }).__TEST_PG__;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
