import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { AppProcess, postJson, startAppProcess } from './support/app-process';
import { createTestDatabase, waitFor, withClient } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The reconciler's interval, set explicitly to its production default: recovery must come
 * from the start-up pass and the lost-job check, within a few seconds, never from waiting it out.
 */
const RECONCILE_SECONDS = '60';
/** "Within a few seconds": far below the reconciler's interval and below BullMQ's 30 s stall detection. */
const FEW_SECONDS_MS = 8_000;

interface Backend {
  name: string;
  env: Record<string, string>;
  /** Loses the e-Office jobs the queue holds that are not being processed. */
  loseJobs: (t: TestApp) => Promise<void>;
}

const backends: Backend[] = [
  {
    name: 'PostgreSQL queue backend',
    env: {},
    // What a lost job looks like on PostgreSQL: the row of the queue's job table is gone.
    loseJobs: (t) => withClient(t.databaseUrl, (c) => c.query(`DELETE FROM bullmq.job WHERE queue = 'eoffice' AND state <> 'active'`)).then(() => undefined),
  },
];
if (process.env.REDIS_URL) {
  const url = new URL(process.env.REDIS_URL);
  url.pathname = '/12'; // a database of its own, so FLUSHDB touches no one else's keys
  const flush = async () => {
    const redis = new Redis(url.toString());
    await redis.flushdb();
    redis.disconnect();
  };
  backends.push({ name: 'Redis queue backend', env: { REDIS_URL: url.toString() }, loseJobs: flush });
  beforeAll(flush);
  afterAll(flush);
} else {
  console.log('[e2e] e-Office recovery on the Redis backend skipped: REDIS_URL is unset');
}

