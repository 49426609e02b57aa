import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { AppProcess, postJson, startAppProcess } from './support/app-process';
import { waitFor, withClient } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { createMachineDatabase, dropMachineDatabase, MACHINE_REDIS, machinePostgres, machineRedisAnswers } from './support/machine-services';

const ITEMS = 200;

/**
 * Two instances of the same build behind one "load balancer" (requests alternate between
 * them) on the machine's PostgreSQL, and its Redis when it answers: dak entered through both
 * while e-Office is down, then e-Office returns and one instance is killed outright mid-drain.
 * The other finishes: every item exactly once in e-Office's ledger, none lost, and the audit
 * chain written by both instances intact. Skips, saying why, without the machine's PostgreSQL.
 */
describe('two instances on one PostgreSQL (e2e)', () => {
  let unavailable: string | undefined;
  let databaseUrl: string | undefined;
  let sim: EofficeSimulator;
  let redisUrl: string | undefined;
  const dirs = [mkdtempSync(join(tmpdir(), 'police-ops-twin-a-')), mkdtempSync(join(tmpdir(), 'police-ops-twin-b-'))];
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    const server = await machinePostgres();
    if ('unavailable' in server) {
      unavailable = server.unavailable;
      console.warn(`two-instance e2e skipped: ${unavailable}`);
      return;
    }
    databaseUrl = await createMachineDatabase('po_twins');
    if (await machineRedisAnswers()) {
      const url = new URL(MACHINE_REDIS);
      url.pathname = '/7'; // a database of its own, emptied first: no other test's queues
      redisUrl = url.toString();
      const redis = new Redis(redisUrl);
      await redis.flushdb();
      redis.disconnect();
    } else console.warn('two-instance e2e: the machine’s Redis does not answer; queues on PostgreSQL');
    sim = await startEofficeSimulator({ port: 0, mode: { mode: 'down' } });
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
    await Promise.all(apps.map((a) => a.exited));
    await sim?.close();
    if (databaseUrl) await dropMachineDatabase(databaseUrl);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('delivers every item once, loses none when one instance dies mid-drain, and keeps one intact audit chain', async () => {
    if (unavailable) return;
    // What instances must share (docs/DEPLOYMENT.md); DATA_DIR is each one's own.
    const shared = {
      DATABASE_URL: databaseUrl!,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...fastEofficeEnv(sim.url),
      JWT_SECRET: randomBytes(24).toString('hex'),
      IDEMPOTENCY_SECRET: randomBytes(24).toString('hex'),
      DUTY_SLIP_LINK_SECRET: randomBytes(24).toString('hex'),
      DOCUMENT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    // The first creates the admin account (its one-time password in its DATA_DIR); then the second.
    apps.push(await startAppProcess({ ...shared, DATA_DIR: dirs[0]! }));
    apps.push(await startAppProcess({ ...shared, DATA_DIR: dirs[1]! }));
    const [a, b] = apps as [AppProcess, AppProcess];
    const token = await adminToken(a.baseUrl, dirs[0]!);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading arbitrary JSON in a test
    const api = async (app: AppProcess, path: string): Promise<any> => (await fetch(`${app.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();

    // 1. e-Office is down; the control room enters dak through both instances in turn.
    for (let i = 0; i < ITEMS; i += 20) {
      const batch = Array.from({ length: Math.min(20, ITEMS - i) }, (_, k) => postJson(`${(k % 2 ? b : a).baseUrl}/api/v1/dak`, dakBody(i + k), token));
      for (const res of await Promise.all(batch)) expect(res.status).toBe(201);
    }
    // Both see the one stored mode and the one backlog.
    await waitFor(async () => (await api(b, '/system/status')).backlog === ITEMS, { what: `a backlog of ${ITEMS} on the second instance` });
    expect((await api(a, '/system/status')).backlog).toBe(ITEMS);

    // 2. e-Office returns; both drain; mid-drain the first instance is killed outright.
    await sim.setMode({ mode: 'up' });
    await waitFor(async () => sim.ledger().receipts.length >= 40, { what: 'the drain to start', intervalMs: 20 });
    a.child.kill('SIGKILL');
    await a.exited;

    // 3. The second takes over what the first held (its lease runs out) and finishes.
    const done = await waitFor(
      async () => {
        const s = await api(b, '/system/status');
        return s.backlog === 0 ? s : undefined;
      },
      { what: 'the backlog to empty on the surviving instance', timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(done.failed).toBe(0);

    // 4. Exactly one receipt per item in e-Office's ledger; every dak holds its own reference.
    const ledger = sim.ledger();
    expect(ledger.receipts).toHaveLength(ITEMS);
    expect(new Set(ledger.receipts.map((r) => r.idempotencyKey)).size).toBe(ITEMS);
    const dak: Array<{ eofficeStatus: string; eofficeRef: string }> = (await api(b, `/dak?limit=500`)).items;
    expect(dak).toHaveLength(ITEMS);
    expect(dak.filter((d) => d.eofficeStatus !== 'DIARISED')).toEqual([]);
    expect(new Set(dak.map((d) => d.eofficeRef)).size).toBe(ITEMS);

    // 5. One audit chain across both instances, every row chained, intact.
    const chain = await waitFor(
      async () => {
        const rows = await withClient(databaseUrl!, (c) =>
          c.query(`SELECT (SELECT count(*)::int FROM audit_log) AS logged, (SELECT count(*)::int FROM audit_chain) AS chained, (SELECT count(*)::int FROM audit_pending) AS pending`),
        );
        const r = rows.rows[0] as { logged: number; chained: number; pending: number };
        return r.pending === 0 ? r : undefined;
      },
      { what: 'every audit row to be chained', timeoutMs: 30_000 },
    );
    expect(chain.chained).toBe(chain.logged);
    const auditor = await auditorToken(b.baseUrl, token);
    const report = (await (await fetch(`${b.baseUrl}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${auditor}` } })).json()) as { firstBreak: unknown; rows: number };
    expect(report).toMatchObject({ firstBreak: null });
    expect(report.rows).toBeGreaterThanOrEqual(ITEMS);
  }, 300_000);
});

async function adminToken(baseUrl: string, dataDir: string): Promise<string> {
  const oneTime = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
  const login = await postJson(`${baseUrl}/api/v1/auth/login`, { username: 'admin', password: oneTime });
  const changed = await postJson(`${baseUrl}/api/v1/auth/change-password`, { currentPassword: oneTime, newPassword: 'two-instances-one-chain-2026' }, login.body.accessToken);
  return changed.body.accessToken;
}

/** An AUDITOR account made by the admin, logged in with its password changed. */
async function auditorToken(baseUrl: string, admin: string): Promise<string> {
  const made = await postJson(`${baseUrl}/api/v1/users`, { username: 'twin.auditor', displayNameEn: 'Auditor', displayNameHi: 'लेखा परीक्षक', rank: 'SI', unitCode: 'BPL', roles: ['AUDITOR'] }, admin);
  if (made.status !== 201) throw new Error(`creating the auditor answered ${made.status}: ${JSON.stringify(made.body)}`);
  const login = await postJson(`${baseUrl}/api/v1/auth/login`, { username: 'twin.auditor', password: made.body.oneTimePassword });
  const changed = await postJson(`${baseUrl}/api/v1/auth/change-password`, { currentPassword: made.body.oneTimePassword, newPassword: 'auditor-of-two-instances-2026' }, login.body.accessToken);
  return changed.body.accessToken;
}
