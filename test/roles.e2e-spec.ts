import request from 'supertest';
import { DataSource } from 'typeorm';
import { ROLES } from '../src/platform/auth/roles';
import { listRoutes, RouteInfo } from './support/routes';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Every role boundary, for every route the app serves (read from the routes' own metadata,
 * so a new route is covered the day it is added): no token → 401, a role the route does not
 * name → 403, a role it names → neither.
 */
describe('role boundaries (e2e)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await bootTestApp();
    routes = listRoutes(t.app);
    for (const role of ROLES) tokens[role] = await t.tokenFor([role], role === 'OFFICER' ? 'TT_NAGAR' : 'BPL');
  });
  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.isPublic).map((r) => r.name)).toEqual(
      expect.arrayContaining(['HealthController.live', 'HealthController.ready', 'AuthController.login']),
    );
  });

  it('answers 401 without a token on every non-public route', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const res = await t.http[r.method](r.path);
      if (res.status !== 401) failures.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not name, and lets the named roles through', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      for (const role of ROLES) {
        const res = await t.http[r.method](r.path).auth(tokens[role]!, { type: 'bearer' }).send({});
        const allowed = r.roles.includes(role);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${role} refused at ${r.name} (${res.status})`);
        if (!allowed && res.status !== 403) failures.push(`${role} not refused at ${r.name} (${res.status})`);
        if (res.status >= 500) failures.push(`${role} got ${res.status} at ${r.name}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the queue board for ADMIN only', async () => {
    // A client with no cookie jar: the shared agent may hold the board cookie by now.
    const fresh = request(t.app.getHttpServer());
    await fresh.get('/admin/queues').expect(401);
    await fresh.get('/admin/queues').auth(tokens.CONTROL_ROOM!, { type: 'bearer' }).expect(403);
    await fresh.get('/admin/queues').auth(tokens.ADMIN!, { type: 'bearer' }).expect(200);
  });

  it('opens the queue board in a browser through an HttpOnly cookie scoped to it', async () => {
    const res = await t.http.post('/api/v1/auth/queue-board-session').auth(tokens.ADMIN!, { type: 'bearer' }).expect(204);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/po_board=.+; Max-Age=900; Path=\/admin\/queues; .*HttpOnly; SameSite=Strict/);
    await request(t.app.getHttpServer()).get('/admin/queues').set('Cookie', cookie.split(';')[0]!).expect(200);
  });

  it('scopes officer lists to the unit subtree for unit-bound roles', async () => {
    // A duty officer of Zone-2 sees none of Zone-1's officers; a commissionerate-wide role sees them.
    const zone2 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
    await t.app.get(DataSource).query(
      `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, skills)
       SELECT 'BPL-T0001', 'Test Constable', 'परीक्षण आरक्षक', 'CONSTABLE', 'F', id, '{}' FROM unit WHERE code = 'TT_NAGAR'`,
    );
    const own = await t.http.get('/api/v1/officers').auth(zone2, { type: 'bearer' }).expect(200);
    expect(own.body.items.map((o: { beltNo: string }) => o.beltNo)).not.toContain('BPL-T0001');
    const zone1 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    const theirs = await t.http.get('/api/v1/officers').auth(zone1, { type: 'bearer' }).expect(200);
    expect(theirs.body.items.map((o: { beltNo: string }) => o.beltNo)).toContain('BPL-T0001');
  });
});
