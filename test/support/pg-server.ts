/**
 * Runs one embedded PostgreSQL for the whole test run, in its own process so that the
 * package's exit hooks never touch jest. Prints `{"url": ...}` once ready; stops on SIGTERM.
 * An optional argument names the prefix of its temporary data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/platform/database/embedded-postgres.launcher';

async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), process.argv[2] ?? 'police-ops-test-pg-'));
  // Every test file boots apps of its own (a pool each, its queues, its liveness session, and
  // some a second instance or a child process), three files at a time: PostgreSQL's 100
  // connections ran out in CI ("sorry, too many clients already").
  const db = new EmbeddedDatabase({ dataDir, maxConnections: 400 });
  const url = await db.start();
  process.stdout.write(`${JSON.stringify({ url, dataDir })}\n`);
  const stop = async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // If jest dies without teardown, its stdin pipe closes: stop too.
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
