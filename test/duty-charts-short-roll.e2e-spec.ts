import { DataSource } from 'typeorm';
import { SolveRecovery } from '../src/modules/duty-charts/charts/solve-recovery.service';
import { BandobastInstance, generateBandobast, RANKS } from '../src/modules/duty-charts/solver';
import { BHOPAL_THANAS } from '../src/modules/duty-charts/solver/bhopal-thanas';
import { QueueService } from '../src/platform/queue/queue.service';
import { waitFor } from './support/databases';
import {
  chartOf,
  generatedBandobastBody,
  newChart,
  seedGeneratedForce,
  solveChart,
  unitCodeOf,
} from './support/duty-charts';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The generated bandobasts are dated from 8 November 2026: the app's clock stands before them,
 * since new shifts may not start in the past.
 */
const BEFORE_THE_EVENT = fixedClock('2026-11-01T10:00:00+05:30');

const auth = { type: 'bearer' as const };
const LIMIT_SECONDS = 20;
const zoneOne = new Set(BHOPAL_THANAS.filter((t) => t.zone === 1).map((t) => t.unit));

/**
 * Issue 18: a Zone-1 duty officer solving the 6,600-personnel Diwali order gets only Zone-1's
 * officers (about 1,500) for its 5,556 slots. The whole city's force is on the roll; the
 * bandobast is organised by ZONE_1, so the solve job sees Zone 1's officers alone.
 */
