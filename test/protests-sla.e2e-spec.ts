import { DataSource } from 'typeorm';
import { PROTEST_STATUSES } from '../src/modules/protests/protest-workflow';
import { slaAtRisk, slaAtRiskSql } from '../src/modules/protests/rules/sla';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The SLA flag has two forms from rules/sla.ts: SQL for the list's filter and flag, a function
 * for the record view. On the real database they must give the same answer for every status,
 * for starts on either side of the window's edge, with "now" either side of IST midnight.
 */
describe('protest SLA: SQL and function agree (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('on a grid of statuses, starts and clocks around IST midnight (18:30 UTC)', async () => {
    const db = t.app.get(DataSource);
    const nows = [
      '2026-11-27T18:29:00Z',
      '2026-11-27T18:29:59.999Z',
      '2026-11-27T18:30:00Z',
      '2026-11-27T18:31:00Z',
    ].map((s) => new Date(s));
    const offsetsMs = [
      -3_600_000,
      0,
      1,
      60_000,
      86_400_000 - 60_000,
      86_400_000 - 1,
      86_400_000,
      86_400_000 + 1,
      2 * 86_400_000,
    ];
    let flagged = 0;
    let compared = 0;
    for (const slaHours of [24, 0.5]) {
      for (const now of nows) {
        const rows = PROTEST_STATUSES.flatMap((status) =>
          [...offsetsMs, slaHours * 3_600_000 - 1, slaHours * 3_600_000].map((ms) => ({
            status,
            startsAt: new Date(now.getTime() + ms),
          })),
        );
        const sla = slaAtRiskSql('p', slaHours, now);
        const [sql, params] = db.driver.escapeQueryWithParameters(
          `SELECT p.i::int AS i, ${sla.sql} AS flag
             FROM unnest(CAST(:statuses AS text[]), CAST(:starts AS timestamptz[])) WITH ORDINALITY AS p(status, starts_at, i)
            ORDER BY p.i`,
          {
            ...sla.params,
            statuses: rows.map((r) => r.status),
            starts: rows.map((r) => r.startsAt.toISOString()),
          },
        );
        const answers: Array<{ i: number; flag: boolean }> = await db.query(sql, params);
        expect(answers.map((a) => a.flag)).toEqual(rows.map((r) => slaAtRisk(r, slaHours, now)));
        flagged += answers.filter((a) => a.flag).length;
        compared += answers.length;
      }
    }
    // Both answers occur, so the comparison can tell the two forms apart.
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(compared);
  });
});
