import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditChainer } from '../src/platform/audit/audit-chainer';
import { dakBody } from './support/eoffice';
import { createMachineDatabase, dropMachineDatabase, machinePostgres } from './support/machine-services';
import { bootTestApp } from './support/test-app';

/**
 * `npm run backup` and `npm run restore`, end to end: a backup of a database in use, restored
 * into a fresh database, holds the same records, its audit chain verifies, and the app starts
 * on it. pg_dump must be at least the server's version, so this runs on the machine's own
 * PostgreSQL (MACHINE_PG_URL, see support/machine-services.ts) with its own client programs, and says why it skips when that server or pg_dump is not there.
 */
const ROOT = join(__dirname, '..');

function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', join(ROOT, 'src', 'cli', `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', NODE_ENV: 'test', ...env },
    timeout: 300_000,
  });
}

/** Why this cannot run here, or null: the machine's server, and a pg_dump at least its version. */
async function unavailableHere(): Promise<string | null> {
  const server = await machinePostgres();
  if ('unavailable' in server) return server.unavailable;
  const dump = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  if (dump.status !== 0) return 'pg_dump is not installed (apt-get install postgresql-client)';
  const dumpMajor = Number(/(\d+)/.exec(dump.stdout ?? '')?.[1]);
  return dumpMajor < server.major ? `pg_dump ${dumpMajor} is older than the machine's PostgreSQL ${server.major}` : null;
}

describe('backup and restore (e2e, on the machine’s PostgreSQL)', () => {
  let unavailable: string | null;
  const made: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'police-ops-backup-'));
  // One signing key for both apps, so that the restored chain's signed heads are checked, not just counted.
  const DOCUMENT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    unavailable = await unavailableHere();
    if (unavailable) console.warn(`backup/restore e2e skipped: ${unavailable}`);
  });
  afterAll(async () => {
    for (const url of made) await dropMachineDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup into a fresh database with the same records, an intact chain, and the app starts on it', async () => {
    if (unavailable) return;
    const source = await createMachineDatabase('po_backup_src');
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

    const target = await createMachineDatabase('po_backup_dst');
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
    const target = await createMachineDatabase('po_backup_bad');
    made.push(target);
    const notABackup = join(dir, 'notes.txt');
    writeFileSync(notABackup, 'not a dump');
    const res = cli('restore', [notABackup], { DATABASE_URL: target, DATA_DIR: dir });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/is not a backup pg_restore can read/);
  }, 120_000);
});
