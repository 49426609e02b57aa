import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootExpectingExit, postJson, startAppProcess } from './support/app-process';
import { createTestDatabase, waitFor, withClient } from './support/databases';

function postgresRunningFor(dataDir: string): boolean {
  try {
    return execSync(`ps -eo args`).toString().split('\n').some((l) => l.includes('postgres') && l.includes(join(dataDir, 'pg')));
  } catch {
    return false;
  }
}

describe('the real entry point (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-entry-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded PostgreSQL, survives kill -9 with its data, and stops cleanly on SIGTERM', async () => {
    // 1. A clean start with no DATABASE_URL reaches ready on the embedded server.
    const first = await startAppProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    // The fonts are loaded and shaped at start (PDF_WARM_UP, on by default), not on the first letter.
    await waitFor(async () => first.output().includes('PDF engine warmed up in'), { what: 'the PDF warm-up' });
    const oneTime = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
    const login = await postJson(`${first.baseUrl}/api/v1/auth/login`, { username: 'admin', password: oneTime });
    expect(login.status).toBe(200);
    const newPassword = 'kill-nine-survivor-2026';
    const changed = await postJson(
      `${first.baseUrl}/api/v1/auth/change-password`,
      { currentPassword: oneTime, newPassword },
      login.body.accessToken,
    );
    expect(changed.status).toBe(200);

    // 2. kill -9: no shutdown code runs; PostgreSQL is left orphaned with its postmaster.pid.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresRunningFor(dataDir)).toBe(true);

    // 3. The next start deals with the orphan and finds the data intact.
    const second = await startAppProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info', PDF_WARM_UP: 'false' });
    expect((await postJson(`${second.baseUrl}/api/v1/auth/login`, { username: 'admin', password: oneTime })).status).toBe(401);
    expect((await postJson(`${second.baseUrl}/api/v1/auth/login`, { username: 'admin', password: newPassword })).status).toBe(200);

    expect(second.output()).not.toContain('PDF engine warmed up');

    // 4. SIGTERM: the app closes, then the embedded PostgreSQL stops, and the process exits.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
    expect(postgresRunningFor(dataDir)).toBe(false);
  });

  it('lets two instances on one DATABASE_URL start together without a migration race', async () => {
    const databaseUrl = await createTestDatabase('twins');
    const shared = { DATABASE_URL: databaseUrl, JWT_SECRET: 'x'.repeat(40) };
    const [a, b] = await Promise.all([
      startAppProcess({ ...shared, DATA_DIR: mkdtempSync(join(tmpdir(), 'twin-a-')) }),
      startAppProcess({ ...shared, DATA_DIR: mkdtempSync(join(tmpdir(), 'twin-b-')) }),
    ]);
    try {
      await withClient(databaseUrl, async (c) => {
        const migrations = await c.query(`SELECT name FROM schema_migrations`);
        const names = migrations.rows.map((r) => r.name);
        expect(new Set(names).size).toBe(names.length);
        const admins = await c.query(`SELECT 1 FROM app_user WHERE username = 'admin'`);
        expect(admins.rowCount).toBe(1);
      });
      for (const app of [a, b]) expect((await fetch(`${app.baseUrl}/health/ready`)).status).toBe(200);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([a.exited, b.exited]);
    }
  });

  it('refuses to start with a bad setting and names the variable', async () => {
    await expect(startAppProcess({ DATA_DIR: dataDir, ACCESS_TOKEN_TTL_SECONDS: 'forever' })).rejects.toThrow(
      /ACCESS_TOKEN_TTL_SECONDS="forever"/,
    );
  });

  it('stops with exit 78 naming the variable for a bad setting of any module, before touching a database', async () => {
    // Protests used to pass the main validation and then exit 1 in their own parser; duty
    // charts read the environment themselves.
    for (const [name, value] of [
      ['PROTEST_CLASH_DISTANCE_METRES', '0'],
      ['DUTY_SLIP_LINK_GRACE_HOURS', '0'],
      ['NOTIFY_SMS_ADAPTER', 'pigeon'],
      // "Trust every proxy" would let any client forge its address (issue 11, item 9).
      ['TRUST_PROXY', 'true'],
    ]) {
      const { code, output } = await bootExpectingExit({ DATA_DIR: dataDir, [name!]: value! });
      expect(output).toContain(`${name}=${JSON.stringify(value)}`);
      expect(code).toBe(78);
    }
  });

  it('refuses to start in production on the e-Office simulator, the SMS sink or the embedded PostgreSQL, saying what to set', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'police-ops-prod-'));
    try {
      const { code, output } = await bootExpectingExit({ NODE_ENV: 'production', DATA_DIR: fresh });
      expect(output).toMatch(/DATABASE_URL: required when NODE_ENV=production/);
      expect(output).toMatch(/EOFFICE_ADAPTER: the e-Office simulator is not allowed .*set EOFFICE_ADAPTER=http/);
      expect(output).toMatch(/NOTIFY_SMS_ADAPTER: the development SMS sink .*set NOTIFY_SMS_ADAPTER=http with NOTIFY_SMS_URL/);
      expect(code).toBe(78);
      // Refused before anything was started: no embedded cluster was created.
      expect(postgresRunningFor(fresh)).toBe(false);
      expect(readdirSync(fresh)).toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('refuses to start in production when the app would run as a database owner that can rewrite the audit trail', async () => {
    const url = new URL(await createTestDatabase('weakowner'));
    const role = `owner_${url.pathname.slice(1)}`;
    await withClient(url.toString(), async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-password' NOCREATEROLE NOSUPERUSER`);
      await c.query(`ALTER DATABASE ${url.pathname.slice(1)} OWNER TO ${role}`);
      await c.query(`ALTER SCHEMA public OWNER TO ${role}`);
    });
    const owner = new URL(url.toString());
    owner.username = role;
    owner.password = 'owner-password';
    const fresh = mkdtempSync(join(tmpdir(), 'police-ops-prod-role-'));
    try {
      const { code, output } = await bootExpectingExit({
        NODE_ENV: 'production',
        DATA_DIR: fresh,
        DATABASE_URL: owner.toString(),
        EOFFICE_ADAPTER: 'http',
        EOFFICE_URL: 'http://127.0.0.1:9',
        NOTIFY_SMS_ADAPTER: 'http',
        NOTIFY_SMS_URL: 'http://127.0.0.1:9',
      });
      expect(output).toMatch(/DATABASE_APP_URL: required in production/);
      expect(code).toBe(78);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
