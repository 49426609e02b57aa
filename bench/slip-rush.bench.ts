/**
 * Shift-change rush: 200 concurrent keep-alive connections, each an officer's phone opening
 * their own duty slip's PDF through the public link again and again for ROUND_SECONDS, over
 * five rounds, against the reference: a static file server (express.static, in a process of
 * its own like the app) serving the same stored PDF to the same load, its rounds interleaved
 * with ours in the same run. Before the rounds, every officer opens their just-published slip
 * at the same moment, once (`firstOpen`): slips are drawn on first read, so this is when each
 * is drawn; the rounds then serve drawn slips, as the static server does.
 *
 * The link limits are raised past what the rush sends, so every throttler still counts every
 * request (its cost is in the figure) but none refuses; a 429 or any other non-200 is printed.
 * Goal: ≥ 50% of the static server's requests/s, p99 ≤ 2× its p99, steady across the rounds.
 * Run: npm run bench -- slip-rush   (BENCH_RUSH_SECONDS shortens the rounds)
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { publishedRoll } from '../test/support/duty-charts';
import { bootTestApp } from '../test/support/test-app';

const CONNECTIONS = 200;
const ROUNDS = 5;
const ROUND_SECONDS = Number(process.env.BENCH_RUSH_SECONDS ?? 20);
const REQUEST_TIMEOUT_MS = 30_000;

interface Round {
  /** One URL per connection. */
  urls: string[];
  seconds: number;
}

interface RoundFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--static') return serveStatic(process.argv[3]!);
  const dir = mkdtempSync(join(tmpdir(), 'police-ops-bench-rush-'));
  const db = new EmbeddedDatabase({ dataDir: dir });
  const url = await db.start();
  let staticServer: ChildProcess | undefined;
  const cleanUp = [dir];
  try {
    const t = await bootTestApp(
      { LOG_LEVEL: 'silent', RATE_LIMIT_PER_LINK_PER_MINUTE: '100000', RATE_LIMIT_LINKS_PER_IP_PER_MINUTE: '100000', BASE_URL: 'https://police-ops.bhopal.test' },
      url,
    );
    try {
      const links = await publishedRoll(t, CONNECTIONS);
      await t.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      const ours = links.map((l) => `${base}${l}/pdf`);
      // Just published, no slip is drawn yet (they are drawn on first read): every officer
      // opens theirs at the same moment, once. The rounds then measure serving drawn slips.
      const opening = performance.now();
      const firsts = await Promise.all(ours.map(async (u) => (await fetch(u)).arrayBuffer()));
      console.log(`slipRush.firstOpen: ${CONNECTIONS} slips opened for the first time at once, all drawn and answered in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
      // The reference serves the same stored PDF: one officer's slip, as a file.
      const pdf = Buffer.from(firsts[0]!);
      const files = mkdtempSync(join(tmpdir(), 'police-ops-bench-rush-static-'));
      cleanUp.push(files);
      writeFileSync(join(files, 'slip.pdf'), pdf);
      const started = await startStatic(files);
      staticServer = started.child;
      const reference = links.map(() => `http://127.0.0.1:${started.port}/slip.pdf`);

      const client = rushClient();
      // Warm-up of both, so neither round 1 pays for JIT and first connections.
      await client.run({ urls: reference, seconds: 2 });
      await client.run({ urls: ours, seconds: 2 });
      const mine: RoundFigures[] = [];
      const theirs: RoundFigures[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        theirs.push(await client.run({ urls: reference, seconds: ROUND_SECONDS }));
        mine.push(await client.run({ urls: ours, seconds: ROUND_SECONDS }));
        const [o, s] = [mine.at(-1)!, theirs.at(-1)!];
        console.log(
          `slipRush.round${round}: ours ${o.perSecond.toFixed(0)} req/s p50 ${o.p50.toFixed(0)} ms p99 ${o.p99.toFixed(0)} ms ${JSON.stringify(o.statuses)}; static ${s.perSecond.toFixed(0)} req/s p50 ${s.p50.toFixed(0)} ms p99 ${s.p99.toFixed(0)} ms`,
        );
      }
      await client.close();
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const [oRate, sRate] = [median(mine.map((r) => r.perSecond)), median(theirs.map((r) => r.perSecond))];
      const [oP99, sP99] = [median(mine.map((r) => r.p99)), median(theirs.map((r) => r.p99))];
      const steadiness = (rounds: RoundFigures[]) => Math.min(...rounds.map((r) => r.perSecond)) / Math.max(...rounds.map((r) => r.perSecond));
      const steady = steadiness(mine);
      const failures = mine.reduce((n, r) => n + Object.entries(r.statuses).filter(([s]) => s !== '200').reduce((m, [, c]) => m + c, 0), 0);
      console.log(
        `slipRush.throughput: ours ${oRate.toFixed(0)} req/s, static server ${sRate.toFixed(0)} req/s: ${((100 * oRate) / sRate).toFixed(0)}% (goal ≥ 50%)`,
      );
      console.log(`slipRush.p99: ours ${oP99.toFixed(0)} ms, static server ${sP99.toFixed(0)} ms: ${(oP99 / sP99).toFixed(2)}× (goal ≤ 2×)`);
      console.log(`slipRush.steady: slowest round ${(100 * steady).toFixed(0)}% of the fastest over ${ROUNDS} rounds of ${ROUND_SECONDS} s (static server: ${(100 * steadiness(theirs)).toFixed(0)}%); ${failures} answers not 200`);
      if (failures > 0) process.exitCode = 1;
    } finally {
      await t.close();
    }
  } finally {
    staticServer?.kill();
    await db.stop();
    for (const d of cleanUp) rmSync(d, { recursive: true, force: true });
  }
}

/** The reference: express.static in a Node process of its own, as the app has one. */
function startStatic(files: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--static', files], { execArgv: ['-r', 'ts-node/register'], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } });
    child.once('message', (port) => resolve({ child, port: port as number }));
    child.once('error', reject);
  });
}

function serveStatic(files: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const express = require('express') as typeof import('express');
  const app = express();
  app.use(express.static(files, { etag: true }));
  const server = app.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
  server.keepAliveTimeout = 65_000;
}

/** The load, in a worker thread for the whole run, so its work does not share the app's event loop. */
function rushClient(): { run(round: Round): Promise<RoundFigures>; close(): Promise<number> } {
  const worker = new Worker(__filename, { execArgv: ['-r', 'ts-node/register'] });
  return {
    run: (round) =>
      new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (f: RoundFigures) => {
          worker.off('error', reject);
          resolve(f);
        });
        worker.postMessage(round);
      }),
    close: () => worker.terminate(),
  };
}

function get(agent: Agent, url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`no answer from ${url} in ${REQUEST_TIMEOUT_MS} ms`)));
    req.once('error', reject);
    req.end();
  });
}

async function rush({ urls, seconds }: Round): Promise<RoundFigures> {
  const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const ms: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    urls.map(async (url, i) => {
      while (performance.now() < until) {
        const a = await get(agents[i]!, url);
        ms.push(a.ms);
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  for (const a of agents) a.destroy();
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  return { requests: ms.length, perSecond: ms.length / elapsed, p50: at(0.5), p99: at(0.99), statuses };
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (workerData === null || workerData === undefined) {
  parentPort!.on('message', (round: Round) => {
    rush(round).then((f) => parentPort!.postMessage(f));
  });
}
