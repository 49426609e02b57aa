import request from 'supertest';
import { ROLES } from '../src/platform/auth/roles';
import { listRoutes, RouteInfo } from './support/routes';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Input that used to reach PostgreSQL (or a TypeError) unhandled and answer 500, and error
 * answers that did not say which field was wrong. Every one is a 4xx naming the field now;
 * the classes are fixed where all requests pass (the body parser, the validation pipe, the
 * error filter), so the route-wide cases walk every route the app serves.
 */
const UUID = '00000000-0000-4000-8000-000000000000';
const bearer = { type: 'bearer' as const };
const fieldsOf = (res: { body: { fields?: { field: string }[] } }) => (res.body.fields ?? []).map((f) => f.field);

describe('bad input everywhere (e2e)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await bootTestApp();
    routes = listRoutes(t.app);
    for (const role of ROLES) tokens[role] = await t.tokenFor([role]);
  });
  afterAll(() => t.close());

  /** The route's path with one parameter given `raw` (sent as is) and the others a valid-looking value. */
  const withParam = (r: RouteInfo, name: string, raw: string) =>
    r.pattern.replace(/:(\w+)/g, (_, p: string) => (p === name ? raw : p === 'id' || p.endsWith('Id') ? UUID : p === 'revision' ? '1' : 'x'));
  const paramsOf = (r: RouteInfo) => [...r.pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const tokenFor = (r: RouteInfo) => (r.isPublic ? undefined : tokens[r.roles[0]!]);
  const call = (r: RouteInfo, path: string) => {
    const req = t.http[r.method](path);
    const token = tokenFor(r);
    return token ? req.auth(token, bearer) : req;
  };

  it('finds routes with path parameters', () => {
    expect(routes.filter((r) => paramsOf(r).length > 0).length).toBeGreaterThan(40);
  });

  it('answers a malformed % in any path parameter of any route with a 400 naming it', async () => {
    const problems: string[] = [];
    for (const r of routes) {
      for (const name of paramsOf(r)) {
        for (const raw of ['%zz', '%E0%A4%A', '%ED%A0%80', '100%']) {
          const res = await call(r, withParam(r, name, raw));
          if (res.status !== 400 || !fieldsOf(res).includes(name)) problems.push(`${r.method.toUpperCase()} ${r.pattern} ${name}=${raw}: ${res.status} ${JSON.stringify(res.body.fields)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers a NUL, a control character or a lone surrogate in any path parameter with a 400 naming it', async () => {
    const problems: string[] = [];
    for (const r of routes) {
      for (const name of paramsOf(r)) {
        for (const raw of ['x%00y', '%07', '%0A', `${UUID}%00`]) {
          const res = await call(r, withParam(r, name, raw));
          if (res.status !== 400 || !fieldsOf(res).includes(name)) problems.push(`${r.method.toUpperCase()} ${r.pattern} ${name}=${raw}: ${res.status} ${JSON.stringify(res.body.fields)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses a NUL byte in a string, public login included, naming the field', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'adm\u0000in', password: 'x' });
    expect(login.status).toBe(400);
    expect(fieldsOf(login)).toEqual(['username']);
    const user = await t.http.post('/api/v1/users').auth(tokens.ADMIN!, bearer).send({ username: 'nul.user', displayNameEn: 'A\u0000B', displayNameHi: 'ए बी', rank: 'SI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] });
    expect(user.status).toBe(400);
    expect(fieldsOf(user)).toEqual(['displayNameEn']);
    const query = await t.http.get('/api/v1/officers?q=ab%00').auth(tokens.ADMIN!, bearer);
    expect(query.status).toBe(400);
    expect(fieldsOf(query)).toEqual(['q']);
  });

  it('refuses other control characters, and lets tab and line breaks through in body text only', async () => {
    const bell = await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).send({ subject: 'Letter\u0007 from the Collectorate', senderName: 'Collector', intakeChannel: 'POST', receivedAt: new Date().toISOString() });
    expect(bell.status).toBe(400);
    expect(fieldsOf(bell)).toEqual(['subject']);
    const c1 = await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).send({ subject: 'Letter\u0085 from the Collectorate', senderName: 'Collector', intakeChannel: 'POST', receivedAt: new Date().toISOString() });
    expect(fieldsOf(c1)).toEqual(['subject']);
    await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).send({ subject: 'Letter from the Collectorate\r\n\tabout the rally', senderName: 'Collector', intakeChannel: 'POST', receivedAt: new Date().toISOString() }).expect(201);
    const newline = await t.http.get('/api/v1/officers?q=a%0Ab').auth(tokens.ADMIN!, bearer);
    expect(newline.status).toBe(400);
    expect(fieldsOf(newline)).toEqual(['q']);
    const key = await t.http.post('/api/v1/auth/login').send({ username: 'a', password: 'b', 'x\u0000': 1 });
    expect(key.status).toBe(400);
  });

  it('refuses JSON nested 2,000 deep before anything walks it, public login included', async () => {
    const deepArray = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const deepObject = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
    for (const [path, token, raw] of [
      ['/api/v1/auth/login', undefined, `{"username":${deepArray},"password":"b"}`],
      ['/api/v1/auth/login', undefined, `{"username":"a","password":"b","x":${deepObject}}`],
      ['/api/v1/vip-programmes', tokens.CONTROL_ROOM, `{"legs":[${deepObject}]}`],
    ] as const) {
      let req = t.http.post(path).set('Content-Type', 'application/json');
      if (token) req = req.auth(token, bearer);
      const res = await req.send(raw);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/nested too deeply/);
      expect(fieldsOf(res)).toHaveLength(1);
    }
    // What a form needs (a protest's places and route points) is far from the limit.
    const shallow = await t.http.post('/api/v1/auth/login').send({ username: 'a', password: 'b', x: { a: { b: { c: [[1]] } } } });
    expect(fieldsOf(shallow)).toEqual(['x']);
  });

  it('bounds every whole number in a query or path to what PostgreSQL holds', async () => {
    const cases: [string, string, string][] = [
      ['/api/v1/officers?offset=99999999999999999999', 'ADMIN', 'offset'],
      ['/api/v1/dak?offset=3000000000', 'ADMIN', 'offset'],
      ['/api/v1/protests?offset=1e20', 'CONTROL_ROOM', 'offset'],
      ['/api/v1/eoffice/outbox?offset=2147483648', 'ADMIN', 'offset'],
      ['/api/v1/bandobasts?offset=99999999999', 'DUTY_OFFICER', 'offset'],
      ['/api/v1/audit?before=99999999999999999999', 'AUDITOR', 'before'],
      [`/api/v1/vip-programmes/${UUID}/revisions/99999999999`, 'CONTROL_ROOM', 'revision'],
      [`/api/v1/vip-programmes/${UUID}/revisions/0`, 'CONTROL_ROOM', 'revision'],
    ];
    for (const [path, role, field] of cases) {
      const res = await t.http.get(path).auth(tokens[role]!, bearer);
      expect({ path, status: res.status, fields: fieldsOf(res) }).toEqual({ path, status: 400, fields: [field] });
    }
    const version = await t.http.patch(`/api/v1/users/${UUID}`).auth(tokens.ADMIN!, bearer).send({ version: 99999999999 });
    expect(version.status).toBe(400);
    expect(fieldsOf(version)).toEqual(['version']);
  });

  it('answers a VIP leg without `from` or `to` with a 400 naming it (it was a TypeError)', async () => {
    const leg = { start: '2026-12-10T10:00:00+05:30', end: '2026-12-10T10:40:00+05:30', to: { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 }, mode: 'ROAD_CONVOY', route: [], activity: 'TRANSIT' };
    const res = await t.http.post('/api/v1/vip-programmes').auth(tokens.CONTROL_ROOM!, bearer).send({ protecteeId: UUID, title: 'CM visit', legs: [leg] });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toContain('legs[0].from');
    const { to: _to, ...noTo } = { ...leg, from: leg.to };
    const res2 = await t.http.post('/api/v1/vip-programmes').auth(tokens.CONTROL_ROOM!, bearer).send({ protecteeId: UUID, title: 'CM visit', legs: [noTo] });
    expect(fieldsOf(res2)).toContain('legs[0].to');
  });

  it('answers impossible dates such as 2026-02-30 with a 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['/api/v1/audit?from=2026-02-30', 'AUDITOR', 'from'],
      ['/api/v1/audit?to=2026-02-30T10:00:00Z', 'AUDITOR', 'to'],
      ['/api/v1/dak?from=2026-02-30T10:00:00%2B05:30', 'ADMIN', 'from'],
      ['/api/v1/protests?to=2026-04-31T00:00:00Z', 'CONTROL_ROOM', 'to'],
    ];
    for (const [path, role, field] of cases) {
      const res = await t.http.get(path).auth(tokens[role]!, bearer);
      expect({ path, status: res.status, fields: fieldsOf(res) }).toEqual({ path, status: 400, fields: [field] });
    }
    const body = await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).send({ subject: 'Letter from the Collectorate', senderName: 'Collector', intakeChannel: 'POST', receivedAt: '2026-02-29T10:00:00+05:30', letterDate: '2026-02-30' });
    expect(body.status).toBe(400);
    expect(fieldsOf(body).sort()).toEqual(['letterDate', 'receivedAt']);
  });

  it('answers a lone surrogate in a body string with a 400 naming the field', async () => {
    const login = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":"adm\\ud800in","password":"x"}');
    expect(login.status).toBe(400);
    expect(fieldsOf(login)).toEqual(['username']);
    const low = await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).set('Content-Type', 'application/json').send(`{"subject":"Letter \\udc00 from the Collectorate","senderName":"Collector","intakeChannel":"POST","receivedAt":"${new Date().toISOString()}"}`);
    expect(low.status).toBe(400);
    expect(fieldsOf(low)).toEqual(['subject']);
    // A proper pair (an emoji) is text like any other.
    await t.http.post('/api/v1/dak').auth(tokens.ADMIN!, bearer).send({ subject: 'Letter from the Collectorate 📨', senderName: 'Collector', intakeChannel: 'POST', receivedAt: new Date().toISOString() }).expect(201);
  });

  it('answers a duplicate username with a 409 naming username', async () => {
    const body = { username: 'si.dubey', displayNameEn: 'S. Dubey', displayNameHi: 'एस. दुबे', rank: 'SI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] };
    await t.http.post('/api/v1/users').auth(tokens.ADMIN!, bearer).send(body).expect(201);
    const again = await t.http.post('/api/v1/users').auth(tokens.ADMIN!, bearer).send(body);
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([{ field: 'username', message: expect.stringMatching(/username/) }]);
  });

  it('answers a path the router cannot decode before any token is checked, in the app error shape', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/users/%zz');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), fields: [{ field: 'id', message: expect.any(String) }] });
  });
});
