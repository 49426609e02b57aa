import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { withClient } from './support/databases';
import { bootTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);

async function auditVerify(databaseUrl: string, dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npm', ['run', '-s', 'audit:verify'], { env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir } });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

describe('audit log (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    const admin = await t.tokenFor(['ADMIN']);
    for (const username of ['audit.one', 'audit.two', 'audit.three']) {
      await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ username, displayNameEn: username, displayNameHi: 'लेखा', rank: 'SI', unitCode: 'TT_NAGAR', roles: ['OFFICER'] })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it('refuses UPDATE and DELETE on audit rows', async () => {
    await withClient(t.databaseUrl, async (c) => {
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    });
  });

  it('finds entries by the actor\'s username, as an auditor who cannot list accounts would search', async () => {
    const auditor = await t.tokenFor(['AUDITOR']);
    const res = await t.http.get('/api/v1/audit?actorUsername=t_admin_bpl&action=user.create').auth(auditor, { type: 'bearer' }).expect(200);
    expect(res.body).toHaveLength(3);
    expect(new Set(res.body.map((e: { actorUsername: string }) => e.actorUsername))).toEqual(new Set(['t_admin_bpl']));
    const none = await t.http.get('/api/v1/audit?actorUsername=audit.one&action=user.create').auth(auditor, { type: 'bearer' }).expect(200);
    expect(none.body).toEqual([]);
  });

  it('verifies an intact chain', async () => {
    const { code, out } = await auditVerify(t.databaseUrl, t.dataDir);
    expect(out).toMatch(/^OK: \d+ audit rows/m);
    expect(code).toBe(0);
    const api = await t.http.get('/api/v1/audit/verify').auth(await t.tokenFor(['AUDITOR']), { type: 'bearer' }).expect(200);
    expect(api.body.firstBreak).toBeNull();
  });

  it('names the first row edited by hand', async () => {
    const target = await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query(`SELECT id::text FROM audit_log WHERE action = 'user.create' ORDER BY id LIMIT 1 OFFSET 1`);
      // Someone with superuser rights bypasses the trigger and rewrites history.
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_log SET diff = jsonb_set(diff, '{rank}', '"DSP"') WHERE id = $1`, [rows[0].id]);
      return rows[0].id as string;
    });
    const { code, out } = await auditVerify(t.databaseUrl, t.dataDir);
    expect(code).toBe(1);
    expect(out).toContain(`BROKEN at audit_log row ${target}`);
  });
});
