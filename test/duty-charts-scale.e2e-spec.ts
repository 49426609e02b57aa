import { DataSource } from 'typeorm';
import { BandobastInstance, generateBandobast } from '../src/modules/duty-charts/solver';
import { QueueService } from '../src/platform/queue/queue.service';
import { TransactionService } from '../src/platform/database/transaction.service';
import { UnitsService } from '../src/platform/units/units.service';
import { dutySms, newChart, publishChart, solveChart } from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };
/** DUTY_CHARTS_SCALE=1 for the 5,500 shape, or a head count such as 1500. */
const SIZE =
  process.env.DUTY_CHARTS_SCALE === '1' ? 5500 : Number(process.env.DUTY_CHARTS_SCALE ?? 0);
const codeOf = (unit: string) => unit.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

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
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    duty = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    const units = t.app.get(UnitsService);
    await t.app.get(TransactionService).run(async (em) => {
      const known = new Set((await units.list()).map((u) => u.code));
      for (const o of instance.officers) {
        const code = codeOf(o.unit);
        if (known.has(code)) continue;
        known.add(code);
        await units.create(em, {
          code,
          kind: 'THANA',
          nameEn: o.unit,
          nameHi: o.unit,
          parentCode: 'ZONE_1',
          lat: o.location?.lat ?? null,
          lng: o.location?.lng ?? null,
        });
      }
    });
    const o = instance.officers;
    await t.app.get(DataSource).query(
      `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, mobile, skills)
       SELECT b, 'Officer ' || b, 'अधिकारी ' || b, r, g, (SELECT id FROM unit WHERE code = u), '98' || lpad(n::text, 8, '0'),
              coalesce(string_to_array(nullif(replace(s, '_', '-'), ''), ','), '{}')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(b, r, g, u, s, n)`,
      [
        o.map((x) => x.id),
        o.map((x) => x.rank),
        o.map((x) => x.gender),
        o.map((x) => codeOf(x.unit)),
        o.map((x) => (x.skills ?? []).join(',')),
      ],
    );
    const sectors = [...new Set(instance.posts.map((p) => p.sector))];
    const divisions = [...new Set(sectors.map((s) => s.split('-')[0]!))].map((d) => ({
      code: d,
      name: `Division ${d}`,
      sectors: sectors
        .filter((s) => s.startsWith(`${d}-`))
        .map((s) => ({
          code: s,
          name: `Sector ${s}`,
          posts: instance.posts
            .filter((p) => p.sector === s)
            .map((p) => ({
              code: p.id,
              name: `Point ${p.id}`,
              kind: 'FIXED_POINT',
              location: `Point ${p.id}, Bhopal`,
              lat: p.location?.lat,
              lng: p.location?.lng,
              equipment: 'Lathi, helmet',
              shifts: p.shifts.map((sh) => ({
                code: sh.id,
                start: sh.start,
                end: sh.end,
                ranks: sh.require.ranks,
                minWomen: sh.require.minWomen ?? 0,
                skills: Object.fromEntries(
                  Object.entries(sh.require.skills ?? {}).map(([k, v]) => [
                    k.replace(/_/g, '-'),
                    v,
                  ]),
                ),
              })),
            })),
        })),
    }));
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
