import { BandobastInstance, generateBandobast } from '../src/modules/duty-charts/solver';
import { QueueService } from '../src/platform/queue/queue.service';
import { dutySms, generatedBandobastBody, newChart, seedGeneratedForce, publishChart, solveChart } from './support/duty-charts';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The generated bandobasts are dated from 8 November 2026: the app's clock stands before them,
 * since new shifts may not start in the past.
 */
const BEFORE_THE_EVENT = fixedClock('2026-11-01T10:00:00+05:30');

const auth = { type: 'bearer' as const };
/** DUTY_CHARTS_SCALE=1 for the 5,500 shape, or a head count such as 1500. */
const SIZE =
  process.env.DUTY_CHARTS_SCALE === '1' ? 5500 : Number(process.env.DUTY_CHARTS_SCALE ?? 0);

/**
 * The Diwali 2019 shape end to end through the API: 5,500 officers, 250 posts, 750 shifts,
 * solved by the job and published with every slip. Minutes long, so it runs only with
 * DUTY_CHARTS_SCALE=1 (the figures go to the report, not to every CI run).
 */
(SIZE ? describe : describe.skip)('a 5,500-officer bandobast through the API (e2e, opt-in)', () => {
  let t: TestApp;
  let duty: string;
  let chartId: string;
  let instance: BandobastInstance;

  beforeAll(async () => {
    instance = generateBandobast({ size: SIZE, seed: 1 }).instance;
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' }, undefined, { clock: BEFORE_THE_EVENT });
    duty = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    await seedGeneratedForce(t, instance.officers);
    const { divisions } = generatedBandobastBody(instance, 'Diwali', 'BPL');
    const res = await t.http
      .post('/api/v1/bandobasts')
      .auth(duty, auth)
      .send({ nameEn: 'Diwali', nameHi: 'दीपावली', kind: 'FESTIVAL', divisions })
      .expect(201);
    chartId = await newChart(t, duty, res.body.id);
  }, 300_000);
  afterAll(() => t?.close());

  it('solves 5,500 officers in the background job with no shortfall', async () => {
    const started = Date.now();
    const chart = await solveChart(t, duty, chartId);
    console.log(
      `scale: solve job ${(Date.now() - started) / 1000} s, ${chart.assignments} duties, result ${chart.solveResult}`,
    );
    expect(chart.solveResult).toBe('OK');
  }, 300_000);

  it('publishes the master chart, the thana charts and one slip per officer', async () => {
    const started = Date.now();
    const done = await publishChart(t, duty, chartId, 850_000);
    const job = await t.app.get(QueueService).queue('duty-publish').getJob(done.jobId);
    console.log(`scale: publish job seconds by phase ${JSON.stringify(job?.returnvalue?.seconds)}`);
    console.log(
      `scale: publish job ${(Date.now() - started) / 1000} s, ${done.publish.total} papers, ${(await dutySms(t)).length} SMS`,
    );
    expect(done.publish.done).toBe(done.publish.total);
  }, 900_000);
});
