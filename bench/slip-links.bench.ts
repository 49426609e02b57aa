/**
 * Shift change at one police station: 200 officers behind one NAT address open their own duty
 * slip link over 200 connections at once (the page, then its PDF, then both again, as an
 * officer who looks twice), while one other link is hammered from the same address; then a
 * monitor probes /health and /health/ready 50 times a second from that address, for longer
 * than it takes to cross the per-address limit of the rest of the API.
 *
 * Prints requests/s and p99 for the officers' own slips and the count of 429s among them
 * (must be 0), how the hammered link was answered (refused after its per-link limit), and the
 * health answers (all 200). The app runs with its production limits. Loopback only; bounded:
 * 800 slip requests, 30 hammer requests, 1,300 probes, a deadline of 30 s per request.
 * Run: node -r ts-node/register bench/slip-links.bench.ts
 */
import 'reflect-metadata';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { APP_CONFIG, AppConfig } from '../src/config/config';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { publishedRoll } from '../test/support/duty-charts';
import { bootTestApp } from '../test/support/test-app';

const OFFICERS = 200;
const OPENS_PER_OFFICER = 2; // page + PDF each time
const HAMMER_REQUESTS = 30;
const PROBES_PER_SECOND = 50;
const PROBE_SECONDS = 13; // 650 probes of each route: past the 600-a-minute per-address limit
const REQUEST_TIMEOUT_MS = 30_000;

interface Load {
  base: string;
  own: string[];
  hammered: string;
}

interface Answer {
  status: number;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
}

interface Figures {
  own: { requests: number; seconds: number; p50: number; p99: number; refused: number; other: number };
  hammered: { ok: number; refused: number; other: number; retryAfter: string | undefined };
  health: { probes: number; ok: number; statuses: Record<number, number> };
}

async function main(): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-links-'));
  const db = new EmbeddedDatabase({ dataDir: dbDir });
  const url = await db.start();
  try {
    // The production limits: RATE_LIMIT_PER_MINUTE at its default (the test helper raises it).
    const t = await bootTestApp(
      { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '600', BASE_URL: 'https://police-ops.bhopal.test' },
      url,
    );
    try {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const links = await publishedRoll(t, OFFICERS + 1);
      await t.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      // The clients run in a worker thread, so their own work does not share the app's event loop.
      const f = await inWorker({ base, own: links.slice(0, OFFICERS), hammered: links[OFFICERS]! });
      const perLink = config.RATE_LIMIT_PER_LINK_PER_MINUTE;
      const o = f.own;
      console.log(
        `slipLinks.ownSlips: ${o.requests} requests over ${OFFICERS} connections from one address in ${o.seconds.toFixed(2)} s: ${(o.requests / o.seconds).toFixed(0)} requests/s, p50 ${o.p50.toFixed(0)} ms, p99 ${o.p99.toFixed(0)} ms`,
      );
      console.log(`slipLinks.ownSlips.429: ${o.refused} (must be 0)${o.other ? `; ${o.other} other non-200 answers` : ''}`);
      const h = f.hammered;
      console.log(
        `slipLinks.hammeredLink: ${HAMMER_REQUESTS} requests to one link from that address: ${h.ok} answered, ${h.refused} refused with 429 (Retry-After-perLink ${h.retryAfter ?? '-'} s; limit ${perLink} a minute per link)`,
      );
      console.log(
        `health.probes: ${f.health.probes} probes of /health and /health/ready at ${PROBES_PER_SECOND}/s each for ${PROBE_SECONDS} s from one address: ${f.health.ok} answered 200 ${JSON.stringify(f.health.statuses)} (per-address limit of the API ${config.RATE_LIMIT_PER_MINUTE} a minute)`,
      );
      const ok =
        o.refused === 0 &&
        o.other === 0 &&
        h.ok === perLink &&
        h.refused === HAMMER_REQUESTS - perLink &&
        f.health.ok === f.health.probes;
      if (!ok) {
        console.log('slipLinks: FAILED (429s for officers’ own slips, an unlimited hammered link, or a refused health check)');
        process.exitCode = 1;
      }
    } finally {
      await t.close();
    }
  } finally {
    await db.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

function inWorker(load: Load): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: load, execArgv: ['-r', 'ts-node/register'] });
    worker.once('message', (figures: Figures) => resolve(figures));
    worker.once('error', reject);
  });
}

/** One GET over the given connection; the body is read and dropped. */
function get(agent: Agent, url: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, headers: res.headers }),
      );
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`no answer from ${url} in ${REQUEST_TIMEOUT_MS} ms`)));
    req.once('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function load({ base, own, hammered }: Load): Promise<Figures> {
  // One connection per officer's phone (all behind the one address), one for the hammering.
  const agents = own.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const hammerAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  const hammering = (async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < HAMMER_REQUESTS; i++)
      answers.push(await get(hammerAgent, `${base}${hammered}${i % 2 === 0 ? '' : '/pdf'}`));
    return answers;
  })();
  const ownAnswers = (
    await Promise.all(
      own.map(async (link, i) => {
        const answers: Answer[] = [];
        for (let n = 0; n < OPENS_PER_OFFICER; n++) {
          answers.push(await get(agents[i]!, `${base}${link}`));
          answers.push(await get(agents[i]!, `${base}${link}/pdf`));
        }
        return answers;
      }),
    )
  ).flat();
  const seconds = (performance.now() - started) / 1000;
  const hammerAnswers = await hammering;
  for (const a of [...agents, hammerAgent]) a.destroy();

  const probeAgent = new Agent({ keepAlive: true, maxSockets: 16 });
  const probes: Array<Promise<Answer>> = [];
  const probeStart = performance.now();
  for (let i = 0; i < PROBES_PER_SECOND * PROBE_SECONDS; i++) {
    const due = probeStart + (i * 1000) / PROBES_PER_SECOND;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    for (const path of ['/health', '/health/ready']) probes.push(get(probeAgent, `${base}${path}`));
  }
  const probeAnswers = await Promise.all(probes);
  probeAgent.destroy();

  const ms = ownAnswers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const a of probeAnswers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const retryAfter = hammerAnswers.find((a) => a.status === 429)?.headers['retry-after-perlink'];
  return {
    own: {
      requests: ownAnswers.length,
      seconds,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      refused: ownAnswers.filter((a) => a.status === 429).length,
      other: ownAnswers.filter((a) => a.status !== 200 && a.status !== 429).length,
    },
    hammered: {
      ok: hammerAnswers.filter((a) => a.status === 200).length,
      refused: hammerAnswers.filter((a) => a.status === 429).length,
      other: hammerAnswers.filter((a) => a.status !== 200 && a.status !== 429).length,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    },
    health: { probes: probeAnswers.length, ok: statuses[200] ?? 0, statuses },
  };
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  load(workerData as Load).then(
    (figures) => parentPort!.postMessage(figures),
    (e) => {
      throw e;
    },
  );
}
