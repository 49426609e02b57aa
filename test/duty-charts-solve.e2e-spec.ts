import {
  bandobastBody,
  chartOf,
  newChart,
  seedForce,
  shift,
  solveChart,
} from './support/duty-charts';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

/** The bandobast is dated 8 November 2026: the app's clock stands before it (no past shifts). */
const BEFORE_THE_EVENT = fixedClock('2026-11-01T10:00:00+05:30');

const DAY = '2026-11-08';
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00+05:30`;

describe('solving duty charts through the API (e2e)', () => {
  let t: TestApp;
  let duty: string;
  let officers: Map<string, string>;
  let bandobastId: string;
  let chartId: string;
  const auth = () => ({ type: 'bearer' as const });

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock: BEFORE_THE_EVENT });
    duty = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    officers = await seedForce(t, {
      unitCode: 'TT_NAGAR',
      prefix: 'TT',
      ranks: { CONSTABLE: 14, HEAD_CONSTABLE: 4, SI: 2, INSPECTOR: 1, ASP: 1 },
      womenEvery: 4,
      armedEvery: 2,
    });
    const body = bandobastBody(
      'Diwali',
      [
        {
          code: 'P1',
          shifts: [
            shift('P1-A', at('06:00'), at('14:00'), { SI: 1, CONSTABLE: 3 }, { minWomen: 1 }),
            shift('P1-C', at('22:00'), at('06:00', '2026-11-09'), {
              HEAD_CONSTABLE: 1,
              CONSTABLE: 2,
            }),
          ],
        },
        {
          code: 'P2',
          shifts: [
            shift(
              'P2-A',
              at('06:00'),
              at('14:00'),
              { HEAD_CONSTABLE: 1, CONSTABLE: 2 },
              { armed: true },
            ),
          ],
        },
      ],
      { unitCode: 'ACP_TT_NAGAR', sectorInCharge: 'TT-0021', divisionInCharge: 'TT-0022' },
    );
    bandobastId = (
      await t.http.post('/api/v1/bandobasts').auth(duty, auth()).send(body).expect(201)
    ).body.id;
    chartId = await newChart(t, duty, bandobastId);
  });
  afterAll(() => t.close());

  const assignments = async () =>
    (await t.http.get(`/api/v1/duty-charts/${chartId}/assignments`).auth(duty, auth()).expect(200))
      .body.items as Array<{
      id: string;
      shiftId: string;
      shiftCode: string;
      beltNo: string;
      officerId: string;
      pinned: boolean;
    }>;

  it('solves in a background job and stores a complete chart without the in-charges', async () => {
    const chart = await solveChart(t, duty, chartId);
    expect(chart).toMatchObject({
      status: 'DRAFT',
      solveResult: 'OK',
      shortfalls: [],
      assignments: 10,
    });
    const belts = (await assignments()).map((a) => a.beltNo);
    expect(belts).not.toContain('TT-0021');
    expect(belts).not.toContain('TT-0022');
    const progress = await t.http
      .get(`/api/v1/duty-charts/${chartId}/progress`)
      .auth(duty, auth())
      .expect(200);
    expect(progress.body.solve).toMatchObject({
      state: 'completed',
      progress: { phase: 'saving' },
    });
  });

  it('keeps pinned and manually added duties through a re-solve with another seed', async () => {
    const before = await assignments();
    const kept = before.find((a) => a.shiftCode === 'P1-A')!;
    await t.http
      .patch(`/api/v1/duty-charts/${chartId}/assignments/${kept.id}`)
      .auth(duty, auth())
      .send({ pinned: true })
      .expect(200);
    // Swap a constable on P2-A for a spare armed constable, by hand.
    const onP2 = before.filter((a) => a.shiftCode === 'P2-A');
    const removed = onP2.find((a) => a.beltNo !== 'TT-0016' && a.beltNo !== 'TT-0018')!;
    const spare = [...officers.keys()].find(
      (b) =>
        Number(b.slice(3)) <= 14 &&
        Number(b.slice(3)) % 2 === 0 &&
        !before.some((a) => a.beltNo === b),
    )!;
    await t.http
      .delete(`/api/v1/duty-charts/${chartId}/assignments/${removed.id}`)
      .auth(duty, auth())
      .expect(204);
    await t.http
      .post(`/api/v1/duty-charts/${chartId}/assignments`)
      .auth(duty, auth())
      .send({ officerId: officers.get(spare), shiftId: removed.shiftId })
      .expect(201);
    expect((await chartOf(t, duty, chartId)).solveResult).toBe('STALE');

    for (const seed of [2, 3]) {
      const chart = await solveChart(t, duty, chartId, seed);
      expect(chart.solveResult).toBe('OK');
      const after = await assignments();
      expect(after).toContainEqual(
        expect.objectContaining({ beltNo: kept.beltNo, shiftCode: 'P1-A', pinned: true }),
      );
      expect(after).toContainEqual(
        expect.objectContaining({ beltNo: spare, shiftCode: 'P2-A', pinned: true }),
      );
      expect(after).toHaveLength(10);
    }
  });

  it('refuses a manual duty that would double-book the officer', async () => {
    const onA = (await assignments()).find(
      (a) =>
        a.shiftCode === 'P1-A' && a.beltNo.startsWith('TT-00') && Number(a.beltNo.slice(3)) <= 14,
    )!;
    // Make room on P2-A first, so only the clash with P1-A (same hours) stands in the way.
    const p2a = (await assignments()).find(
      (a) =>
        a.shiftCode === 'P2-A' && !a.pinned && a.beltNo !== 'TT-0016' && a.beltNo !== 'TT-0018',
    )!;
    await t.http
      .delete(`/api/v1/duty-charts/${chartId}/assignments/${p2a.id}`)
      .auth(duty, auth())
      .expect(204);
    const res = await t.http
      .post(`/api/v1/duty-charts/${chartId}/assignments`)
      .auth(duty, auth())
      .send({ officerId: onA.officerId, shiftId: p2a.shiftId });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('already has a duty at that time');
  });

  it('releases a pin when the officer goes on leave, and says so', async () => {
    const pinned = (await assignments()).find((a) => a.pinned && a.shiftCode === 'P1-A')!;
    await t.http
      .post(`/api/v1/officers/${pinned.officerId}/availability`)
      .auth(duty, auth())
      .send({
        kind: 'LEAVE',
        from: at('00:00'),
        to: at('00:00', '2026-11-09'),
        note: 'Medical leave',
      })
      .expect(201);
    const chart = await solveChart(t, duty, chartId, 4);
    expect(chart.solveResult).toBe('OK');
    expect(chart.releasedPins).toEqual([
      { beltNo: pinned.beltNo, shiftCode: 'P1-A', reason: 'now on leave' },
    ]);
    expect((await assignments()).map((a) => a.beltNo)).not.toContain(pinned.beltNo);
  });

  it('refuses to publish a chart edited since its last solve', async () => {
    const a = (await assignments())[0]!;
    await t.http
      .delete(`/api/v1/duty-charts/${chartId}/assignments/${a.id}`)
      .auth(duty, auth())
      .expect(204);
    const res = await t.http
      .post(`/api/v1/duty-charts/${chartId}/publish`)
      .auth(duty, auth())
      .expect(409);
    expect(res.body.message).toContain('solve it again');
  });
});
