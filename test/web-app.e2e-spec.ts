import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from './support/test-app';

const WEB = join(__dirname, '..', 'dist', 'web');

function csp(res: Response): Map<string, string[]> {
  return new Map(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The built app's document: our origin only, nothing inline, revalidated on every load. */
function expectAppDocument(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.text).toContain('<div id="root"></div>');
  expect(res.headers['cache-control']).toBe('no-cache');
  const policy = csp(res);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('font-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval|data:/);
  // Vite's build: module scripts and stylesheets by URL, nothing inline for the CSP to refuse.
  expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(res.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
}

describe('the web app served by the API process (e2e)', () => {
  let t: TestApp;
  const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('serves the app at / and at every page path the app routes itself (history fallback)', async () => {
    expectAppDocument(await t.http.get('/').set(html));
    expectAppDocument(await t.http.get('/dashboard').set(html));
    expectAppDocument(await t.http.get('/sessions/anything/deeper').set(html));
    expectAppDocument(await t.http.get('/login?next=%2Fdashboard').set(html));
  });

  it('never answers the API, verify, health or queue-board paths with the app, whatever the browser accepts', async () => {
    const api = await t.http.get('/api/v1/no-such-route').set(html);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
    const shouted = await t.http.get('/API/V1/no-such-route').set(html);
    expect(shouted.status).toBe(404);
    expect(shouted.text).not.toContain('<div id="root">');
    const me = await t.http.get('/api/v1/auth/me').set(html);
    expect(me.status).toBe(401);
    const docs = await t.http.get('/api/docs-json').set(html);
    expect(docs.status).toBe(200);
    expect(docs.headers['content-type']).toMatch(/json/);
    const verify = await t.http.get('/verify/nothing.here').set(html);
    expect(verify.text).not.toContain('<div id="root">');
    const verifyIndex = await t.http.get('/verify').set(html);
    expect(verifyIndex.text).not.toContain('<div id="root">');
    // The duty-slip link of an SMS is the server's page, never the app's.
    const slip = await t.http.get('/s/not-a-valid-slip-token').set(html);
    expect(slip.text).not.toContain('<div id="root">');
    // The public pages' font, a file of the server's, never the app (a missing one is a 404).
    const font = await t.http.get('/fonts/noto-sans-devanagari-400.ttf').set(html).expect(200);
    expect(font.headers['content-type']).toMatch(/font\/ttf/);
    const noFont = await t.http.get('/fonts/nothing-here').set(html).expect(404);
    expect(noFont.text).not.toContain('<div id="root">');
    const health = await t.http.get('/health').set(html).expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const board = await t.http.get('/admin/queues').set(html);
    expect(board.status).toBe(401);
    expect(board.text).not.toContain('<div id="root">');
  });

  it('answers only page navigations with the app: not API-style requests, other methods or missing files', async () => {
    expect((await t.http.get('/dashboard').set('Accept', 'application/json')).status).toBe(404);
    expect((await t.http.post('/dashboard').set(html)).status).toBe(404);
    expect((await t.http.get('/favicon.ico').set(html)).status).toBe(404);
    const missing = await t.http.get('/assets/index-NOSUCHHASH.js').set(html);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
    expect((await t.http.get('/assets/.build-stamp')).status).toBe(404);
  });

  it('gives the hashed build files a year-long immutable cache, and the app document none', async () => {
    const assets = readdirSync(join(WEB, 'assets'));
    const script = assets.find((f) => /^index-[\w-]+\.js$/.test(f));
    const font = assets.find((f) => /^NotoSansDevanagari_400Regular-[\w-]+\.ttf$/.test(f));
    expect(script).toBeDefined();
    expect(font).toBeDefined();
    const js = await t.http.get(`/assets/${script}`).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const ttf = await t.http.get(`/assets/${font}`).expect(200);
    expect(ttf.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The document names the entry script, so a new build is picked up on the next load.
    const page = await t.http.get('/').set(html);
    expect(page.text).toContain(`/assets/${script}`);
  });

  it('tells the signed-in app where its maps are: no tile server by default, the commissionerate to open on', async () => {
    const token = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    const settings = await t.http.get('/api/v1/web-app/settings').auth(token, { type: 'bearer' }).expect(200);
    expect(settings.body).toEqual({
      mapTileUrl: null,
      mapTileAttribution: null,
      bounds: { minLat: 23.09, minLng: 77.21, maxLat: 23.69, maxLng: 77.6 },
    });
    await t.http.get('/api/v1/web-app/settings').expect(401);
  });
});

describe('the web app with a tile server (MAP_TILE_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ MAP_TILE_URL: 'https://{s}.tiles.bhopal.example/osm/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' });
  });
  afterAll(() => t.close());

  it("allows the tile server's host for images on the app's document only, and hands the template to the app", async () => {
    const page = await t.http.get('/dashboard').set('Accept', 'text/html');
    expect(csp(page).get('img-src')).toEqual(["'self'", 'https://*.tiles.bhopal.example']);
    expect(csp(page).get('connect-src')).toEqual(["'self'"]);
    const api = await t.http.get('/health');
    expect(csp(api).get('img-src')).toEqual(["'self'"]);
    const token = await t.tokenFor(['CONTROL_ROOM']);
    const settings = await t.http.get('/api/v1/web-app/settings').auth(token, { type: 'bearer' }).expect(200);
    expect(settings.body).toMatchObject({ mapTileUrl: 'https://{s}.tiles.bhopal.example/osm/{z}/{x}/{y}.png', mapTileAttribution: '© OpenStreetMap contributors' });
  });
});
