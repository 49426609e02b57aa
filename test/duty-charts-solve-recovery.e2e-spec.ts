import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBandobast } from '../src/modules/duty-charts/solver';
import { AppProcess, postJson, startAppProcess } from './support/app-process';
import { waitFor, withClient } from './support/databases';
import { generatedBandobastBody, newChart, seedGeneratedForce } from './support/duty-charts';
import { fixedClock } from '../src/platform/time';
import { bootTestApp } from './support/test-app';

/**
 * The generated bandobasts are dated from 8 November 2026: the app's clock stands before them,
 * since new shifts may not start in the past.
 */
const BEFORE_THE_EVENT = fixedClock('2026-11-01T10:00:00+05:30');

const JWT_SECRET = 'solve-recovery-'.padEnd(48, 'x');

/**
 * A solve whose process is killed (kill -9) leaves its chart in SOLVING with a heartbeat
 * that stops. The next start of the real entry point takes it out of SOLVING within
 * seconds, as INTERRUPTED, and the chart can be solved again.
 */
describe('a chart whose solve job died with its process, and a solve cut short by the time limit (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-solve-kill-'));
  let databaseUrl: string;
  let token: string;
  let chartId: string;
  let app: AppProcess | undefined;
  const env = (limitSeconds: number) => ({
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    DATA_DIR: dataDir,
    DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS: String(limitSeconds),
  });
  const chart = async (): Promise<Record<string, unknown>> => {
    const res = await fetch(`${app!.baseUrl}/api/v1/duty-charts/${chartId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    // The data is put in place by an app in this process; the solves run in real entry points.
    const t = await bootTestApp({ JWT_SECRET }, undefined, { clock: BEFORE_THE_EVENT });
    databaseUrl = t.databaseUrl;
    token = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    const { instance } = generateBandobast({ size: 5500, seed: 3 });
    await seedGeneratedForce(t, instance.officers);
    const res = await t.http
      .post('/api/v1/bandobasts')
      .auth(token, { type: 'bearer' })
      .send(generatedBandobastBody(instance, 'Diwali', 'BPL'))
      .expect(201);
    chartId = await newChart(t, token, res.body.id);
    await t.close();
  }, 180_000);
  afterAll(async () => {
    app?.child.kill('SIGKILL');
    await app?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('recovers the chart from SOLVING after a restart; solved again at a 1 s limit, it is stored cut short', async () => {
    app = await startAppProcess(env(60));
    const asked = await postJson(`${app.baseUrl}/api/v1/duty-charts/${chartId}/solve`, {}, token);
    expect(asked.status).toBe(202);
    // Kill -9 while the job is solving: it has started and keeps the heartbeat fresh.
    await waitFor(async () => (await chart()).solveStartedAt, {
      what: 'the solve to start',
      intervalMs: 20,
      timeoutMs: 60_000,
    });
    app.child.kill('SIGKILL');
    await app.exited;
    const left = await withClient(databaseUrl, (c) =>
      c.query(`SELECT status, solve_heartbeat_at FROM duty_chart WHERE id = $1`, [chartId]),
    );
    expect(left.rows[0]).toMatchObject({ status: 'SOLVING' });

    // Restarted with a 1 s limit, far less than this solve needs.
    app = await startAppProcess(env(1));
    const restarted = Date.now();
    const recovered = await waitFor(
      async () => {
        const c = await chart();
        return c.status !== 'SOLVING' ? c : undefined;
      },
      { what: 'the chart to leave SOLVING', timeoutMs: 30_000, intervalMs: 250 },
    );
    expect((Date.now() - restarted) / 1000).toBeLessThan(20);
    expect(recovered).toMatchObject({
      status: 'DRAFT',
      solveResult: 'FAILED',
      solveEnded: 'INTERRUPTED',
      assignments: 0,
    });
    expect(recovered.solveNote).toMatch(
      /^the solve was interrupted: the server running it stopped/,
    );
    const audit = await withClient(databaseUrl, (c) =>
      c.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [chartId]),
    );
    expect(audit.rows.map((r) => r.action)).toContain('duty_chart.solve-interrupted');

    // Nothing is left half-done: the next solve runs, and at the 1 s limit the chart leaves
    // SOLVING with the best chart found by then, saying it was cut short.
    expect(
      (await postJson(`${app.baseUrl}/api/v1/duty-charts/${chartId}/solve`, {}, token)).status,
    ).toBe(202);
    const solved = await waitFor(
      async () => {
        const c = await chart();
        return c.status === 'DRAFT' ? c : undefined;
      },
      { what: 'the second solve', timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(solved).toMatchObject({ solveEnded: 'CUT_SHORT', stats: { cutShort: true } });
    expect(['OK', 'INFEASIBLE']).toContain(solved.solveResult);
    expect(solved.solveNote).toMatch(
      /^cut short by the 1 s time limit: this is the best chart found in that time/,
    );
    expect(solved.assignments).toBeGreaterThan(0);
    app.child.kill('SIGTERM');
    await app.exited;
    app = undefined;
  }, 240_000);
});
