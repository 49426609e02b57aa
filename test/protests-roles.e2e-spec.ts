import { Role, ROLES } from '../src/platform/auth/roles';
import { createApplication, protestActors, ProtestActors, seedVenues, step, STEP_BODIES, view } from './support/protests';
import { listRoutes, RouteInfo } from './support/routes';
import { bootTestApp, TestApp } from './support/test-app';

const READERS: Role[] = ['ADMIN', 'APPROVER', 'AUDITOR', 'CONTROL_ROOM', 'OFFICER'];

/** The role contract of every protests route, written out: a new route must be added here. */
const EXPECTED: Record<string, Role[]> = {
  'VenuesController.list': READERS,
  'VenuesController.get': READERS,
  'VenuesController.create': ['ADMIN'],
  'VenuesController.update': ['ADMIN'],
  'RestrictionOrdersController.list': READERS,
  'RestrictionOrdersController.get': READERS,
  'RestrictionOrdersController.create': ['ADMIN'],
  'RestrictionOrdersController.update': ['ADMIN'],
  'ProtestsController.receive': ['CONTROL_ROOM'],
  'ProtestsController.check': ['CONTROL_ROOM'],
  'ProtestsController.board': READERS,
  'ProtestsController.standardConditions': READERS,
  'ProtestsController.list': READERS,
  'ProtestsController.get': READERS,
  'ProtestsController.letter': READERS,
  'ProtestWorkflowController.requestThanaReport': ['APPROVER', 'CONTROL_ROOM'],
  'ProtestWorkflowController.submitThanaReport': ['OFFICER'],
  'ProtestWorkflowController.approve': ['APPROVER'],
  'ProtestWorkflowController.reject': ['APPROVER'],
  'ProtestWorkflowController.letterPreview': ['APPROVER'],
  'ProtestWorkflowController.withdraw': ['CONTROL_ROOM'],
  'ProtestWorkflowController.revoke': ['APPROVER'],
  'ProtestAttachmentsController.add': ['CONTROL_ROOM'],
  'ProtestAttachmentsController.download': READERS,
};

describe('protest role boundaries (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let routes: RouteInfo[];
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    routes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/protests'));
    for (const role of ROLES) tokens[role] = await t.tokenFor([role], role === 'OFFICER' ? 'TT_NAGAR' : 'BPL');
  });
  afterAll(() => t.close());

  it('gives every protests route exactly the roles of the contract', () => {
    const actual = Object.fromEntries(routes.map((r) => [r.name, [...r.roles].sort()]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, [...v].sort()])));
  });

  it('describes every protests route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    const documented = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/protests'));
    expect(documented).toEqual(expect.arrayContaining(['/api/v1/protests', '/api/v1/protests/{id}/approve', '/api/v1/protests/{id}/attachments', '/api/v1/protests/venues']));
  });

  it('answers 401 without a token on every protests route', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const res = await t.http[r.method](r.path);
      if (res.status !== 401) failures.push(`${r.name} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not name, and lets the named roles through without a 5xx', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      for (const role of ROLES) {
        const res = await t.http[r.method](r.path).auth(tokens[role]!, { type: 'bearer' }).send({});
        const allowed = EXPECTED[r.name]!.includes(role);
        if (!allowed && res.status !== 403) failures.push(`${role} not refused at ${r.name} (${res.status})`);
        if (allowed && [401, 403].includes(res.status)) failures.push(`${role} refused at ${r.name} (${res.status})`);
        if (res.status >= 500) failures.push(`${role} got ${res.status} at ${r.name}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps a thana\'s application out of sight of another thana\'s users', async () => {
    const app = await step(t, a, await createApplication(t, a), 'request-thana-report');
    await t.http.get(`/api/v1/protests/${app.id}`).auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(404);
    const report = { version: app.version, ...STEP_BODIES['thana-report'] };
    await t.http.post(`/api/v1/protests/${app.id}/thana-report`).auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).send(report).expect(404);
    const kamla = await t.http.get('/api/v1/protests').auth(a.officer.KAMLA_NAGAR!, { type: 'bearer' }).expect(200);
    expect(kamla.body.items.map((i: { id: string }) => i.id)).not.toContain(app.id);
    const tt = await t.http.get('/api/v1/protests').auth(a.officer.TT_NAGAR!, { type: 'bearer' }).expect(200);
    expect(tt.body.items.map((i: { id: string }) => i.id)).toContain(app.id);
  });

  it('takes the thana report only from a user of that thana, not from the ACP circle above it', async () => {
    const app = await step(t, a, await createApplication(t, a), 'request-thana-report');
    // The ACP circle sees its thanas' applications…
    await t.http.get(`/api/v1/protests/${app.id}`).auth(a.officer.ACP_TT_NAGAR!, { type: 'bearer' }).expect(200);
    // …but the report is the thana's own.
    const report = { version: app.version, ...STEP_BODIES['thana-report'] };
    const refused = await t.http.post(`/api/v1/protests/${app.id}/thana-report`).auth(a.officer.ACP_TT_NAGAR!, { type: 'bearer' }).send(report);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('TT Nagar');
    await t.http.post(`/api/v1/protests/${app.id}/thana-report`).auth(a.officer.TT_NAGAR!, { type: 'bearer' }).send(report).expect(200);
    expect((await view(t, a.control, app.id)).status).toBe('THANA_REPORTED');
  });

  it('lets nobody but the DCP decide, even with the application ready for a decision', async () => {
    const app = await step(t, a, await step(t, a, await createApplication(t, a), 'request-thana-report'), 'thana-report');
    for (const token of [a.control, a.admin, a.officer.TT_NAGAR!, a.auditor]) {
      await t.http.post(`/api/v1/protests/${app.id}/approve`).auth(token, { type: 'bearer' }).send({ version: app.version, ...STEP_BODIES.approve }).expect(403);
    }
    expect((await view(t, a.control, app.id)).status).toBe('THANA_REPORTED');
  });
});
