import { randomUUID } from 'node:crypto';
import { CLAIM_DUE_ROWS, ELIGIBLE_DUE_ROWS, TRIAL_ROW } from '../src/platform/eoffice/outbox/eligible-rows.sql';
import { createMigratedTestDatabase, withClient } from './support/databases';

interface PlanNode {
  'Node Type': string;
  'Join Type'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * The dispatcher's and the worker's statements over a backlog committed after the table was
 * last analysed, as after an outage or a restore: the planner believes next to nothing is
 * pending. Each row's "oldest undelivered of its record" must stay a probe of the record's
 * index, never a join that reads every pending row for each one (an anti join planned as a
 * nested loop over 10,000 rows took 6.6 s and stalled the drain).
 */
describe('e-Office outbox statements on stale statistics (e2e)', () => {
  let url: string;
  const plan = (sql: string, params: unknown[]) =>
    withClient(url, async (c) => ((await c.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]['QUERY PLAN'][0].Plan as PlanNode));

  beforeAll(async () => {
    url = await createMigratedTestDatabase();
    await withClient(url, async (c) => {
      await c.query(`ALTER TABLE eoffice_outbox SET (autovacuum_enabled = false)`);
      const rows = (n: number, type: string, status: string) =>
        c.query(
          `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject, status, eoffice_ref, delivered_at)
           SELECT $2, 'rec-' || g, 'TST/' || g, 'TEST_ITEM', 'item ' || g, $3,
                  CASE WHEN $3 = 'DELIVERED' THEN 'R/' || g END, CASE WHEN $3 = 'DELIVERED' THEN now() END
           FROM generate_series(1, $1) g`,
          [n, type, status],
        );
      await rows(20_000, 'delivered_before', 'DELIVERED');
      await c.query(`ANALYZE eoffice_outbox`);
      // Committed since: the statistics know none of them.
      await rows(10_000, 'backlog', 'PENDING');
    });
  });

  it.each([
    ['the dispatcher’s due rows', ELIGIBLE_DUE_ROWS, () => [4000, 55_000]],
    ['the worker’s claim of a batch', CLAIM_DUE_ROWS, () => [Array.from({ length: 100 }, () => randomUUID()), 1, 55_000]],
    ['the trial row', TRIAL_ROW, () => [55_000]],
  ])('plans %s with no anti join, probing the record index per row', async (_what, sql, params) => {
    const all = nodes(await plan(sql, params()));
    expect(all.filter((n) => n['Join Type'] === 'Anti')).toEqual([]);
    const probes = all.filter((n) => n['Index Name'] === 'eoffice_outbox_source_idx');
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) expect(p['Index Cond']).toMatch(/source_type = o\.source_type.*source_id = o\.source_id.*seq < o\.seq/);
  });
});
