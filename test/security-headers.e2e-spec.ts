import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from './support/test-app';

/** The Content-Security-Policy header as directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What every answer carries: own origin only, no inline script, never framed, nosniff, features off. */
function expectBaseline(res: Response): void {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  const permissions = String(res.headers['permissions-policy']);
  expect(permissions).toContain('camera=()');
  expect(permissions).toContain('microphone=()');
  expect(permissions).toContain('geolocation=(self)');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** Strict: nothing inline at all, except a page's own stylesheet by hash. */
function expectStrict(res: Response): void {
  expectBaseline(res);
  const policy = csp(res);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
  expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
}

/** An HTML page of ours: its one <style> block is exactly what the policy allows by hash, and nothing else is inline. */
function expectOwnPage(res: Response): void {
  expectStrict(res);
  const html = res.text;
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(styles).toHaveLength(1);
  const hash = `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`;
  expect(csp(res).get('style-src')).toEqual(["'self'", hash]);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
}

describe('HTTP security headers (e2e)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.tokenFor(['ADMIN'], 'TT_NAGAR');
  });
  afterAll(() => t.close());

  it('sends the strict set and no-store on an API answer with personal data, and on its refusals', async () => {
    const users = await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' }).expect(200);
    expectStrict(users);
    expect(users.headers['cache-control']).toBe('no-store');
    // BASE_URL is http here: no HSTS.
    expect(users.headers['strict-transport-security']).toBeUndefined();

    const refused = await t.http.get('/api/v1/users').expect(401);
    expectStrict(refused);
    expect(refused.headers['cache-control']).toBe('no-store');
    const broken = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expectStrict(broken);
    expect(broken.headers['cache-control']).toBe('no-store');
  });

  it('sends the strict set on /health', async () => {
    const health = await t.http.get('/health').expect(200);
    expectStrict(health);
    expect(health.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the public /verify page of a real paper under the strict policy, its stylesheet allowed by hash', async () => {
    const letter = await t.http
      .post('/api/v1/documents/general-letter')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'en', recipient: 'SHO TT Nagar', subject: 'Headers', body: 'A letter whose QR code is checked.' })
      .expect(201);
    const page = await t.http.get(new URL(letter.body.verifyUrl as string).pathname).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('class="verdict valid"');
    expectOwnPage(page);
    // Devanagari for a browser without the font: from our own origin, which the policy allows.
    expect(page.text).toContain('url(/fonts/noto-sans-devanagari-400.ttf)');
    await t.http.get('/fonts/noto-sans-devanagari-400.ttf').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');

    const invalid = await t.http.get('/verify/garbage').expect(200);
    expect(invalid.text).toContain('class="verdict invalid"');
    expectOwnPage(invalid);
  });

  it('serves the duty-slip phone page under the strict policy', async () => {
    const page = await t.http.get('/api/v1/duty-slips/public/not-a-real-token').expect(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expectOwnPage(page);
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('gives the queue board a relaxed style policy on its path only; its scripts stay our own files', async () => {
    const board = await t.http.get('/admin/queues').auth(admin, { type: 'bearer' }).expect(200);
    expectBaseline(board);
    const policy = csp(board);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    // Every script the page runs is a file from our origin (the JSON config block is data, not run).
    const scripts = [...board.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toMatch(/\ssrc="(?!https?:|\/\/)[^"]+"|type="application\/json"/);
    const src = board.text.match(/<script[^>]*\ssrc="([^"]+)"/)![1]!;
    await t.http.get(`/admin/queues/${src}`).auth(admin, { type: 'bearer' }).expect(200).expect('content-type', /javascript/);
    const api = await t.http.get('/admin/queues/api/queues').auth(admin, { type: 'bearer' });
    // A refusal's body says why (bull-board answers its errors itself; one 500 in CI went unexplained).
    expect({ status: api.status, error: api.status === 200 ? undefined : api.body }).toEqual({ status: 200, error: undefined });
    expect(api.headers['cache-control']).toBe('no-store');
    // The refusal on the board's path carries the same policy; the API next door stays strict.
    expectBaseline(await t.http.get('/admin/queues').expect(401));
    expectStrict(await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' }).expect(200));
  });

  it('gives Swagger UI the same relaxed style policy; its scripts are files too', async () => {
    const docs = await t.http.get('/api/docs').redirects(1).expect(200);
    expectBaseline(docs);
    expect(csp(docs).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const scripts = [...docs.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toMatch(/\ssrc=["'](?!https?:|\/\/)[^"']+["']/);
    // The JSON the web app's build reads is no page: the strict policy.
    expectStrict(await t.http.get('/api/docs-json').expect(200));
  });
});

describe('HTTP security headers behind https (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
  });
  afterAll(() => t.close());

  it('sends HSTS for one year on this host when BASE_URL is https', async () => {
    for (const path of ['/health', '/api/v1/users', '/verify/garbage']) {
      const res = await t.http.get(path);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    }
  });
});
