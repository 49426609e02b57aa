import { bootTestApp, TestApp, TEST_PASSWORD } from './support/test-app';

/**
 * The client's address (audit log, rate limits) comes from X-Forwarded-For only as far as
 * TRUST_PROXY says: never from what the client wrote itself.
 */
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

async function loginAuditedIp(t: TestApp, forwardedFor: string): Promise<string | null> {
  const auditor = await t.tokenFor(['AUDITOR']);
  await t.tokenFor(['OFFICER'], 'TT_NAGAR');
  const username = 't_officer_tt_nagar';
  await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ username, password: TEST_PASSWORD }).expect(200);
  const rows = await t.http.get('/api/v1/audit').query({ action: 'auth.login' }).auth(auditor, { type: 'bearer' }).expect(200);
  const newest = (rows.body as Array<{ actorUsername: string; ip: string | null }>).find((r) => r.actorUsername === username);
  expect(newest).toBeDefined();
  return newest!.ip;
}

/** 30 failed logins (30 unknown accounts, so only the per-address limit applies), each with its own X-Forwarded-For. */
async function thirtyLogins(t: TestApp, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', forwardedFor(i))
      .send({ username: `nobody.${i}`, password: 'wrong-password-1' });
    statuses.push(res.status);
  }
  return statuses;
}

/** Some logins get through, then the limit answers 429 and keeps answering it. */
function expectRateLimited(statuses: number[]): void {
  const first = statuses.indexOf(429);
  expect(first).toBeGreaterThan(0);
  expect(statuses.slice(0, first).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
}

describe('client address with no proxy configured (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('audits the connecting address, not a forged X-Forwarded-For', async () => {
    const ip = await loginAuditedIp(t, '203.0.113.9');
    expect(ip).not.toBe('203.0.113.9');
    expect(ip).toMatch(LOOPBACK);
  });

  it('rate-limits 30 logins that each forge another X-Forwarded-For', async () => {
    expectRateLimited(await thirtyLogins(t, (i) => `198.51.100.${i + 1}`));
  });
});

describe('client address with TRUST_PROXY=1 (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());

  it('audits the last hop, the address our proxy saw, not what the client prepended', async () => {
    expect(await loginAuditedIp(t, '198.51.100.7, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('rate-limits by the last hop however the client fills the rest, and another last hop is another client', async () => {
    expectRateLimited(await thirtyLogins(t, (i) => `198.51.100.${i + 1}, 203.0.113.50`));
    await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.1, 203.0.113.51')
      .send({ username: 'nobody.else', password: 'wrong-password-1' })
      .expect(401);
  });
});

describe('client address with TRUST_PROXY as a list of proxy addresses (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('skips the listed proxies and stops at the first address that is not one', async () => {
    // The app is reached over loopback, so the socket is a trusted proxy; 203.0.113.9 is not.
    expect(await loginAuditedIp(t, '198.51.100.7, 203.0.113.9, 127.0.0.1')).toBe('203.0.113.9');
  });
});
