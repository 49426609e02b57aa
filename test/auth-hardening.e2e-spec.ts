import { JwtService } from '@nestjs/jwt';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Role } from '../src/platform/auth/roles';
import { UsersService } from '../src/platform/auth/users.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { UnitsService } from '../src/platform/units/units.service';
import { waitFor, withClient } from './support/databases';
import { bootTestApp, TestApp, TEST_PASSWORD } from './support/test-app';

const JWT_SECRET = 'an-e2e-secret-shared-by-two-instances-0123456789';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/** A request from a loopback address of our choosing (127.0.0.0/8 all reaches this host): a client IP without proxy headers. */
function send(t: TestApp, from: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method,
        path,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {}, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (t: TestApp, from: string, username: string, password: string) => send(t, from, 'POST', '/api/v1/auth/login', { username, password });
const me = (t: TestApp, token: string, from = '127.0.0.1') => send(t, from, 'GET', '/api/v1/auth/me', undefined, token);

/** An account with a known password, made the way test-app's tokenFor makes them. */
async function account(t: TestApp, username: string, roles: Role[] = ['OFFICER'], unitCode = 'TT_NAGAR'): Promise<string> {
  const user = await t.app.get(TransactionService).run(async (em) => {
    const unit = await t.app.get(UnitsService).byCode(unitCode, em);
    return t.app.get(UsersService).insert(em, {
      username,
      displayNameEn: `Officer ${username}`,
      displayNameHi: 'परीक्षण अधिकारी',
      rank: 'SI',
      unitId: unit.id,
      roles,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  });
  return user.id;
}

/** Each login from an address of its own, so the per-address login rate limit (20 a minute) stays out of the way. */
let nextAddress = 1;
async function session(t: TestApp, username: string, from = `127.0.1.${nextAddress++}`): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await login(t, from, username, TEST_PASSWORD);
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
}

describe('access tokens end with their session and account (e2e)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    // A long recheck time: only the instance's own invalidation can make these pass.
    t = await bootTestApp({ JWT_SECRET, ACCESS_TOKEN_RECHECK_SECONDS: '60', LOGIN_MAX_FAILURES: '3' });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    admin = await t.tokenFor(['ADMIN']);
  });
  afterAll(() => t.close());

  it('ends the access token at logout, and only that session', async () => {
    await account(t, 'logout.one');
    const a = await session(t, 'logout.one');
    const b = await session(t, 'logout.one');
    expect((await me(t, a.accessToken)).status).toBe(200);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: a.refreshToken }).expect(204);
    expect((await me(t, a.accessToken)).status).toBe(401);
    expect((await me(t, b.accessToken)).status).toBe(200);
  });

  it('ends every access token of the account when its password changes, except the one handed back', async () => {
    await account(t, 'pw.change');
    const a = await session(t, 'pw.change');
    const b = await session(t, 'pw.change');
    await me(t, b.accessToken);
    const changed = await t.http
      .post('/api/v1/auth/change-password')
      .auth(a.accessToken, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'monsoon-ghats-lantern-1987' })
      .expect(200);
    expect((await me(t, a.accessToken)).status).toBe(401);
    expect((await me(t, b.accessToken)).status).toBe(401);
    expect((await me(t, changed.body.accessToken)).status).toBe(200);
  });

  it.each([
    ['deactivation', { isActive: false }],
    ['a change of roles', { roles: ['AUDITOR'] }],
    ['a change of unit', { unitCode: 'MP_NAGAR' }],
  ])('ends the access token at %s', async (what, change) => {
    const username = `changed.${what.replace(/\W+/g, '')}`.slice(0, 60);
    const id = await account(t, username);
    const s = await session(t, username);
    expect((await me(t, s.accessToken)).status).toBe(200);
    const user = await t.http.get(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).expect(200);
    await t.http.patch(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ version: user.body.version, ...change }).expect(200);
    expect((await me(t, s.accessToken)).status).toBe(401);
  });

  it('keeps the access token through an edit that changes nothing it speaks for (a new mobile)', async () => {
    const id = await account(t, 'mobile.only');
    const s = await session(t, 'mobile.only');
    const user = await t.http.get(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).expect(200);
    await t.http.patch(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ version: user.body.version, mobile: '9876501234' }).expect(200);
    expect((await me(t, s.accessToken)).status).toBe(200);
  });

  it.each(['revoke-sessions', 'reset-password'])('ends the access token when an admin calls %s', async (action) => {
    const id = await account(t, `admin.${action}`);
    const s = await session(t, `admin.${action}`);
    expect((await me(t, s.accessToken)).status).toBe(200);
    await t.http.post(`/api/v1/users/${id}/${action}`).auth(admin, { type: 'bearer' }).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await me(t, s.accessToken)).status).toBe(401);
  });

  it('refuses a token without an expiry, though signed with the real secret', async () => {
    await account(t, 'no.expiry');
    const s = await session(t, 'no.expiry');
    const { exp: _exp, iat: _iat, iss: _iss, ...claims } = t.app.get(JwtService).decode(s.accessToken) as Record<string, unknown>;
    const jwt = t.app.get(JwtService);
    const forever = jwt.sign(claims);
    expect(jwt.decode(forever)).not.toHaveProperty('exp');
    expect((await me(t, forever)).status).toBe(401);
    // The same claims with an expiry are fine: it is the missing exp that is refused.
    expect((await me(t, jwt.sign(claims, { expiresIn: 60 }))).status).toBe(200);
  });

  it('another instance on the same database stops honouring a logged-out token within ACCESS_TOKEN_RECHECK_SECONDS', async () => {
    const other = await bootTestApp({ JWT_SECRET, ACCESS_TOKEN_RECHECK_SECONDS: '1' }, t.databaseUrl);
    try {
      await account(t, 'two.instances');
      const s = await session(t, 'two.instances');
      await other.http.get('/api/v1/auth/me').auth(s.accessToken, { type: 'bearer' }).expect(200);
      await t.http.post('/api/v1/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
      await waitFor(async () => (await other.http.get('/api/v1/auth/me').auth(s.accessToken, { type: 'bearer' })).status === 401, {
        timeoutMs: 5000,
        what: 'the other instance to refuse the logged-out token',
      });
    } finally {
      await other.app.close();
    }
  });
});

