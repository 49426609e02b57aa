import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { SharedRateLimitStore } from '../src/platform/http/rate-limit-store';
import { publishedRoll } from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

// Limits low enough for the probes below to cross them, so each test can fail.
const PER_ADDRESS = 120;
const PER_LINK = 10;
const LINKS_PER_ADDRESS = 600;
const OFFICERS = 200;

/**
 * Throttles must not lock out the people they protect: a police station's constables share
 * one NAT address at shift change, and a load balancer probes health from one address. Every
 * request here comes from one address over loopback.
 */
describe('throttles: per link for slip links, none for health checks (e2e)', () => {
  let t: TestApp;
  let base: string;
  let links: string[];
  const get = (path: string) => fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });

  beforeAll(async () => {
    t = await bootTestApp({
      BASE_URL: 'https://police-ops.bhopal.test',
      RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS),
      RATE_LIMIT_PER_LINK_PER_MINUTE: String(PER_LINK),
      RATE_LIMIT_LINKS_PER_IP_PER_MINUTE: String(LINKS_PER_ADDRESS),
    });
    links = await publishedRoll(t, OFFICERS + 2);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(() => t.close());

  it('lets 200 officers behind one address open their own slip and its PDF at the same moment', async () => {
    const own = links.slice(0, OFFICERS);
    const pages = await Promise.all(own.map((link) => get(link)));
    const pdfs = await Promise.all(own.map((link) => get(`${link}/pdf`)));
    const statuses = [...pages, ...pdfs].map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(pages[0]!.headers.get('x-ratelimit-limit-perlink')).toBe(String(PER_LINK));
    await Promise.all([...pages, ...pdfs].map((r) => r.arrayBuffer()));
  });

  it('holds an idle connection longer than a proxy or client does, so they close it first', async () => {
    // A server that closes first races the next request sent on that connection: "socket hang
    // up" for a client, 502 for a reverse proxy (60 s idle is their usual default).
    const res = await get('/health');
    await res.arrayBuffer();
    const hint = /timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '');
    expect(Number(hint?.[1])).toBeGreaterThan(60);
  });

  it('still refuses one link hammered from one address, page and PDF together, and no other', async () => {
    const [hammered, neighbour] = links.slice(OFFICERS);
    const statuses: number[] = [];
    for (let i = 0; i < PER_LINK; i++) {
      const res = await get(i % 2 === 0 ? hammered! : `${hammered}/pdf`);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual(Array(PER_LINK).fill(200));
    const refused = await get(hammered!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after-perlink'))).toBeGreaterThan(0);
    expect((await get(`${hammered}/pdf`)).status).toBe(429);
    // Another officer's link from the same address is untouched.
    expect((await get(neighbour!)).status).toBe(200);
  });

  it('answers health checks probed 50 times a second from one address, past the per-address limit', async () => {
    const PROBES_PER_SECOND = 50;
    const SECONDS = 4;
    expect(PROBES_PER_SECOND * SECONDS).toBeGreaterThan(PER_ADDRESS);
    const statuses: number[] = [];
    const started = Date.now();
    const inFlight: Array<Promise<void>> = [];
    for (let i = 0; i < PROBES_PER_SECOND * SECONDS; i++) {
      const due = started + (i * 1000) / PROBES_PER_SECOND;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      for (const path of ['/health', '/health/ready'])
        inFlight.push(
          get(path).then(async (res) => {
            await res.arrayBuffer();
            statuses.push(res.status);
          }),
        );
    }
    await Promise.all(inFlight);
    // All within one minute (the limit's window), however slow the machine: the probes crossed the per-address limit.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(statuses).toHaveLength(2 * PROBES_PER_SECOND * SECONDS);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Control: the same address on an ordinary route meets the per-address limit. The count is
    // a sliding estimate over minute windows (rate-limit-store.ts): sent within one window, the
    // control meets the limit exactly, so it waits for the next window when this one is nearly over.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 100));
    const control: number[] = [];
    for (let i = 0; i <= PER_ADDRESS; i++) {
      const res = await fetch(`${base}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: `not-a-token-${i}` }),
      });
      control.push(res.status);
      await res.arrayBuffer();
    }
    expect(control.slice(0, PER_ADDRESS)).not.toContain(429);
    expect(control[PER_ADDRESS]).toBe(429);
  });

  it('stops one address that walks through many links at the per-address ceiling', async () => {
    // Forged tokens, each a new link: only the ceiling across links can stop them.
    let refusedAt = -1;
    for (let i = 0; i < LINKS_PER_ADDRESS + 1 && refusedAt < 0; i++) {
      const res = await get(`/api/v1/duty-slips/public/${String(i).padStart(48, 'A')}`);
      await res.arrayBuffer();
      if (res.status === 429) {
        refusedAt = i;
        expect(Number(res.headers.get('retry-after-linksperaddress'))).toBeGreaterThan(0);
      } else expect(res.status).toBe(404);
    }
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    // The officers' own links from that address wait for the minute too: it is a ceiling.
    expect((await get(links[0]!)).status).toBe(429);
  });

  it('counts across instances: what one instance let through, another sees after a sync', async () => {
    // Two stores on the one database, as two instances behind a load balancer have.
    const [a, b] = [new SharedRateLimitStore(t.app.get(DataSource)), new SharedRateLimitStore(t.app.get(DataSource))];
    const key = `test:shared:${Date.now()}`;
    const now = Date.now();
    for (let i = 0; i < 6; i++) expect(a.count(key, 60_000, 10, 60_000, now).isBlocked).toBe(false);
    await a.sync();
    // b has counted nothing itself; its first sync sends its one hit and brings back a's six.
    expect(b.count(key, 60_000, 10, 60_000, now).isBlocked).toBe(false);
    await b.sync();
    const answers = [0, 1, 2, 3].map(() => b.count(key, 60_000, 10, 60_000, now).isBlocked);
    expect(answers).toEqual([false, false, false, true]);
    const [{ hits }] = await t.app.get(DataSource).query(`SELECT sum(hits)::int AS hits FROM rate_limit_count WHERE key = $1`, [key]);
    expect(hits).toBe(7);
  });
});
