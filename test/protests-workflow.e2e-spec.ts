import type { ProtestStatus } from '../src/modules/protests/protest-workflow';
import { createApplication, driveTo, protestActors, ProtestActors, ProtestView, seedVenues, step, STEP_BODIES, stepToken, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/** Written out here, not read from the code: the test states the contract independently. */
const ALLOWED_NEXT: Record<ProtestStatus, ProtestStatus[]> = {
  RECEIVED: ['THANA_REPORT_REQUESTED', 'WITHDRAWN'],
  THANA_REPORT_REQUESTED: ['THANA_REPORTED', 'WITHDRAWN'],
  THANA_REPORTED: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['REVOKED', 'WITHDRAWN'],
  REJECTED: [],
  WITHDRAWN: [],
  REVOKED: [],
};
type Who = 'control' | 'approver' | 'officer';
/** What each user may do from each state: the `allowed` of a 409, and the view's allowedActions. */
const MAY: Record<ProtestStatus, Record<Who, string[]>> = {
  RECEIVED: { control: ['requestThanaReport', 'withdraw'], approver: ['requestThanaReport'], officer: [] },
  THANA_REPORT_REQUESTED: { control: ['withdraw'], approver: [], officer: ['submitThanaReport'] },
  THANA_REPORTED: { control: ['withdraw'], approver: ['approve', 'reject'], officer: [] },
  APPROVED: { control: ['withdraw'], approver: ['revoke'], officer: [] },
  REJECTED: { control: [], approver: [], officer: [] },
  WITHDRAWN: { control: [], approver: [], officer: [] },
  REVOKED: { control: [], approver: [], officer: [] },
};
const ACTION_NAME: Record<string, string> = {
  'request-thana-report': 'requestThanaReport',
  'thana-report': 'submitThanaReport',
  approve: 'approve',
  reject: 'reject',
  withdraw: 'withdraw',
  revoke: 'revoke',
};
const whoTakes = (route: string): Who => (route === 'thana-report' ? 'officer' : route === 'request-thana-report' || route === 'withdraw' ? 'control' : 'approver');
const ACTION_TARGET: Record<string, ProtestStatus> = {
  'request-thana-report': 'THANA_REPORT_REQUESTED',
  'thana-report': 'THANA_REPORTED',
  approve: 'APPROVED',
  reject: 'REJECTED',
  withdraw: 'WITHDRAWN',
  revoke: 'REVOKED',
};

describe('protest workflow (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  const auditActions = async (id: string) => {
    const res = await t.http.get(`/api/v1/audit?entityType=protest_application&entityId=${id}`).auth(a.auditor, { type: 'bearer' }).expect(200);
    return (res.body as Array<{ id: string; action: string; diff: Record<string, unknown> }>).sort((x, y) => Number(x.id) - Number(y.id));
  };

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
  });
  afterAll(() => t.close());

  it('takes an application from RECEIVED through the thana report to APPROVED, auditing every step', async () => {
    const app = await createApplication(t, a);
    expect(app.ref).toMatch(/^PRT\/\d{4}\/\d{6}$/);
    expect(app).toMatchObject({ status: 'RECEIVED', allowedNext: ALLOWED_NEXT.RECEIVED, allowedActions: MAY.RECEIVED.control, thana: { code: 'TT_NAGAR' } });
    expect((await view(t, a.approver, app.id)).allowedActions).toEqual(MAY.RECEIVED.approver);
    const requested = await step(t, a, app, 'request-thana-report');
    expect(requested.status).toBe('THANA_REPORT_REQUESTED');
    const reported = await step(t, a, requested, 'thana-report');
    expect(reported).toMatchObject({ status: 'THANA_REPORTED', thanaReport: { recommendation: 'RECOMMENDED', report: expect.stringContaining('verified') } });
    const approved = await step(t, a, reported, 'approve');
    expect(approved.status).toBe('APPROVED');
    expect((approved.decision as { conditions: Array<{ key: string | null }> }).conditions.map((c) => c.key)).toEqual(['carry-permit', 'traffic-volunteers', null]);
    const audit = await auditActions(app.id);
    expect(audit.map((r) => r.action).filter((x) => x.startsWith('protest.'))).toEqual(['protest.received', 'protest.thana_report_requested', 'protest.thana_reported', 'protest.approved']);
    expect(audit.find((r) => r.action === 'protest.approved')!.diff.status).toEqual({ from: 'THANA_REPORTED', to: 'APPROVED' });
  });

  it('rejects after the thana report and keeps the stated grounds', async () => {
    const rejected = await driveTo(t, a, 'REJECTED');
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.decision).toMatchObject({ grounds: STEP_BODIES.reject!.grounds });
  });

  it.each(['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED'] as const)('lets the control room withdraw an application that is %s', async (from) => {
    const withdrawn = await step(t, a, await driveTo(t, a, from), 'withdraw');
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reason: STEP_BODIES.withdraw!.reason } });
  });

  it('revokes an approved application with its reason and the VIP programme that caused it', async () => {
    const revoked = await driveTo(t, a, 'REVOKED');
    expect(revoked).toMatchObject({ status: 'REVOKED', revocation: { reason: STEP_BODIES.revoke!.reason, linkedRecord: { type: 'VIP_PROGRAMME', ref: 'VIP/2026/000031' } } });
    const audit = await auditActions(revoked.id);
    expect(audit.at(-1)!.diff).toMatchObject({ status: { from: 'APPROVED', to: 'REVOKED' } });
  });

  describe.each(Object.keys(ALLOWED_NEXT) as ProtestStatus[])('from %s', (state) => {
    let app: ProtestView;
    beforeAll(async () => {
      app = await driveTo(t, a, state);
    });

    const illegal = Object.entries(ACTION_TARGET).filter(([, to]) => !ALLOWED_NEXT[state].includes(to));
    it.each(illegal)('refuses %s with 409 naming what the user may do instead, and the view names the allowed next states', async (action, to) => {
      const res = await t.http.post(`/api/v1/protests/${app.id}/${action}`).auth(stepToken(a, action, app), { type: 'bearer' }).send({ version: app.version, ...STEP_BODIES[action] });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String), state, action: ACTION_NAME[action], allowed: MAY[state][whoTakes(action)] });
      expect(res.body.message).toContain(to);
      const after = await view(t, a.control, app.id);
      expect(after.version).toBe(app.version);
      expect(after.allowedNext).toEqual(ALLOWED_NEXT[state]);
    });
  });

  it('answers 409 to a change made from a stale screen, and changes nothing', async () => {
    const app = await createApplication(t, a);
    await step(t, a, app, 'request-thana-report');
    const stale = await t.http.post(`/api/v1/protests/${app.id}/withdraw`).auth(a.control, { type: 'bearer' }).send({ version: app.version, reason: 'double click' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(app.version + 1);
    expect((await view(t, a.control, app.id)).status).toBe('THANA_REPORT_REQUESTED');
  });

  it('creates one application, not two, when the same intake is posted twice with one Idempotency-Key', async () => {
    const body = (await import('./support/protests')).applicationBody();
    const first = await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).set('Idempotency-Key', 'intake-key-0001').send(body).expect(201);
    const again = await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).set('Idempotency-Key', 'intake-key-0001').send(body).expect(201);
    expect(again.body.ref).toBe(first.body.ref);
  });
});