describe('a bandobast far too big for the roll (e2e)', () => {
  let t: TestApp;
  let duty: string;
  /** The order with its women and skill minimums cut to what Zone 1 can give: only hands are short. */
  let order: BandobastInstance;
  /** The same order as written for the whole city, two days later: women and skills short too. */
  let fullOrder: BandobastInstance;

  beforeAll(async () => {
    t = await bootTestApp(
      { DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS: String(LIMIT_SECONDS) },
      undefined,
      { clock: BEFORE_THE_EVENT },
    );
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    const city = generateBandobast({ size: 6600, seed: 1 });
    order = generateBandobast({ size: 6600, seed: 1, rollZones: [1] }).instance;
    fullOrder = generateBandobast({ size: 6600, seed: 1, startDate: '2026-11-10' }).instance;
    await seedGeneratedForce(t, city.instance.officers);
  }, 120_000);
  afterAll(() => t?.close());

  async function bandobastFor(instance: BandobastInstance, name: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/bandobasts')
      .auth(duty, auth)
      .send(generatedBandobastBody(instance, name, 'ZONE_1'))
      .expect(201);
    return newChart(t, duty, res.body.id);
  }

  it('says the roll is short before solving, and stores a chart with the exact shortfall within the time limit', async () => {
    const chartId = await bandobastFor(order, 'Diwali (Zone 1)');
    const slots = order.posts.flatMap((p) => p.shifts).map((s) => s.require.ranks);
    const slotCount = slots.reduce((n, r) => n + Object.values(r).reduce((a, b) => a + b!, 0), 0);
    const roll = order.officers.filter((o) => zoneOne.has(unitCodeOf(o.unit)));
    expect(roll.length).toBeGreaterThanOrEqual(1_000);
    expect(slotCount).toBeGreaterThanOrEqual(4_000);
    // Each officer can fill one of the day's three clashing shifts: the rest of each rank stays empty.
    const minimum = RANKS.reduce(
      (sum, rank) =>
        sum +
        Math.max(
          0,
          slots.reduce((n, r) => n + (r[rank] ?? 0), 0) -
            roll.filter((o) => o.rank === rank).length,
        ),
      0,
    );

    const started = Date.now();
    const chart = await solveChart(t, duty, chartId);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(LIMIT_SECONDS + 10);
    const summary = (
      await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(duty, auth).expect(200)
    ).body;
    expect(summary).toMatchObject({
      status: 'DRAFT',
      solveResult: 'INFEASIBLE',
      solveEnded: 'COMPLETED',
      stats: { unmet: minimum, lowerBound: minimum, cutShort: false },
      rollCheck: {
        officers: roll.length,
        slots: slotCount,
        lowerBound: minimum,
        message: expect.stringMatching(
          new RegExp(
            `^the roll has ${roll.length.toLocaleString('en-IN')} officers of the needed ranks for ${slotCount.toLocaleString('en-IN')} slots: at least ${minimum.toLocaleString('en-IN')} requirement units will go unmet`,
          ),
        ),
      },
    });
    expect(summary.solveNote).toContain('no chart can do better with this roll');
    // Exact: every officer of the roll serves once, every other slot is declared short, and
    // every woman and skill minimum is met.
    expect(chart.assignments).toBe(slotCount - minimum);
    const shortfalls = summary.shortfalls as Array<{ requirement: string; missing: number }>;
    expect(shortfalls.every((s) => s.requirement.startsWith('rank:'))).toBe(true);
    expect(shortfalls.reduce((n, s) => n + s.missing, 0)).toBe(minimum);
    const shortPosts = summary.shortPosts as Array<{ postCode: string; missing: number }>;
    expect(shortPosts.reduce((n, p) => n + p.missing, 0)).toBe(minimum);
    expect(shortPosts.map((p) => p.missing)).toEqual(
      [...shortPosts.map((p) => p.missing)].sort((a, b) => b - a),
    );
    const progress = (
      await t.http.get(`/api/v1/duty-charts/${chartId}/progress`).auth(duty, auth).expect(200)
    ).body;
    expect(progress.rollCheck.message).toBe(summary.rollCheck.message);
    expect(progress.solve.progress).toMatchObject({
      phase: 'saving',
      roll: { message: summary.rollCheck.message },
    });
    expect(progress.shortPosts).toEqual(summary.shortPosts);
  }, 120_000);

  it('lets the duty officer cancel a running solve: the chart leaves SOLVING at once with what it had', async () => {
    const chartId = await bandobastFor(fullOrder, 'Diwali (Zone 1), as written');
    await t.http.post(`/api/v1/duty-charts/${chartId}/solve`).auth(duty, auth).send({}).expect(202);
    // Wait until the job is really running (its heartbeat is on the chart).
    await waitFor(
      async () =>
        (
          await t.app
            .get(DataSource)
            .query(
              `SELECT 1 FROM duty_chart WHERE id = $1 AND status = 'SOLVING' AND solve_started_at IS NOT NULL`,
              [chartId],
            )
        ).length > 0,
      { what: 'the solve to start', intervalMs: 20, timeoutMs: 60_000 },
    );
    const progress = (
      await t.http.get(`/api/v1/duty-charts/${chartId}/progress`).auth(duty, auth).expect(200)
    ).body;
    expect(progress.allowedActions).toEqual(['solve', 'cancel-solve', 'discard']);
    const cancelled = await t.http
      .post(`/api/v1/duty-charts/${chartId}/solve/cancel`)
      .auth(duty, auth)
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'DRAFT',
      solveEnded: 'CANCELLED',
      solveResult: null,
    });
    expect(cancelled.body.solveNote).toMatch(/^solve cancelled by t_duty_officer_zone_1 at /);
    // The job ends without storing anything, and the chart stays as it was.
    const jobId = `solve-${chartId}-1`;
    const result = await waitFor(
      async () => {
        const job = await t.app.get(QueueService).queue('duty-solve').getJob(jobId);
        return job && (await job.isCompleted()) ? job.returnvalue : undefined;
      },
      { what: 'the cancelled job to end', timeoutMs: 60_000 },
    );
    // Stopped at its next heartbeat, or refused at the store if it finished first: nothing stored.
    expect(result).toMatchObject({ result: 'superseded' });
    expect(await chartOf(t, duty, chartId)).toMatchObject({
      status: 'DRAFT',
      solveResult: null,
      assignments: 0,
    });
    // Cancelling again, or by a reader, is refused by the chart's workflow.
    const again = await t.http
      .post(`/api/v1/duty-charts/${chartId}/solve/cancel`)
      .auth(duty, auth)
      .expect(409);
    expect(again.body.message).toContain('cancel-solve (to DRAFT) is not possible');
    const reader = await t.tokenFor(['CONTROL_ROOM'], 'BPL');
    await t.http.post(`/api/v1/duty-charts/${chartId}/solve/cancel`).auth(reader, auth).expect(403);
    const audit = await t.app
      .get(DataSource)
      .query(`SELECT action FROM audit_log WHERE entity_id = $1`, [chartId]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('duty_chart.solve-cancelled');

    // Solved again to the end, the order as written reports which posts go short of what.
    const solved = await solveChart(t, duty, chartId);
    expect(solved.solveResult).toBe('INFEASIBLE');
    const summary = (
      await t.http.get(`/api/v1/duty-charts/${chartId}`).auth(duty, auth).expect(200)
    ).body;
    expect(['COMPLETED', 'CUT_SHORT']).toContain(summary.solveEnded);
    expect(summary.stats.unmet).toBeGreaterThanOrEqual(summary.stats.lowerBound);
    expect(summary.shortfalls.reduce((n: number, s: { missing: number }) => n + s.missing, 0)).toBe(
      summary.stats.unmet,
    );
    expect(Object.keys(summary.shortPosts[0].byRequirement).length).toBeGreaterThan(0);
  }, 180_000);

  it('queues a solve again whose job was lost before it started', async () => {
    const chartId = await bandobastFor(
      generateBandobast({ size: 300, seed: 2, startDate: '2026-11-12' }).instance,
      'Small',
    );
    const queue = t.app.get(QueueService).queue('duty-solve');
    await queue.pause();
    try {
      await t.http
        .post(`/api/v1/duty-charts/${chartId}/solve`)
        .auth(duty, auth)
        .send({})
        .expect(202);
      // The job vanishes, as with a flushed Redis or a crash between the commit and the enqueue.
      await (await queue.getJob(`solve-${chartId}-1`))!.remove();
      // Not yet stale: nothing happens.
      expect(await t.app.get(SolveRecovery).sweep()).toEqual({ interrupted: 0, requeued: 0 });
    } finally {
      await queue.resume();
    }
    const chart = await waitFor(
      async () => {
        const c = await chartOf(t, duty, chartId);
        return c.status === 'DRAFT' ? c : undefined;
      },
      { what: 'the lost solve to be queued again and run', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(chart.solveResult).not.toBeNull();
    expect((await queue.getJob(`solve-${chartId}-1`))?.returnvalue?.result).toBe(chart.solveResult);
  }, 120_000);
});
