/**
 * Throughput of audited writes: dak items received through the API (a change, its outbox
 * row and its audit rows in one transaction), at 1 and at 8 concurrent clients, in one run.
 * With the audit chain hashed after commit, 8 clients reach well over twice the rate of one;
 * a system-wide lock held across each transaction would keep both at the same rate.
 */
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { UsersService } from '../src/platform/auth/users.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { UnitsService } from '../src/platform/units/units.service';
import type { DakRound } from './support/dak-clients.worker';

// Per 8-client round (a third of it per 1-client round): long enough, at a few seconds a round,
// that the first requests' connection set-up and plan caching do not weigh in the rate.
const WRITES = Number(process.env.BENCH_AUDITED_WRITES ?? 1500);
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
    const clients = dakClients();
    // Each round's rate, and the CPU it cost per write: this process (the app, and the clients'
    // thread) and PostgreSQL's processes, from /proc, so the figure says where a write's time goes.
    const cpu: Record<number, Array<{ app: number; db: number }>> = { 1: [], 8: [] };
    const run = async (n: number, writes: number) => {
      const app0 = process.cpuUsage();
      const db0 = postgresCpuMs();
      const rate = await clients.run({ base, accessToken, clients: n, writes });
      const app1 = process.cpuUsage(app0);
      cpu[n]?.push({ app: (app1.user + app1.system) / 1000 / writes, db: (postgresCpuMs() - db0) / writes });
      return rate;
    };
    // Warm-up at the highest concurrency measured, so every pooled connection the 8 clients use
    // is open and has its plans cached before any round is timed (JIT, pools, plans).
    await run(8, 400);
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
    for (const n of [1, 8]) {
      const rounds = cpu[n]!.slice(-3);
      const appMs = median(rounds.map((r) => r.app));
      const dbMs = median(rounds.map((r) => r.db));
      console.log(`  CPU per write at ${n} client${n > 1 ? 's' : ''}: app ${appMs.toFixed(1)} ms, PostgreSQL ${dbMs.toFixed(1)} ms (medians of the timed rounds)`);
    }
    await clients.close();
    await app.close();
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU time (user and system, ms) of every PostgreSQL process on the machine so far, from /proc. */
function postgresCpuMs(): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** The clients, in one worker thread for the whole run (bench/support/dak-clients.worker.ts). */
function dakClients(): { run(round: DakRound): Promise<number>; close(): Promise<number> } {
  const worker = new Worker(join(__dirname, 'support', 'dak-clients.worker.ts'), { execArgv: ['-r', 'ts-node/register'] });
  return {
    run: (round) =>
      new Promise((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        worker.once('error', onError);
        worker.once('message', (answer: { rate?: number; error?: string }) => {
          worker.off('error', onError);
          if (answer.error !== undefined) reject(new Error(answer.error));
          else resolve(answer.rate!);
        });
        worker.postMessage(round);
      }),
    close: () => worker.terminate(),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
