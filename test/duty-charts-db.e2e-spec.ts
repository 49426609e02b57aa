import { DataSource } from 'typeorm';
import { withClient } from './support/databases';
import { bandobastBody, newChart, seedForce } from './support/duty-charts';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The database itself guarantees nobody is double-booked: rows inserted by hand, past the
 * API and the solver, are refused by the exclusion constraints.
 */
describe('duty assignments in the database (e2e)', () => {
  let t: TestApp;
  let officers: Map<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // The bandobasts below are dated November 2026; the app's clock stands before them, since
    // new shifts may not start in the past.
    t = await bootTestApp({}, undefined, { clock: fixedClock('2026-11-01T10:00:00+05:30') });
    const duty = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    officers = await seedForce(t, { unitCode: 'TT_NAGAR', prefix: 'DB', ranks: { CONSTABLE: 3 } });
    const make = async (name: string, start: string, end: string) => {
      const body = bandobastBody(name, [
        { code: 'P1', shifts: [{ code: 'P1-A', start, end, ranks: { CONSTABLE: 1 } }] },
        { code: 'P2', shifts: [{ code: 'P2-A', start, end, ranks: { CONSTABLE: 1 } }] },
      ]);
      const res = await t.http
        .post('/api/v1/bandobasts')
        .auth(duty, { type: 'bearer' })
        .send(body)
        .expect(201);
      return { bandobastId: res.body.id as string, chartId: await newChart(t, duty, res.body.id) };
    };
    const a = await make('Diwali', '2026-11-08T18:00:00+05:30', '2026-11-09T02:00:00+05:30');
    const b = await make('CM visit', '2026-11-08T22:00:00+05:30', '2026-11-09T04:00:00+05:30');
    Object.assign(ids, { chartA: a.chartId, chartB: b.chartId, bandobastA: a.bandobastId });
    const shifts: Array<{ id: string; code: string; bandobast_id: string }> = await t.app
      .get(DataSource)
      .query(`SELECT id, code, bandobast_id FROM bandobast_shift`);
    for (const s of shifts) ids[`${s.bandobast_id === a.bandobastId ? 'A' : 'B'}:${s.code}`] = s.id;
  });
  afterAll(() => t.close());

  const insert = (chart: string, shift: string, belt: string) =>
    withClient(t.databaseUrl, (c) =>
      c.query(
        `INSERT INTO duty_assignment (chart_id, shift_id, officer_id, slot_rank) VALUES ($1, $2, $3, 'CONSTABLE')`,
        [ids[chart], ids[shift], officers.get(belt)],
      ),
    );

  it('rejects one officer on two overlapping shifts of the same chart', async () => {
    await insert('chartA', 'A:P1-A', 'DB-0001');
    await expect(insert('chartA', 'A:P2-A', 'DB-0001')).rejects.toThrow(
      /duty_assignment_no_overlap_in_chart/,
    );
  });

  it('rejects one officer booked at the same time by two different bandobasts', async () => {
    await expect(insert('chartB', 'B:P1-A', 'DB-0001')).rejects.toThrow(
      /duty_assignment_no_double_booking/,
    );
  });

  it('takes the time window from the shift, whatever the insert says', async () => {
    await withClient(t.databaseUrl, (c) =>
      expect(
        c.query(
          `INSERT INTO duty_assignment (chart_id, shift_id, officer_id, slot_rank, during, bandobast_id) VALUES ($1, $2, $3, 'CONSTABLE', '[2030-01-01,2030-01-02)', $4)`,
          [ids.chartB, ids['B:P1-A'], officers.get('DB-0001'), ids.bandobastA],
        ),
      ).rejects.toThrow(/duty_assignment_no_double_booking/),
    );
  });

  it('lets two versions of the same bandobast hold the same duty, since the newer replaces the older', async () => {
    await withClient(t.databaseUrl, (c) =>
      c.query(`UPDATE duty_chart SET status = 'PUBLISHED' WHERE id = $1`, [ids.chartA]),
    );
    const duty = await t.tokenFor(['DUTY_OFFICER'], 'BPL');
    ids.chartA2 = await newChart(t, duty, ids.bandobastA!);
    const copied = await withClient(t.databaseUrl, (c) =>
      c.query(`SELECT pinned FROM duty_assignment WHERE chart_id = $1`, [ids.chartA2]),
    );
    expect(copied.rows).toEqual([{ pinned: true }]);
  });

  it('frees the officer for other bandobasts once a version is no longer live', async () => {
    await withClient(t.databaseUrl, (c) =>
      c.query(`UPDATE duty_assignment SET live = false WHERE officer_id = $1`, [
        officers.get('DB-0001'),
      ]),
    );
    await expect(insert('chartB', 'B:P1-A', 'DB-0001')).resolves.toBeDefined();
  });

  it('refuses to move a shift that already has duties on it', async () => {
    await withClient(t.databaseUrl, (c) =>
      expect(
        c.query(`UPDATE bandobast_shift SET ends_at = ends_at + interval '1 hour' WHERE id = $1`, [
          ids['B:P1-A'],
        ]),
      ).rejects.toThrow(/cannot change/),
    );
  });
});
