import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuditChainer } from '../src/platform/audit/audit-chainer';
import { withClient } from './support/databases';
import { dakBody } from './support/eoffice';
import { bootTestApp } from './support/test-app';

/**
 * `npm run backup` and `npm run restore`, end to end: a backup of a database in use, restored
 * into a fresh database, holds the same records, its audit chain verifies, and the app starts
 * on it. pg_dump must be at least the server's version, so this runs on the machine's own
 * PostgreSQL (MACHINE_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) with its
 * own client programs, and says why it skips when that server or pg_dump is not there.
 */
const MACHINE_PG = process.env.MACHINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = join(__dirname, '..');

function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', join(ROOT, 'src', 'cli', `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', NODE_ENV: 'test', ...env },
    timeout: 300_000,
  });
}

async function machineServer(): Promise<string | null> {
  const client = new Client({ connectionString: MACHINE_PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
    const dump = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
    const dumpMajor = Number(/(\d+)/.exec(dump.stdout ?? '')?.[1]);
    if (dump.status !== 0) return 'pg_dump is not installed (apt-get install postgresql-client)';
    if (dumpMajor < rows[0].major) return `pg_dump ${dumpMajor} is older than the machine's PostgreSQL ${rows[0].major}`;
    return null;
  } catch (e) {
    return `no PostgreSQL at ${MACHINE_PG.replace(/\/\/[^@]*@/, '//')} (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(MACHINE_PG, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(MACHINE_PG);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(MACHINE_PG, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
}

describe('backup and restore (e2e, on the machine’s PostgreSQL)', () => {
  let unavailable: string | null;
  const made: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'police-ops-backup-'));
  // One signing key for both apps, so that the restored chain's signed heads are checked, not just counted.
  const DOCUMENT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    unavailable = await machineServer();
    if (unavailable) console.warn(`backup/restore e2e skipped: ${unavailable}`);
  });
  afterAll(async () => {
    for (const url of made) await dropDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup into a fresh database with the same records, an intact chain, and the app starts on it', async () => {
    if (unavailable) return;
    const source = await createDatabase('po_backup_src');
    made.push(source);
    const t = await bootTestApp({ DOCUMENT_SIGNING_KEY }, source);
    const control = await t.tokenFor(['CONTROL_ROOM']);
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) refs.push((await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(i)).expect(201)).body.ref);
    await t.app.get(AuditChainer).chainAll({ signHead: true });
    await t.close();

    const file = join(dir, 'nightly.dump');
    const backup = cli('backup', [file], { DATABASE_URL: source, DATA_DIR: dir });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/backup written: .*nightly\.dump \([\d.]+ MB, sha256 [0-9a-f]{64}\)/);
    expect(backup.stdout).toMatch(/backup: \d+\/\d+ tables/);
    expect(existsSync(`${file}.partial`)).toBe(false);

    // A restore never lands on a database in use.
    const refused = cli('restore', [file], { DATABASE_URL: source, DATA_DIR: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already holds \d+ tables: restore goes into an empty database/);

    const target = await createDatabase('po_backup_dst');
    made.push(target);
    const restore = cli('restore', [file], { DATABASE_URL: target, DATA_DIR: dir, DOCUMENT_SIGNING_KEY });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/audit chain intact: \d+ rows/);

    const back = await bootTestApp({ DOCUMENT_SIGNING_KEY }, target);
    try {
      const auditor = await back.tokenFor(['AUDITOR']);
      // The auditor's account is the restored app's first change; chained, the chain runs on from the backup's head.
      await back.app.get(AuditChainer).chainAll();
      const report = (await back.http.get('/api/v1/audit/verify').auth(auditor, { type: 'bearer' }).expect(200)).body;
      expect(report).toMatchObject({ firstBreak: null, unchained: 0 });
      expect(report.signatures.checked).toBeGreaterThanOrEqual(1);
      const desk = await back.tokenFor(['CONTROL_ROOM'], 'BPL', 'after_restore');
      const register = (await back.http.get('/api/v1/dak').auth(desk, { type: 'bearer' }).expect(200)).body;
      expect(register.items.map((d: { ref: string }) => d.ref).sort()).toEqual(refs.sort());
      // And it takes new work, numbered after what it restored.
      const next = (await back.http.post('/api/v1/dak').auth(desk, { type: 'bearer' }).send(dakBody(9)).expect(201)).body.ref;
      expect(refs).not.toContain(next);
    } finally {
      await back.close();
    }
  }, 300_000);

  it('refuses a file that is not a backup, saying so', async () => {
    if (unavailable) return;
    const target = await createDatabase('po_backup_bad');
    made.push(target);
    const notABackup = join(dir, 'notes.txt');
    writeFileSync(notABackup, 'not a dump');
    const res = cli('restore', [notABackup], { DATABASE_URL: target, DATA_DIR: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/is not a backup pg_restore can read/);
  }, 120_000);
});
