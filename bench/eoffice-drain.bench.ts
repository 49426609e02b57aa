/**
 * Drains a backlog of 10,000 outbox rows into the e-Office simulator through the real app
 * (dispatcher → BullMQ → worker → simulator → marks and audit), beside its reference: a bare
 * BullMQ worker on the same queue backend and database doing the same HTTP POST to the same
 * simulator with the same limits, and nothing else. Rounds are interleaved (ours, bare, ours…)
 * so drift on a shared machine hits both alike; prints the medians, their ratio, and our lost
 * and duplicate counts (both must be 0).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'bullmq';
import { Client } from 'pg';
import { createApp, migrateDatabase } from '../src/app';
import { AppConfig, loadConfig } from '../src/config/config';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { DiarisationRequest } from '../src/platform/eoffice/gateway';
import { SimulatorGatewayAdapter } from '../src/platform/eoffice/gateway/simulator.adapter';
import { QueueBackend } from '../src/platform/queue/queue.backend';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';

const ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_DRAIN_ROUNDS ?? 5);
/** Rows of the warm-up round each side drains first, not counted: neither round 1 pays for JIT and first connections. */
const WARM_UP_ROWS = 2_000;
const RATE = process.env.BENCH_DRAIN_PER_SECOND ?? '2000';
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '16';
const SUBJECT_PREFIX = 'धरना-प्रदर्शन की अनुमति / bench item ';

