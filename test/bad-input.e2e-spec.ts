import { bootTestApp, TestApp } from './support/test-app';

/**
 * Bad input gets a 4xx that names the field, never a 500, and nothing is half-written.
 * Each case: method, path, body (object, or a raw string sent as-is), expected status, field.
 */
interface Case {
  name: string;
  method: 'post' | 'patch' | 'get';
  path: string | ((ctx: { userId: string }) => string);
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  field: string;
}

const validUser = {
  username: 'si.sharma',
  displayNameEn: 'R. K. Sharma',
  displayNameHi: 'आर. के. शर्मा',
  rank: 'SI',
  unitCode: 'TT_NAGAR',
  roles: ['OFFICER'],
  mobile: '9876543210',
};

const cases: Case[] = [
  { name: 'login username of the wrong type', method: 'post', path: '/api/v1/auth/login', body: { username: 42, password: 'x' }, status: 400, field: 'username' },
  { name: 'login without password', method: 'post', path: '/api/v1/auth/login', body: { username: 'admin' }, status: 400, field: 'password' },
  { name: 'login with an extra field', method: 'post', path: '/api/v1/auth/login', body: { username: 'a', password: 'b', isAdmin: true }, status: 400, field: 'isAdmin' },
  { name: 'login with a huge username', method: 'post', path: '/api/v1/auth/login', body: { username: 'x'.repeat(100_000), password: 'b' }, status: 400, field: 'username' },
  { name: 'broken JSON', method: 'post', path: '/api/v1/auth/login', raw: '{"username": "admin",', status: 400, field: 'body' },
  { name: 'a JSON scalar instead of an object', method: 'post', path: '/api/v1/auth/login', raw: '"admin"', status: 400, field: 'body' },
  { name: 'a form body', method: 'post', path: '/api/v1/auth/login', raw: 'username=admin&password=x', contentType: 'application/x-www-form-urlencoded', status: 415, field: 'Content-Type' },
  { name: 'a plain-text body', method: 'post', path: '/api/v1/users', raw: 'hello', contentType: 'text/plain', status: 415, field: 'Content-Type' },
  { name: 'a body over the size limit', method: 'post', path: '/api/v1/auth/login', raw: JSON.stringify({ username: 'a', password: 'p'.repeat(2_000_000) }), status: 413, field: 'body' },
  { name: 'roles not an array', method: 'post', path: '/api/v1/users', body: { ...validUser, roles: 'ADMIN' }, status: 400, field: 'roles' },
  { name: 'an unknown role', method: 'post', path: '/api/v1/users', body: { ...validUser, roles: ['SUPERUSER'] }, status: 400, field: 'roles' },
  { name: 'no roles', method: 'post', path: '/api/v1/users', body: { ...validUser, roles: [] }, status: 400, field: 'roles' },
  { name: 'an invalid username', method: 'post', path: '/api/v1/users', body: { ...validUser, username: 'Robert Tables' }, status: 400, field: 'username' },
  { name: 'a 9-digit mobile', method: 'post', path: '/api/v1/users', body: { ...validUser, mobile: '987654321' }, status: 400, field: 'mobile' },
  { name: 'a mobile with letters', method: 'post', path: '/api/v1/users', body: { ...validUser, mobile: '98765abcde' }, status: 400, field: 'mobile' },
  { name: 'an unknown unit', method: 'post', path: '/api/v1/users', body: { ...validUser, unitCode: 'ATLANTIS' }, status: 400, field: 'unitCode' },
  { name: 'an empty Hindi name', method: 'post', path: '/api/v1/users', body: { ...validUser, displayNameHi: '' }, status: 400, field: 'displayNameHi' },
  { name: 'a null field', method: 'post', path: '/api/v1/users', body: { ...validUser, rank: null }, status: 400, field: 'rank' },
  { name: 'an update without version', method: 'patch', path: (c) => `/api/v1/users/${c.userId}`, body: { isActive: false }, status: 400, field: 'version' },
  { name: 'a version of the wrong type', method: 'patch', path: (c) => `/api/v1/users/${c.userId}`, body: { version: 'one' }, status: 400, field: 'version' },
  { name: 'a non-UUID id', method: 'patch', path: '/api/v1/users/not-a-uuid', body: { version: 1 }, status: 400, field: 'id' },
  { name: 'isActive of the wrong type', method: 'patch', path: (c) => `/api/v1/users/${c.userId}`, body: { version: 1, isActive: 'no' }, status: 400, field: 'isActive' },
  { name: 'an audit limit that is not a number', method: 'get', path: '/api/v1/audit?limit=abc', status: 400, field: 'limit' },
  { name: 'an audit date that is not a date', method: 'get', path: '/api/v1/audit?from=yesterday', status: 400, field: 'from' },
  { name: 'an unknown query parameter', method: 'get', path: '/api/v1/audit?drop=table', status: 400, field: 'drop' },
  { name: 'an unknown rank filter', method: 'get', path: '/api/v1/officers?rank=GENERAL', status: 400, field: 'rank' },
  { name: 'a too-short Idempotency-Key', method: 'post', path: '/api/v1/users', body: validUser, headers: { 'Idempotency-Key': 'abc' }, status: 400, field: 'Idempotency-Key' },
  { name: 'a huge new password', method: 'post', path: '/api/v1/auth/change-password', body: { currentPassword: 'x', newPassword: 'y'.repeat(10_000) }, status: 400, field: 'newPassword' },
];

describe('bad input (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let userId: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.tokenFor(['ADMIN']);
    const created = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).send({ ...validUser, username: 'existing.user' }).expect(201);
    userId = created.body.user.id;
  });
  afterAll(() => t.close());

  it.each(cases)('answers $name with $status naming $field', async (c) => {
    const path = typeof c.path === 'function' ? c.path({ userId }) : c.path;
    let req = t.http[c.method](path).auth(admin, { type: 'bearer' });
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    const res = await req;
    // A client error, whatever the case expects: malformed input is never accepted, never a 500.
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBe(c.status);
    expect(res.body).toMatchObject({ statusCode: c.status, error: expect.any(String), message: expect.any(String) });
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(c.field);
  });

  it('writes nothing for rejected input', async () => {
    const users = await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' }).expect(200);
    expect(users.body.map((u: { username: string }) => u.username)).not.toContain('si.sharma');
  });

  it('answers a stale version with 409', async () => {
    const current = (await t.http.get(`/api/v1/users/${userId}`).auth(admin, { type: 'bearer' })).body;
    await t.http.patch(`/api/v1/users/${userId}`).auth(admin, { type: 'bearer' }).send({ version: current.version, mobile: '9123456789' }).expect(200);
    const stale = await t.http.patch(`/api/v1/users/${userId}`).auth(admin, { type: 'bearer' }).send({ version: current.version, isActive: false });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
  });

  it('replays the first response for a repeated Idempotency-Key and creates one record', async () => {
    const key = 'create-user-0001';
    const body = { ...validUser, username: 'idem.user' };
    const first = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).set('Idempotency-Key', key).send(body).expect(201);
    const again = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.user.id).toBe(first.body.user.id);
    const reuse = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).set('Idempotency-Key', key).send({ ...body, rank: 'ASI' });
    expect(reuse.status).toBe(422);
    const users = await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' });
    expect(users.body.filter((u: { username: string }) => u.username === 'idem.user')).toHaveLength(1);
  });
});
