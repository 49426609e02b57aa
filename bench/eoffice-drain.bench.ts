/**
 * Drains a backlog of 10,000 outbox rows into the e-Office simulator through the real app
 * (dispatcher → BullMQ on PostgreSQL → worker → simulator) and prints rows/s, the time to
 * empty, and the lost and duplicate counts (both must be 0).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp, migrateDatabase } from '../src/app';
import { loadConfig } from '../src/config/config';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';

const ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 10_000);
const RATE = process.env.BENCH_DRAIN_PER_SECOND ?? '2000';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-drain-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  const sim = await startEofficeSimulator({ port: 0 });
  try {
    await migrateDatabase(url, () => undefined);
    const pg = new Client({ connectionString: url });
    await pg.connect();
    await pg.query(
      `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject, metadata)
       SELECT 'bench_record', 'rec-' || g, 'BENCH/2026/' || lpad(g::text, 6, '0'), 'BENCH_ITEM',
              'धरना-प्रदर्शन की अनुमति / bench item ' || g, jsonb_build_object('n', g)
       FROM generate_series(1, $1) g`,
      [ROWS],
    );
    const config = loadConfig({
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      EOFFICE_URL: sim.url,
      EOFFICE_DRAIN_PER_SECOND: RATE,
      EOFFICE_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '16',
      EOFFICE_DISPATCH_INTERVAL_MS: process.env.BENCH_DISPATCH_MS ?? '1000',
      DB_POOL_SIZE: '20',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    });
    const started = performance.now();
    const app = await createApp({ config, databaseUrl: url });
    let pending = ROWS;
    while (pending > 0) {
      await new Promise((r) => setTimeout(r, 100));
      pending = (await pg.query(`SELECT count(*)::int AS n FROM eoffice_outbox WHERE status = 'PENDING'`)).rows[0].n;
      if (performance.now() - started > 600_000) throw new Error(`still ${pending} pending after 10 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    await app.close();

    const delivered = (await pg.query(`SELECT id, eoffice_ref FROM eoffice_outbox WHERE status = 'DELIVERED'`)).rows as Array<{ id: string; eoffice_ref: string }>;
    const ledger = sim.ledger();
    const receiptsByKey = new Map<string, number>();
    for (const r of ledger.receipts) receiptsByKey.set(r.idempotencyKey, (receiptsByKey.get(r.idempotencyKey) ?? 0) + 1);
    const lost = ROWS - delivered.filter((d) => receiptsByKey.has(d.id)).length;
    const duplicates = ledger.receipts.length - receiptsByKey.size;
    await pg.end();

    console.log(`eoffice.drain.rows: ${ROWS} (queue backend: ${config.REDIS_URL ? 'redis' : 'postgres'}, rate limit ${RATE}/s, concurrency ${config.EOFFICE_CONCURRENCY})`);
    console.log(`eoffice.drain.secondsToEmpty: ${seconds.toFixed(1)} (goal < 60; includes app boot)`);
    console.log(`eoffice.drain.rowsPerSecond: ${(ROWS / seconds).toFixed(0)}`);
    console.log(`eoffice.drain.lost: ${lost}`);
    console.log(`eoffice.drain.duplicates: ${duplicates}`);
  } finally {
    await sim.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