describe('failed logins slow one address down instead of locking the account out (e2e)', () => {
  let t: TestApp;
  let adminPassword: string;
  beforeAll(async () => {
    t = await bootTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    adminPassword = readFileSync(join(t.dataDir, 'initial-admin-password'), 'utf8').trim();
  });
  afterAll(() => t.close());

  it('lets admin in from another address while an attacker keeps failing, and answers the attacker like a wrong password', async () => {
    const attacker = '127.0.0.11';
    for (let i = 0; i < 3; i++) expect((await login(t, attacker, 'admin', 'guess-' + i)).status).toBe(401);
    const right = await login(t, attacker, 'admin', adminPassword);
    const unknown = await login(t, attacker, 'no.such.user', 'guess');
    expect(right.status).toBe(401);
    expect(right.body).toEqual(unknown.body);
    expect(right.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid username or password' });
    // Not a 15-minute lock for everyone: the admin at their own desk gets in.
    expect((await login(t, '127.0.0.12', 'admin', adminPassword)).status).toBe(200);
  });

  it('makes the next attempt wait a delay that grows with each failure, and lets the right password in after it', async () => {
    const from = '127.0.0.13';
    await account(t, 'slow.down');
    for (let i = 0; i < 3; i++) await login(t, from, 'slow.down', 'wrong-' + i);
    const delay = async () =>
      withClient(t.databaseUrl, async (c) => {
        const { rows } = await c.query(
          `SELECT failures, extract(epoch FROM next_attempt_at - last_failure_at)::float AS seconds FROM login_throttle
            WHERE username_key = 'slow.down' AND ip LIKE '%' || $1`,
          [from],
        );
        return rows[0] as { failures: number; seconds: number };
      });
    expect(await delay()).toMatchObject({ failures: 3 });
    expect((await delay()).seconds).toBeCloseTo(1, 0);
    // Waiting it out is all it takes (attempts inside the delay are not counted).
    await waitFor(async () => (await login(t, from, 'slow.down', 'wrong-again')).status === 401 && (await delay()).failures === 4, {
      timeoutMs: 10_000,
      intervalMs: 250,
      what: 'the first delay to pass',
    });
    expect((await delay()).seconds).toBeCloseTo(2, 0);
    await waitFor(async () => (await login(t, from, 'slow.down', TEST_PASSWORD)).status === 200, {
      timeoutMs: 10_000,
      intervalMs: 250,
      what: 'the second delay to pass',
    });
    expect(await delay()).toBeUndefined();
  });

  it('takes as long to refuse a slowed-down known account as an unknown username (both hash the password)', async () => {
    const from = '127.0.0.14';
    await account(t, 'timing.known');
    for (let i = 0; i < 3; i++) await login(t, from, 'timing.known', 'wrong-' + i);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push((await login(t, from, 'timing.known', TEST_PASSWORD)).ms);
      unknown.push((await login(t, '127.0.0.15', `timing.unknown.${i}`, TEST_PASSWORD)).ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // A refusal without hashing answers in a few ms; an argon2id check takes tens of ms at least.
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.4);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});

describe('weak passwords are refused, saying why (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    await account(t, 'weak.sharma');
  });
  afterAll(() => t.close());

  it.each(['password1234', 'qwertyuiop12', 'Bhopal@12345', 'BhopalPolice2026!', 'Sharma@123456'])('refuses %s as newPassword', async (newPassword) => {
    const s = await session(t, 'weak.sharma');
    const res = await t.http
      .post('/api/v1/auth/change-password')
      .auth(s.accessToken, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'newPassword', message: expect.stringMatching(/^newPassword is too easy to guess: .+\.$/) }]);
  });

  it('names the organisation\'s or the account\'s own words when the password leans on them', async () => {
    const s = await session(t, 'weak.sharma');
    const org = await t.http
      .post('/api/v1/auth/change-password')
      .auth(s.accessToken, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Thana-Police-2026' })
      .expect(400);
    expect(org.body.fields[0].message).toMatch(/words about the police or Bhopal \("Thana", "Police"\)/);
    const own = await t.http
      .post('/api/v1/auth/change-password')
      .auth(s.accessToken, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'TTNagar-Sharma-99' })
      .expect(400);
    expect(own.body.fields[0].message).toMatch(/about you/);
  });

  it('accepts a strong passphrase', async () => {
    const s = await session(t, 'weak.sharma');
    await t.http
      .post('/api/v1/auth/change-password')
      .auth(s.accessToken, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'monsoon-ghats-lantern-1987' })
      .expect(200);
  });
});
