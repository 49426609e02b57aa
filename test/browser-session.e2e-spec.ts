import request from 'supertest';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { bootTestApp, TestApp, TEST_PASSWORD } from './support/test-app';

const SESSION = '/api/v1/auth/session';
const APP = { 'X-Requested-With': 'police-ops' };

interface SetCookie {
  value: string;
  attributes: Map<string, string>;
}

/** The po_session cookie an answer sets, with its attributes (lower-cased names). */
function sessionCookie(res: Response): SetCookie | undefined {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('po_session='));
  if (!raw) return undefined;
  const [pair, ...attrs] = raw.split(';').map((p) => p.trim());
  return {
    value: decodeURIComponent(pair!.slice('po_session='.length)),
    attributes: new Map(attrs.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')])),
  };
}

const cookieHeader = (c: SetCookie) => `po_session=${encodeURIComponent(c.value)}`;

describe('browser sessions: refresh token in an HttpOnly cookie (e2e)', () => {
  let t: TestApp;
  let http: TestAgent;
  const username = 't_control_room_bpl';
  beforeAll(async () => {
    t = await bootTestApp();
    await t.tokenFor(['CONTROL_ROOM']);
    // No cookie jar: every test sends exactly the cookie it means to.
    http = request(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  const login = () => http.post(SESSION).set(APP).send({ username, password: TEST_PASSWORD });

  it('logs in with the refresh token in an HttpOnly, SameSite=Strict cookie scoped to the session routes, never in the answer', async () => {
    const res = await login().expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'me', 'mustChangePassword', 'tokenType']);
    expect(JSON.stringify(res.body)).not.toMatch(/refresh/i);
    // Who is logged in comes with the token, exactly as GET /auth/me gives it: the app starts on one call.
    const me = await http.get('/api/v1/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
    expect(res.body.me).toEqual(me.body);
    expect(JSON.stringify(res.body.me)).not.toMatch(/password_?hash/i);
    const cookie = sessionCookie(res)!;
    expect(cookie.value).toMatch(/^[\w-]{40,}$/);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Strict');
    expect(cookie.attributes.get('path')).toBe('/api/v1/auth/session');
    // BASE_URL is http here: a Secure cookie would never come back.
    expect(cookie.attributes.has('secure')).toBe(false);
    expect(Number(cookie.attributes.get('max-age'))).toBe(7 * 24 * 3600);
    await http.get('/api/v1/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
  });

  it('refreshes from the cookie, rotating it, and treats a rotated cookie sent again as stolen', async () => {
    const first = sessionCookie(await login().expect(200))!;
    const refreshed = await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(first)).expect(200);
    const second = sessionCookie(refreshed)!;
    expect(second.value).not.toBe(first.value);
    const me = await http.get('/api/v1/auth/me').auth(refreshed.body.accessToken, { type: 'bearer' }).expect(200);
    expect(refreshed.body.me).toEqual(me.body);
    // The old cookie again: refused, the cookie cleared, and the whole session ended.
    const reuse = await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(first)).expect(401);
    expect(sessionCookie(reuse)?.value).toBe('');
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(second)).expect(401);
    await http.get('/api/v1/auth/me').auth(refreshed.body.accessToken, { type: 'bearer' }).expect(401);
  });

  it('answers 401 to a refresh without a cookie', async () => {
    const res = await http.post(`${SESSION}/refresh`).set(APP).expect(401);
    expect(res.body.message).toMatch(/No session/);
  });

  it('refuses the cookie routes without the app header, from another origin, or from another site (CSRF)', async () => {
    const cookie = sessionCookie(await login().expect(200))!;
    const refresh = () => http.post(`${SESSION}/refresh`).set('Cookie', cookieHeader(cookie));
    expect((await refresh().expect(403)).body.message).toMatch(/X-Requested-With|x-requested-with/i);
    await refresh().set('X-Requested-With', 'XMLHttpRequest').expect(403);
    await refresh().set(APP).set('Origin', 'https://evil.example').expect(403);
    await refresh().set(APP).set('Origin', 'null').expect(403);
    await refresh().set(APP).set('Sec-Fetch-Site', 'cross-site').expect(403);
    await refresh().set(APP).set('Sec-Fetch-Site', 'same-site').expect(403);
    await http.post(`${SESSION}/logout`).set('Cookie', cookieHeader(cookie)).expect(403);
    await http.post(SESSION).send({ username, password: TEST_PASSWORD }).expect(403);
    // None of those touched the session: from our own origin it still refreshes.
    await refresh().set(APP).set('Origin', 'http://localhost:3000').set('Sec-Fetch-Site', 'same-origin').expect(200);
  });

  it('accepts the origin the request was sent to as well as BASE_URL (an app reached by its address)', async () => {
    const res = await http.post(SESSION).set(APP).set('Host', '10.0.0.5:3000').set('Origin', 'http://10.0.0.5:3000').send({ username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('logs out: the session ends (its access token too) and the cookie is cleared', async () => {
    const res = await login().expect(200);
    const cookie = sessionCookie(res)!;
    const out = await http.post(`${SESSION}/logout`).set(APP).set('Cookie', cookieHeader(cookie)).expect(204);
    const cleared = sessionCookie(out)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes.get('path')).toBe('/api/v1/auth/session');
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(cookie)).expect(401);
    await http.get('/api/v1/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(401);
    // Without a cookie, logging out is still fine.
    await http.post(`${SESSION}/logout`).set(APP).expect(204);
  });

  it('ends the session a browser still had when it logs in again', async () => {
    const before = sessionCookie(await login().expect(200))!;
    await http.post(SESSION).set(APP).set('Cookie', cookieHeader(before)).send({ username, password: TEST_PASSWORD }).expect(200);
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(before)).expect(401);
  });

  it('keeps the body-based login and refresh working for API clients', async () => {
    const res = await http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
    expect(res.body.refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(sessionCookie(res)).toBeUndefined();
    const again = await http.post('/api/v1/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    expect(again.body.refreshToken).not.toBe(res.body.refreshToken);
  });

  it('changes a one-time password from the browser: every other session ends, this one goes on with a new cookie', async () => {
    const admin = await t.tokenFor(['ADMIN']);
    const made = await http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'first.timer', displayNameEn: 'First Timer', displayNameHi: 'पहली बार', rank: 'SI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] })
      .expect(201);
    const otp = made.body.oneTimePassword as string;
    const elsewhere = sessionCookie(await http.post(SESSION).set(APP).send({ username: 'first.timer', password: otp }).expect(200))!;
    const here = await http.post(SESSION).set(APP).send({ username: 'first.timer', password: otp }).expect(200);
    expect(here.body.mustChangePassword).toBe(true);
    await http.get('/api/v1/protests').auth(here.body.accessToken, { type: 'bearer' }).expect(403);
    const weak = await http
      .post(`${SESSION}/password`)
      .set(APP)
      .auth(here.body.accessToken, { type: 'bearer' })
      .send({ currentPassword: otp, newPassword: 'short' })
      .expect(400);
    expect(weak.body.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const changed = await http
      .post(`${SESSION}/password`)
      .set(APP)
      .auth(here.body.accessToken, { type: 'bearer' })
      .send({ currentPassword: otp, newPassword: 'lotus-monsoon-kettle-2026' })
      .expect(200);
    expect(changed.body.mustChangePassword).toBe(false);
    const fresh = sessionCookie(changed)!;
    expect(fresh.attributes.get('path')).toBe('/api/v1/auth/session');
    await http.get('/api/v1/protests').auth(changed.body.accessToken, { type: 'bearer' }).expect(200);
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(elsewhere)).expect(401);
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(fresh)).expect(200);
    await http.post(`${SESSION}/password`).set(APP).send({ currentPassword: otp, newPassword: 'x' }).expect(401);
  });

  it('lists my sessions, marks the current one, and ends another: its tokens stop working at once', async () => {
    const a = await login().expect(200);
    const b = await login().expect(200);
    const mine = await http.get('/api/v1/auth/sessions').auth(a.body.accessToken, { type: 'bearer' }).expect(200);
    const current = mine.body.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(mine.body.length).toBeGreaterThanOrEqual(2);
    expect(mine.body[0]).toEqual({
      id: expect.any(String),
      startedAt: expect.any(String),
      lastUsedAt: expect.any(String),
      ip: expect.any(String),
      expiresAt: expect.any(String),
      current: expect.any(Boolean),
    });
    const fromB = await http.get('/api/v1/auth/sessions').auth(b.body.accessToken, { type: 'bearer' }).expect(200);
    const bId = fromB.body.find((s: { current: boolean }) => s.current).id as string;
    expect(bId).not.toBe(current[0].id);
    await http.post(`/api/v1/auth/sessions/${bId}/revoke`).auth(a.body.accessToken, { type: 'bearer' }).expect(204);
    await http.get('/api/v1/auth/me').auth(b.body.accessToken, { type: 'bearer' }).expect(401);
    await http.post(`${SESSION}/refresh`).set(APP).set('Cookie', cookieHeader(sessionCookie(b)!)).expect(401);
    await http.get('/api/v1/auth/me').auth(a.body.accessToken, { type: 'bearer' }).expect(200);
    const after = await http.get('/api/v1/auth/sessions').auth(a.body.accessToken, { type: 'bearer' }).expect(200);
    expect(after.body.map((s: { id: string }) => s.id)).not.toContain(bId);
    // Once ended, or another account's: not found.
    await http.post(`/api/v1/auth/sessions/${bId}/revoke`).auth(a.body.accessToken, { type: 'bearer' }).expect(404);
    const other = await t.tokenFor(['AUDITOR']);
    await http.post(`/api/v1/auth/sessions/${current[0].id}/revoke`).auth(other, { type: 'bearer' }).expect(404);
    await http.get('/api/v1/auth/me').auth(a.body.accessToken, { type: 'bearer' }).expect(200);
    const audit = await http.get('/api/v1/audit').query({ action: 'auth.session_revoked' }).auth(await t.tokenFor(['AUDITOR']), { type: 'bearer' }).expect(200);
    expect(JSON.stringify(audit.body)).toContain(bId);
  });
});

describe('browser sessions behind https (BASE_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://ops.bhopal.example' });
    await t.tokenFor(['CONTROL_ROOM']);
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure, and takes BASE_URL as the app origin', async () => {
    const res = await request(t.app.getHttpServer())
      .post(SESSION)
      .set(APP)
      .set('Origin', 'https://ops.bhopal.example')
      .send({ username: 't_control_room_bpl', password: TEST_PASSWORD })
      .expect(200);
    expect(sessionCookie(res)!.attributes.has('secure')).toBe(true);
  });
});
