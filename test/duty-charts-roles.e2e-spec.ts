import { ROLES } from '../src/platform/auth/roles';
import { listRoutes, RouteInfo } from './support/routes';
import { bootTestApp, TestApp } from './support/test-app';

const OURS =
  /^(BandobastController|ChartsController|SlipsController|OfficersController|AvailabilityController)\./;

/**
 * Who may do what with duty charts and the roll: DUTY_OFFICER (and ADMIN) prepare, other
 * office roles read, OFFICER only reaches their own slips. Read from the routes' metadata,
 * so a route added later is covered too.
 */
describe('duty-chart and personnel role boundaries (e2e)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootTestApp();
    routes = listRoutes(t.app).filter((r) => OURS.test(r.name));
    for (const role of ROLES)
      tokens[role] = await t.tokenFor([role], role === 'OFFICER' ? 'TT_NAGAR' : 'BPL');
  });
  afterAll(() => t.close());

  it('makes public only the slip link and its PDF', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['SlipsController.page', 'SlipsController.publicPdf']);
  });

  it('lets only DUTY_OFFICER and ADMIN change charts, bandobasts and the roll', () => {
    const writers = routes.filter(
      (r) => !r.isPublic && r.method !== 'get' && !r.name.startsWith('SlipsController'),
    );
    for (const r of writers)
      expect({
        route: r.name,
        roles: r.roles.filter((x) => x !== 'ADMIN' && x !== 'DUTY_OFFICER'),
      }).toEqual({ route: r.name, roles: [] });
  });

  it('gives OFFICER no route but their own slips', () => {
    expect(
      routes
        .filter((r) => r.roles.includes('OFFICER'))
        .map((r) => r.name)
        .sort(),
    ).toEqual(['SlipsController.mine', 'SlipsController.minePdf']);
  });

  it('answers 401 without a token, 403 to roles not named, and never 5xx', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const anonymous = await t.http[r.method](r.path);
      if (anonymous.status !== 401) failures.push(`anonymous got ${anonymous.status} at ${r.name}`);
      for (const role of ROLES) {
        const res = await t.http[r.method](r.path).auth(tokens[role]!, { type: 'bearer' }).send({});
        const allowed = r.roles.includes(role);
        if (allowed && (res.status === 401 || res.status === 403))
          failures.push(`${role} refused at ${r.name} (${res.status})`);
        if (!allowed && res.status !== 403)
          failures.push(`${role} not refused at ${r.name} (${res.status})`);
        if (res.status >= 500) failures.push(`${role} got ${res.status} at ${r.name}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
