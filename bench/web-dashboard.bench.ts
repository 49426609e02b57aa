/**
 * The web app's two figures (issue 13):
 * - the control-room dashboard's first load on loopback with a cold cache (a fresh browser
 *   profile each time, already logged in through its cookie): time from navigation to the map
 *   (its vector layers drawn) and the day's list both being visible. Goal < 1 s.
 * - the initial JavaScript, gzipped: every script the browser fetches to show the first screen
 *   (the login page), each gzipped at level 9 as a server or proxy would send it. Goal < 250 KB.
 *   The map and the lazily loaded screens are not part of it.
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';
import { webAppDir } from '../src/platform/web-app';
import { applicationBody, createApplication, driveTo, istAt, protestActors, seedVenues } from '../test/support/protests';
import { bootTestApp, TEST_PASSWORD } from '../test/support/test-app';
import { listen } from '../test/web/support/browser';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LOADS = 5;

async function main(): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-web-'));
  const db = new EmbeddedDatabase({ dataDir: dbDir });
  const t = await bootTestApp({ LOG_LEVEL: 'silent' }, await db.start());
  const profiles: string[] = [];
  try {
    const base = await listen(t);
    // Today's and tomorrow's approved dharnas on the map and the list.
    const a = await protestActors(t);
    await seedVenues(t, a.admin);
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    for (const day of [0, 1]) {
      const hhmm = day === 0 ? '23:00' : '11:00';
      const body = applicationBody({ event: { startsAt: istAt(day, hhmm), endsAt: istAt(day, day === 0 ? '23:50' : '14:00') }, intake: { receivedAt } });
      await driveTo(t, a, 'APPROVED', await createApplication(t, a, body));
    }
    await t.tokenFor(['CONTROL_ROOM']); // the user the browser logs in as
    const username = 't_control_room_bpl';

    const launch = async () => {
      const profile = mkdtempSync(join(tmpdir(), 'police-ops-bench-chromium-'));
      profiles.push(profile);
      return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, baseURL: base, viewport: { width: 1280, height: 900 } });
    };

    // The initial JavaScript: what the login page fetches.
    const first = await launch();
    const scripts = new Set<string>();
    first.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
    });
    const loginPage = first.pages()[0] ?? (await first.newPage());
    await loginPage.goto('/login', { waitUntil: 'networkidle' });
    await first.close();
    let raw = 0;
    let gzipped = 0;
    for (const path of scripts) {
      const file = readFileSync(join(webAppDir(), path));
      raw += file.length;
      gzipped += gzipSync(file, { level: 9 }).length;
    }

    // The dashboard, cold: a new profile (empty cache) with a session cookie from a login made
    // through the API, so not one asset is cached before the timed navigation.
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await launch();
      const login = await context.request.post('/api/v1/auth/session', {
        headers: { 'x-requested-with': 'police-ops', origin: base },
        data: { username, password: TEST_PASSWORD },
      });
      if (login.status() !== 200) throw new Error(`browser login answered ${login.status()}: ${await login.text()}`);
      const page = context.pages()[0] ?? (await context.newPage());
      const started = performance.now();
      if (process.env.BENCH_TRACE) page.on('requestfinished', (r) => console.log(`${(performance.now() - started).toFixed(0).padStart(6)} ms  ${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
      await page.goto('/dashboard', { waitUntil: 'commit' });
      await Promise.all([
        page.locator('.map path.leaflet-interactive').first().waitFor({ state: 'visible', timeout: 30_000 }),
        page.locator('.days-panel .row.item').first().waitFor({ state: 'visible', timeout: 30_000 }),
      ]);
      times.push(performance.now() - started);
      await context.close();
    }
    const sorted = [...times].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`web.dashboardColdLoad: map and list visible in ${median.toFixed(0)} ms (median of ${LOADS} cold loads, ${sorted[0]!.toFixed(0)}–${sorted[sorted.length - 1]!.toFixed(0)} ms; goal < 1,000 ms)`);
    console.log(`web.initialJs: ${(gzipped / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(0)} KB raw, ${scripts.size} script${scripts.size === 1 ? '' : 's'} for the first screen; goal < 250 KB)`);
  } finally {
    await t.close();
    await db.stop();
    rmSync(dbDir, { recursive: true, force: true });
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
