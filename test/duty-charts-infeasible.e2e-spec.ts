import { DataSource } from 'typeorm';
import {
  bandobastBody,
  chartOf,
  istDay,
  newChart,
  seedForce,
  shift,
  solveChart,
} from './support/duty-charts';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };
const at = (hhmm: string) => `${istDay(5)}T${hhmm}:00+05:30`;

/** A request the force cannot meet is reported exactly, and never published as a partial chart. */
describe('an impossible bandobast request (e2e)', () => {
  let t: TestApp;
  let duty: string;
  let chartId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
    // Ten constables (two of them women) and one SI.
    await seedForce(t, {
      unitCode: 'MP_NAGAR',
      prefix: 'MP',
      ranks: { CONSTABLE: 10, SI: 1 },
      womenEvery: 5,
    });
    const body = bandobastBody(
      'Women short',
      [
        {
          code: 'W1',
          shifts: [
            {
              code: 'W1-A',
              start: at('10:00'),
              end: at('16:00'),
              ranks: { CONSTABLE: 6 },
              minWomen: 4,
            },
          ],
        },
        {
          code: 'W2',
          shifts: [
            { code: 'W2-A', start: at('10:00'), end: at('16:00'), ranks: { SI: 2, CONSTABLE: 2 } },
          ],
        },
      ],
      { unitCode: 'MP_NAGAR' },
    );
    const id = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201))
      .body.id;
    chartId = await newChart(t, duty, id);
  });
  afterAll(() => t.close());

  it('says exactly what is short, shift by shift, with the reason', async () => {
    const chart = await solveChart(t, duty, chartId);
    expect(chart.solveResult).toBe('INFEASIBLE');
    expect(chart.shortfalls).toEqual([
      expect.objectContaining({
        shiftCode: 'W1-A',
        postCode: 'W1',
        requirement: 'women',
        needed: 4,
        assigned: 2,
        missing: 2,
      }),
      expect.objectContaining({
        shiftCode: 'W2-A',
        postCode: 'W2',
        requirement: 'rank:SI',
        needed: 2,
        assigned: 1,
        missing: 1,
      }),
    ]);
    expect(chart.shortfalls[0]!.reason).toMatch(
      /^sector D1-S1, shift W1-A: 2 more women needed \(needs 4, has 2\)/,
    );
    expect(chart.shortfalls[1]!.reason).toMatch(/^sector D1-S1, shift W2-A: 1 more SI needed/);
  });

  it('refuses to publish it, listing the shortfalls, and issues nothing', async () => {
    const refused = await t.http
      .post(`/api/v1/duty-charts/${chartId}/publish`)
      .auth(duty, auth)
      .expect(409);
    expect(refused.body).toMatchObject({
      solveResult: 'INFEASIBLE',
      allowed: ['solve', 'edit', 'discard'],
    });
    expect(refused.body.shortfalls).toHaveLength(2);
    expect(refused.body.message).toContain('2 requirement(s) are unmet');
    expect((await chartOf(t, duty, chartId)).status).toBe('DRAFT');
    await t.http.get(`/api/v1/duty-charts/${chartId}/pdf`).auth(duty, auth).expect(404);
    expect(
      (await t.http.get(`/api/v1/duty-charts/${chartId}/papers`).auth(duty, auth).expect(200)).body,
    ).toEqual([]);
    const [counts] = await t.app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*) FROM duty_slip)::int AS slips, (SELECT count(*) FROM notification WHERE source_type = 'duty_slip')::int AS sms`,
      );
    expect(counts).toEqual({ slips: 0, sms: 0 });
  });

  it('frees its officers for other bandobasts once the draft is discarded', async () => {
    await t.http.post(`/api/v1/duty-charts/${chartId}/discard`).auth(duty, auth).expect(200);
    const [{ live }] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*) FILTER (WHERE live)::int AS live FROM duty_assignment WHERE chart_id = $1`,
        [chartId],
      );
    expect(live).toBe(0);
    await t.http.post(`/api/v1/duty-charts/${chartId}/solve`).auth(duty, auth).send({}).expect(409);
  });

  it('fails a solve whose pins break the rest rule, naming them, and keeps the pins', async () => {
    const later = (hhmm: string) => `${istDay(6)}T${hhmm}:00+05:30`;
    const body = bandobastBody(
      'Pins',
      [
        { code: 'Q1', shifts: [shift('Q1-A', later('06:00'), later('12:00'), { CONSTABLE: 1 })] },
        { code: 'Q2', shifts: [shift('Q2-A', later('14:00'), later('20:00'), { CONSTABLE: 1 })] },
      ],
      { unitCode: 'MP_NAGAR' },
    );
    const id = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201))
      .body.id;
    const pins = await newChart(t, duty, id);
    const tree = (await t.http.get(`/api/v1/bandobasts/${id}`).auth(duty, auth).expect(200)).body;
    const [q1, q2] = tree.divisions[0].sectors[0].posts.map(
      (p: { shifts: Array<{ id: string }> }) => p.shifts[0]!.id,
    );
    const officerId = (
      await t.app.get(DataSource).query(`SELECT id FROM officer WHERE belt_no = 'MP-0001'`)
    )[0].id;
    const other = (
      await t.app.get(DataSource).query(`SELECT id FROM officer WHERE belt_no = 'MP-0002'`)
    )[0].id;
    for (const shiftId of [q1, q2]) {
      await t.http
        .post(`/api/v1/duty-charts/${pins}/assignments`)
        .auth(duty, auth)
        .send({ officerId, shiftId })
        .expect(201);
    }
    const full = await t.http
      .post(`/api/v1/duty-charts/${pins}/assignments`)
      .auth(duty, auth)
      .send({ officerId: other, shiftId: q1 })
      .expect(409);
    expect(full.body.message).toBe('shift Q1-A already has its 1 CONSTABLE; remove one first');
    const chart = await solveChart(t, duty, pins);
    expect(chart.solveResult).toBe('FAILED');
    expect(chart.solveErrors.join('\n')).toMatch(/pinned\[\d\]: .*MP-0001/);
    expect(chart.pinned).toBe(2);
  });
});
