import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainer, CHAINER_LOCK, PENDING_IDS, PENDING_ROWS } from '../src/platform/audit/audit-chainer';
import { chainHash } from '../src/platform/audit/audit-chain';
import { toChainedFields } from '../src/platform/audit/audit-verify';
import { waitFor, withClient } from './support/databases';
import { dakBody } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

/** The URL the running app connects with: its own role, not the owner that migrated. */
function appRoleUrl(t: TestApp): string {
  const options = t.app.get(DataSource).options as { url: string };
  return options.url;
}

describe('audit chain after commit (e2e)', () => {
  let t: TestApp;
  let auditor: string;
  let control: string;
  const verify = async () => (await t.http.get('/api/v1/audit/verify').auth(auditor, { type: 'bearer' }).expect(200)).body;
  const chainer = () => t.app.get(AuditChainer);

  beforeAll(async () => {
    t = await bootTestApp();
    auditor = await t.tokenFor(['AUDITOR']);
    control = await t.tokenFor(['CONTROL_ROOM']);
  });
  afterAll(() => t.close());

  it('links rows written by changes into the chain shortly after they commit', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(i)).expect(201);
    const report = await waitFor(async () => {
      const r = await verify();
      return r.unchained === 0 ? r : undefined;
    }, { what: 'the chainer to catch up' });
    expect(report.firstBreak).toBeNull();
    const [{ n }] = (await withClient(t.databaseUrl, (c) => c.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dak.received'`))).rows;
    expect(n).toBe(5);
    expect(report.rows).toBeGreaterThanOrEqual(10);
  });

  it('lets audited writes go on while another transaction holds the chain lock (no system-wide lock on the write path)', async () => {
    // The old write path took this advisory lock in every audited transaction; now only the chainer does.
    await withClient(t.databaseUrl, async (c) => {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [0x41554454]);
      try {
        const res = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(99)).timeout(10_000);
        expect(res.status).toBe(201);
      } finally {
        await c.query('ROLLBACK');
      }
    });
    await waitFor(async () => ((await verify()).unchained === 0 ? true : undefined), { what: 'chaining after the lock is released' });
  });

  it('walks thousands of rows in numeric order and names a row edited at a random position', async () => {
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `INSERT INTO audit_log (at, actor_username, action, entity_type, entity_id, diff)
         SELECT now(), 'bulk', 'test.bulk', 'test', g::text, jsonb_build_object('n', g) FROM generate_series(1, 3000) g`,
      ),
    );
    await chainer().chainAll();
    const clean = await verify();
    expect(clean.firstBreak).toBeNull();
    expect(clean.rows).toBeGreaterThan(3000);
    const target = await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query(`SELECT id::text FROM audit_log WHERE action = 'test.bulk' ORDER BY random() LIMIT 1`);
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_log SET diff = '{"n": -1}' WHERE id = $1`, [rows[0].id]);
      return rows[0].id as string;
    });
    const broken = await verify();
    expect(broken.firstBreak).toMatchObject({ id: target, reason: expect.stringMatching(/edited/) });
    // Put it back, so the later checks start from an intact chain.
    await withClient(t.databaseUrl, async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_log SET diff = jsonb_build_object('n', entity_id::int) WHERE id = $1`, [target]);
    });
    expect((await verify()).firstBreak).toBeNull();
  });

  it('reads only the pending rows of a long log on each pass, not the log from its start', async () => {
    // The log holds thousands of rows by now (the test above); three more are left pending, the
    // chainer kept off them by holding its lock.
    const auditLogRowsRead = await withClient(t.databaseUrl, async (c) => {
      await c.query('SELECT pg_advisory_lock($1)', [CHAINER_LOCK]);
      await c.query(
        `INSERT INTO audit_log (at, actor_username, action, entity_type, entity_id, diff)
         SELECT now(), 'bulk', 'test.pending', 'test', g::text, '{}' FROM generate_series(1, 3) g`,
      );
      const ids = (await c.query(PENDING_IDS, [2000])).rows.map((r: { audit_id: string }) => r.audit_id);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const [{ 'QUERY PLAN': [plan] }] = (await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${PENDING_ROWS}`, [ids])).rows;
      const read = (node: { 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: unknown[] }): number =>
        (node['Relation Name'] === 'audit_log' ? node['Actual Rows'] * node['Actual Loops'] : 0) + (node.Plans ?? []).reduce((n: number, p) => n + read(p as typeof node), 0);
      await c.query('SELECT pg_advisory_unlock($1)', [CHAINER_LOCK]);
      return read(plan.Plan);
    });
    expect(auditLogRowsRead).toBeLessThanOrEqual(3);
    await chainer().chainAll();
    expect((await verify()).unchained).toBe(0);
  });

  it('catches the owner rewriting a row and recomputing every later hash, through the signed chain head', async () => {
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(7)).expect(201);
    await chainer().chainAll({ signHead: true });
    const signed = await verify();
    expect(signed.firstBreak).toBeNull();
    expect(signed.signatures.checked).toBeGreaterThan(0);
    await withClient(t.databaseUrl, async (c) => {
      await c.query(`SET session_replication_role = replica`);
      const { rows: [victim] } = await c.query(`SELECT c.position::int AS position FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id WHERE a.action = 'dak.received' ORDER BY c.position LIMIT 1`);
      await c.query(`UPDATE audit_log SET diff = jsonb_set(diff, '{intakeChannel}', '"POST"') FROM audit_chain c WHERE c.audit_id = audit_log.id AND c.position = $1`, [victim.position]);
      await rehashFrom(c, victim.position);
    });
    const report = await verify();
    expect(report.firstBreak).not.toBeNull();
    expect(report.firstBreak.reason).toMatch(/signed .* no longer matches/);
  });

  it('reports rows that were never chained instead of calling the chain intact silently', async () => {
    await withClient(t.databaseUrl, async (c) => {
      // Triggers off: the row never reaches the chainer's to-do list.
      await c.query(`SET session_replication_role = replica`);
      await c.query(`INSERT INTO audit_log (at, actor_username, action, entity_type) VALUES (now(), 'x', 'test.hidden', 'test')`);
    });
    await chainer().chainAll();
    const report = await verify();
    expect(report.unchained).toBeGreaterThanOrEqual(1);
    expect(report.oldestUnchainedAt).not.toBeNull();
  });

  describe("the app's own database role", () => {
    it('is not the owner, and cannot rewrite, delete or switch off the audit trail, nor change the schema', async () => {
      const url = appRoleUrl(t);
      expect(new URL(url).username).not.toBe(new URL(t.databaseUrl).username);
      await withClient(url, async (c) => {
        await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`DELETE FROM audit_chain`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`UPDATE audit_head_signature SET hash = 'x'`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`)).rejects.toThrow(/must be (the )?owner/);
        await expect(c.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`CREATE TABLE intruder (id int)`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`DROP TABLE dak_receipt`)).rejects.toThrow(/must be (the )?owner/);
        // What it needs it has: appending and reading.
        await c.query(`INSERT INTO audit_log (at, actor_username, action, entity_type) VALUES (now(), 'x', 'test.role', 'test')`);
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM audit_log`);
        expect(rows[0].n).toBeGreaterThan(0);
      });
    });
  });
});

/** What an owner who bypasses the triggers would do: recompute the chain from a position on. */
async function rehashFrom(c: Client, from: number): Promise<void> {
  const { rows } = await c.query(
    `SELECT c.position::int AS position, c.prev_hash, a.* FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id WHERE c.position >= $1 ORDER BY c.position`,
    [from],
  );
  let prev = rows[0].prev_hash as string;
  for (const r of rows) {
    const hash = chainHash(prev, toChainedFields(r));
    await c.query(`UPDATE audit_chain SET prev_hash = $2, hash = $3 WHERE position = $1`, [r.position, prev, hash]);
    await c.query(`UPDATE audit_head_signature SET hash = $2 WHERE position = $1`, [r.position, hash]);
    prev = hash;
  }
}