interface Round {
  rowsPerSecond: number;
  lost: number;
  duplicates: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-drain-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  const sim = await startEofficeSimulator({ port: 0 });
  const pg = new Client({ connectionString: url });
  try {
    await migrateDatabase(url, () => undefined);
    await pg.connect();
    // The default backend always; Redis as well when REDIS_URL names one.
    await measure(pg, sim, url, dataDir, undefined);
    if (process.env.REDIS_URL) await measure(pg, sim, url, dataDir, process.env.REDIS_URL);
    else console.log('eoffice.drain: set REDIS_URL to measure the Redis queue backend as well');
  } finally {
    await pg.end().catch(() => undefined);
    await sim.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ours and the bare worker, interleaved, on one queue backend (PostgreSQL, or Redis at `redisUrl`). */
async function measure(pg: Client, sim: EofficeSimulator, url: string, dataDir: string, redisUrl: string | undefined): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // The simulator stands in for e-Office, which production refuses; `test` keeps the rest as in production.
    NODE_ENV: 'test',
    EOFFICE_URL: sim.url,
    EOFFICE_DRAIN_PER_SECOND: RATE,
    EOFFICE_CONCURRENCY: CONCURRENCY,
    EOFFICE_DISPATCH_INTERVAL_MS: process.env.BENCH_DISPATCH_MS ?? '1000',
    DB_POOL_SIZE: '20',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  const backend = redisUrl ? 'redis' : 'postgres';
  const booting = performance.now();
  const app = await createApp({ config, databaseUrl: url });
  const bootSeconds = (performance.now() - booting) / 1000;
  const ours: Round[] = [];
  const bare: Round[] = [];
  try {
    await drainThroughApp(pg, sim, `${backend}_0`, WARM_UP_ROWS);
    await drainBare(config, sim, `${backend}-0`, WARM_UP_ROWS);
    for (let round = 1; round <= ROUNDS; round++) {
      ours.push(await drainThroughApp(pg, sim, `${backend}_${round}`));
      bare.push(await drainBare(config, sim, `${backend}-${round}`));
    }
  } finally {
    await app.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const oursRate = median(ours.map((r) => r.rowsPerSecond));
  const bareRate = median(bare.map((r) => r.rowsPerSecond));
  const name = `eoffice.drain.${backend}`;
  console.log(`${name}.rows: ${ROWS} per round, ${ROUNDS} interleaved rounds after a warm-up of ${WARM_UP_ROWS} each (rate limit ${RATE}/s, ${CONCURRENCY} in flight)`);
  console.log(`${name}.appBootSeconds: ${bootSeconds.toFixed(1)} (not counted in the rates)`);
  console.log(`${name}.rowsPerSecond: ${oursRate.toFixed(0)} (rounds: ${ours.map((r) => r.rowsPerSecond.toFixed(0)).join(', ')})`);
  console.log(`${name}.reference.bareBullmqWorker.rowsPerSecond: ${bareRate.toFixed(0)} (rounds: ${bare.map((r) => r.rowsPerSecond.toFixed(0)).join(', ')})`);
  console.log(`${name}.ofBareWorker: ${((100 * oursRate) / bareRate).toFixed(0)}% (goal >= 90%)`);
  console.log(`${name}.secondsToEmpty: ${(ROWS / oursRate).toFixed(1)} (goal < 60)`);
  console.log(`${name}.lost: ${ours.reduce((n, r) => n + r.lost, 0)}`);
  console.log(`${name}.duplicates: ${ours.reduce((n, r) => n + r.duplicates, 0)}`);
  const bareFaults = bare.reduce((n, r) => n + r.lost + r.duplicates, 0);
  if (bareFaults > 0) console.log(`(the bare worker lost or repeated ${bareFaults} deliveries)`);
}

/** One backlog of ROWS rows, committed at once, drained by the running app. */
async function drainThroughApp(pg: Client, sim: EofficeSimulator, round: string, rows = ROWS): Promise<Round> {
  await sim.reset();
  const sourceType = `bench_round_${round}`;
  await pg.query(
    `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject, metadata)
     SELECT $2, 'rec-' || g, 'BENCH/2026/' || lpad(g::text, 6, '0'), 'BENCH_ITEM',
            $3 || g, jsonb_build_object('n', g)
     FROM generate_series(1, $1) g`,
    [rows, sourceType, SUBJECT_PREFIX],
  );
  const started = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    // Whether any is left, not how many: counting thousands of rows 20 times a second would take
    // from the database the time the drain needs (the bare worker is timed by its own events).
    const { left } = (await pg.query(`SELECT EXISTS (SELECT 1 FROM eoffice_outbox WHERE status = 'PENDING') AS left`)).rows[0] as { left: boolean };
    if (!left) break;
    if (performance.now() - started > 600_000) throw new Error('rows still pending after 10 minutes');
  }
  const seconds = (performance.now() - started) / 1000;
  const delivered = (await pg.query(`SELECT id FROM eoffice_outbox WHERE status = 'DELIVERED' AND source_type = $1`, [sourceType])).rows as Array<{ id: string }>;
  // A row not DELIVERED (FAILED) is lost as surely as one without a receipt.
  const found = faults(sim, delivered.map((d) => d.id));
  return { rowsPerSecond: rows / seconds, lost: found.lost + rows - delivered.length, duplicates: found.duplicates };
}

/** The reference: the same POSTs as plain BullMQ jobs carrying their request, under the same limits. */
async function drainBare(config: AppConfig, sim: EofficeSimulator, round: string, rows = ROWS): Promise<Round> {
  await sim.reset();
  const name = `bench-bare-${round}`;
  // The app's own choice of backend and connection (PostgreSQL, or Redis when REDIS_URL is set), and nothing else of the app.
  const backend = new QueueBackend(config, config.DATABASE_URL!);
  const queue = backend.queue<DiarisationRequest>(name);
  const keys: string[] = [];
  for (let from = 1; from <= rows; from += 1000) {
    const jobs = Array.from({ length: Math.min(1000, rows - from + 1) }, (_, i) => {
      const n = from + i;
      const key = randomUUID();
      keys.push(key);
      const data: DiarisationRequest = {
        idempotencyKey: key,
        kind: 'BENCH_ITEM',
        subject: `${SUBJECT_PREFIX}${n}`,
        sourceRef: `BENCH/2026/${String(n).padStart(6, '0')}`,
        grading: 'NORMAL',
        metadata: { n, sourceType: `bench_bare_${round}`, queuedAt: new Date().toISOString() },
      };
      return { name: 'deliver', data, opts: { removeOnComplete: true, removeOnFail: true, attempts: 1 } };
    });
    await queue.addBulk(jobs);
  }
  const gateway = new SimulatorGatewayAdapter({ url: sim.url, timeoutMs: config.EOFFICE_TIMEOUT_MS });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const count = () => {
    if (++done === rows) finished();
  };
  const started = performance.now();
  const worker = backend.worker<DiarisationRequest>(name, async (job: Job<DiarisationRequest>) => gateway.diarise(job.data), {
    concurrency: config.EOFFICE_CONCURRENCY,
    limiter: { max: config.EOFFICE_DRAIN_PER_SECOND, duration: 1000 },
  });
  worker.on('completed', count);
  worker.on('failed', count);
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await backend.onApplicationShutdown();
  return { rowsPerSecond: rows / seconds, ...faults(sim, keys) };
}

/** Keys sent that have no receipt, and receipts beyond one per key. */
function faults(sim: EofficeSimulator, keys: string[]): Pick<Round, 'lost' | 'duplicates'> {
  const receipts = sim.ledger().receipts;
  const byKey = new Set(receipts.map((r) => r.idempotencyKey));
  return { lost: keys.filter((k) => !byKey.has(k)).length, duplicates: receipts.length - byKey.size };
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
