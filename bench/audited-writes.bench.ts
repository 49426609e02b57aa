/**
 * Throughput of audited writes: dak items received through the API (a change, its outbox
 * row and its audit rows in one transaction), at 1 and at 8 concurrent clients, in one run.
 * With the audit chain hashed after commit, 8 clients reach well over twice the rate of one;
 * a system-wide lock held across each transaction would keep both at the same rate.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { UsersService } from '../src/platform/auth/users.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { UnitsService } from '../src/platform/units/units.service';

const WRITES = Number(process.env.BENCH_AUDITED_WRITES ?? 600);
const PASSWORD = 'bench-horse-battery-staple';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-writes-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '100000', DB_POOL_SIZE: '20' });
    const app = await createApp({ config, databaseUrl: url });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    await app.get(TransactionService).run(async (em) => {
      const unit = await app.get(UnitsService).byCode('BPL', em);
      await app.get(UsersService).insert(em, {
        username: 'bench.control',
        displayNameEn: 'Bench control room',
        displayNameHi: 'बेंच नियंत्रण कक्ष',
        rank: 'SI',
        unitId: unit.id,
        roles: ['CONTROL_ROOM'],
        password: PASSWORD,
        mustChangePassword: false,
      });
    });
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.control', password: PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // The clients run in a worker thread, so their own work does not share the app's event loop.
    const run = (clients: number, writes: number) => inWorker({ base, accessToken, clients, writes });
    await run(4, 100); // warm-up: JIT, pools, plans
    // Interleaved, so drift on a shared machine hits both alike; medians of three.
    const one: number[] = [];
    const eight: number[] = [];
    for (let round = 0; round < 3; round++) {
      one.push(await run(1, WRITES / 3));
      eight.push(await run(8, WRITES));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const r1 = median(one);
    const r8 = median(eight);
    console.log(`audited writes (dak received via the API), 1 client:   ${r1.toFixed(0)} writes/s`);
    console.log(`audited writes (dak received via the API), 8 clients:  ${r8.toFixed(0)} writes/s  (${(r8 / r1).toFixed(2)}× one client; goal ≥ 2×)`);
    await app.close();
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Load {
  base: string;
  accessToken: string;
  clients: number;
  writes: number;
}

function inWorker(load: Load): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: load, execArgv: ['-r', 'ts-node/register'] });
    worker.once('message', (rate: number) => resolve(rate));
    worker.once('error', reject);
  });
}

/** Writes per second for `writes` dak items sent by `clients` concurrent clients. */
async function load({ base, accessToken, clients, writes }: Load): Promise<number> {
  let n = 0;
  // Plain http with keep-alive: lighter on the shared CPU than fetch.
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL(`${base}/dak`);
  const write = () =>
    new Promise<void>((resolve, reject) => {
      const i = n++;
      const body = JSON.stringify({
        subject: `धरना-प्रदर्शन की अनुमति हेतु आवेदन ${i} / Application ${i}`,
        senderName: `Applicant ${i}`,
        intakeChannel: 'EMAIL',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${accessToken}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`dak create answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  let left = writes;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) await write();
    }),
  );
  const rate = writes / ((performance.now() - started) / 1000);
  agent.destroy();
  return rate;
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  load(workerData as Load).then((rate) => parentPort!.postMessage(rate));
}
