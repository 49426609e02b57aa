import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bootTestApp, TestApp, TEST_PASSWORD } from './support/test-app';

describe('auth (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('creates admin with a one-time password file on first run and forces a change at first login', async () => {
    const file = join(t.dataDir, 'initial-admin-password');
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password }).expect(200);
    expect(login.body.mustChangePassword).toBe(true);
    const pending = login.body.accessToken;
    await t.http.get('/api/v1/users').auth(pending, { type: 'bearer' }).expect(403);
    await t.http
      .post('/api/v1/auth/change-password')
      .auth(pending, { type: 'bearer' })
      .send({ currentPassword: password, newPassword: 'short' })
      .expect(400)
      .expect((r) => expect(r.body.fields[0].field).toBe('newPassword'));
    const changed = await t.http
      .post('/api/v1/auth/change-password')
      .auth(pending, { type: 'bearer' })
      .send({ currentPassword: password, newPassword: 'a-much-better-passphrase-2026' })
      .expect(200);
    expect(changed.body.mustChangePassword).toBe(false);
    await t.http.get('/api/v1/users').auth(changed.body.accessToken, { type: 'bearer' }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: 'admin', password }).expect(401);
  });

  it('never hands out a password hash: not when an account is made, listed, read or changed', async () => {
    const admin = await t.tokenFor(['ADMIN']);
    const made = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'no.hash', displayNameEn: 'No Hash', displayNameHi: 'परीक्षण', rank: 'SI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] })
      .expect(201);
    expect(made.body).toMatchObject({ user: { username: 'no.hash', roles: ['OFFICER'], version: 1 } });
    expect(made.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{12,}$/);
    const id = made.body.user.id;
    const list = await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' }).expect(200);
    const one = await t.http.get(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).expect(200);
    const changed = await t.http.patch(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ version: 1, mobile: '9876543210' }).expect(200);
    expect(changed.body).toMatchObject({ id, mobile: '9876543210', version: 2 });
    for (const body of [made.body, list.body, one.body, changed.body]) expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it('slows an account down after repeated failures, refusing even the right password like a wrong one', async () => {
    await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    const username = 't_officer_tt_nagar';
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/v1/auth/login').send({ username, password: 'wrong-password' }).expect(401);
    }
    const slowed = await t.http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(401);
    expect(slowed.body.message).toBe('Invalid username or password');
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    await t.tokenFor(['AUDITOR']);
    const login = await t.http.post('/api/v1/auth/login').send({ username: 't_auditor_bpl', password: TEST_PASSWORD }).expect(200);
    const first = login.body.refreshToken;
    const second = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first);
    // Reusing the rotated token is treated as theft: the whole family ends.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('revokes a session on logout', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 't_auditor_bpl', password: TEST_PASSWORD }).expect(200);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const a = await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
    const b = await t.http.post('/api/v1/auth/login').send({ username: 't_auditor_bpl', password: 'x' }).expect(401);
    expect(a.body.message).toBe(b.body.message);
  });

  it('rejects a tampered access token', async () => {
    const token = await t.tokenFor(['ADMIN']);
    const tampered = token.slice(0, -2) + (token.endsWith('a') ? 'bb' : 'aa');
    await t.http.get('/api/v1/users').auth(tampered, { type: 'bearer' }).expect(401);
  });

  it('records logins and password changes in the audit log', async () => {
    const token = await t.tokenFor(['AUDITOR'], 'ZONE_1');
    const res = await t.http.get('/api/v1/audit?action=auth.password_changed').auth(token, { type: 'bearer' }).expect(200);
    expect(res.body.length).toBeGreaterThanOrEqual(1);
    expect(res.body[0]).toMatchObject({ actorUsername: 'admin', entityType: 'user' });
  });
});