describe.each(backends)('e-Office work survives a crash and a lost queue on the $name (e2e)', (backend) => {
  let sim: EofficeSimulator;

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  describe('a crash with deliveries in flight', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-recovery-'));
    let app: AppProcess | undefined;

    afterAll(async () => {
      if (app && app.child.exitCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('sends what was in flight when the app was killed within a few seconds of its restart, each item exactly once', async () => {
      // Each test has a database of its own, so its reference numbers repeat another's: start an empty ledger.
      await sim.reset();
      await sim.setMode({ mode: 'slow', delayMs: 5_000 });
      const env = {
        DATA_DIR: dataDir,
        DATABASE_URL: await createTestDatabase('recovery'),
        ...fastEofficeEnv(sim.url),
        EOFFICE_TIMEOUT_MS: '30000',
        EOFFICE_RECONCILE_INTERVAL_SECONDS: RECONCILE_SECONDS,
        ...backend.env,
      };
      app = await startAppProcess(env);
      const token = await adminToken(app.baseUrl, dataDir);
      const made: Array<{ id: string; ref: string }> = [];
      for (let i = 0; i < 4; i++) {
        const res = await postJson(`${app.baseUrl}/api/v1/dak`, dakBody(500 + i), token);
        expect(res.status).toBe(201);
        made.push(res.body as { id: string; ref: string });
      }
      // Every item has reached e-Office, which is still working on it, when the app dies.
      await waitFor(async () => Object.keys(sim.ledger().received).length >= 4, { what: 'the deliveries to be in flight', timeoutMs: 20_000 });
      app.child.kill('SIGKILL');
      await app.exited;
      expect(sim.ledger().receipts).toHaveLength(0);
      await sim.setMode({ mode: 'up' });

      app = await startAppProcess(env);
      const restarted = Date.now();
      const refs = new Set(made.map((d) => d.ref));
      await waitFor(async () => sim.ledger().receipts.filter((r) => refs.has(r.sourceRef)).length === 4, {
        what: 'the items in flight at the crash to be diarised',
        timeoutMs: FEW_SECONDS_MS,
        intervalMs: 50,
      });
      expect(Date.now() - restarted).toBeLessThan(FEW_SECONDS_MS);

      const ledger = sim.ledger();
      const receipts = ledger.receipts.filter((r) => refs.has(r.sourceRef));
      expect(receipts).toHaveLength(4);
      // Knocked twice (the cut attempt and the resend, with the same key), diarised once.
      expect(receipts.map((r) => r.timesReceived)).toEqual([2, 2, 2, 2]);
      const token2 = await login(app.baseUrl);
      for (const d of made) {
        const view = await waitFor(async () => {
          const v = (await (await fetch(`${app!.baseUrl}/api/v1/dak/${d.id}`, { headers: { authorization: `Bearer ${token2}` } })).json()) as { eofficeStatus: string; eofficeRef: string };
          return v.eofficeStatus === 'DIARISED' ? v : undefined;
        }, { what: `dak ${d.ref} diarised` });
        expect(view.eofficeRef).toBe(receipts.find((r) => r.sourceRef === d.ref)!.receiptNo);
      }
    });
  });

  describe('jobs lost from the queue', () => {
    let t: TestApp;

    beforeAll(async () => {
      await sim.reset();
      // Four deliveries a second, so most of the items are still waiting in the queue when it loses them.
      t = await bootTestApp({ ...fastEofficeEnv(sim.url), EOFFICE_DRAIN_PER_SECOND: '4', EOFFICE_RECONCILE_INTERVAL_SECONDS: RECONCILE_SECONDS, ...backend.env });
    });
    afterAll(async () => {
      await t.close();
    });

    it('notices within seconds that the queue lost its jobs, and sends their items, each exactly once', async () => {
      const control = await t.tokenFor(['CONTROL_ROOM']);
      const ITEMS = 24;
      const made: Array<{ id: string; ref: string }> = [];
      for (let i = 0; i < ITEMS; i += 8) {
        const batch = Array.from({ length: 8 }, (_, k) => t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(600 + i + k)).expect(201));
        made.push(...(await Promise.all(batch)).map((r) => r.body as { id: string; ref: string }));
      }
      const refs = new Set(made.map((d) => d.ref));
      const ours = () => sim.ledger().receipts.filter((r) => refs.has(r.sourceRef));
      await waitFor(async () => ours().length >= 2, { what: 'the drain to start', intervalMs: 20 });

      await backend.loseJobs(t);
      const lostAt = Date.now();
      expect(ITEMS - ours().length).toBeGreaterThanOrEqual(12);

      // The rest drains at four a second once the loss is noticed: well within a few seconds more.
      await waitFor(async () => ours().length === ITEMS, { what: 'every item diarised after the loss', timeoutMs: 6_000 + FEW_SECONDS_MS, intervalMs: 50 });
      expect(Date.now() - lostAt).toBeLessThan(6_000 + FEW_SECONDS_MS);
      const receipts = ours();
      expect(new Set(receipts.map((r) => r.idempotencyKey)).size).toBe(ITEMS);
      expect(receipts.every((r) => r.timesReceived === 1)).toBe(true);
      // The last receipt is in e-Office's ledger a moment before it is recorded here.
      const status = await waitFor(async () => {
        const s = (await t.http.get('/api/v1/system/status').auth(control, { type: 'bearer' }).expect(200)).body;
        return s.backlog === 0 ? s : undefined;
      }, { what: 'an empty backlog', timeoutMs: 2_000 });
      expect(status).toMatchObject({ mode: 'ONLINE', failed: 0 });
    });
  });
});

async function adminToken(baseUrl: string, dataDir: string): Promise<string> {
  const oneTime = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
  const login = await postJson(`${baseUrl}/api/v1/auth/login`, { username: 'admin', password: oneTime });
  const changed = await postJson(`${baseUrl}/api/v1/auth/change-password`, { currentPassword: oneTime, newPassword: ADMIN_PASSWORD }, login.body.accessToken);
  return changed.body.accessToken;
}

const ADMIN_PASSWORD = 'recovered-in-seconds-2026';

async function login(baseUrl: string): Promise<string> {
  return (await postJson(`${baseUrl}/api/v1/auth/login`, { username: 'admin', password: ADMIN_PASSWORD })).body.accessToken;
}
