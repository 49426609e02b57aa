import { QueueService } from '../src/platform/queue/queue.service';
import { JOBS } from '../src/platform/queue/jobs';
import { waitFor, withClient } from './support/databases';
import { bootTestApp, TestApp } from './support/test-app';

/** The housekeeping job proves the wiring: enqueue, a worker runs it, its effect is visible. */
async function housekeepingRuns(t: TestApp, backend: 'postgres' | 'redis'): Promise<void> {
  const admin = await t.tokenFor(['ADMIN']);
  await withClient(t.databaseUrl, (c) =>
    c.query(
      `INSERT INTO idempotency_key (user_id, key, method, path, request_hash, status, expires_at)
       VALUES (gen_random_uuid(), 'expired-key-1', 'POST', '/x', 'h', 'DONE', now() - interval '1 hour')`,
    ),
  );
  const { body } = await t.http
    .post('/api/v1/system/housekeeping')
    .auth(admin, { type: 'bearer' })
    .expect(201);
  const job = await waitFor(
    async () => {
      const res = await t.http
        .get(`/api/v1/system/jobs/maintenance/${body.jobId}`)
        .auth(admin, { type: 'bearer' });
      return res.body.state === 'completed' ? res.body : undefined;
    },
    { what: 'the housekeeping job to complete' },
  );
  expect(job.backend).toBe(backend);
  expect(job.returnValue.purgedIdempotencyKeys).toBeGreaterThanOrEqual(1);
  const left = await withClient(t.databaseUrl, (c) =>
    c.query(`SELECT 1 FROM idempotency_key WHERE key = 'expired-key-1'`),
  );
  expect(left.rowCount).toBe(0);
  const ready = await t.http.get('/health/ready').expect(200);
  expect(ready.body.info.queue.backend).toBe(backend);
}

describe('queue on the PostgreSQL backend (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('keeps BullMQ in the bullmq schema of our own database', async () => {
    const schemas = await withClient(t.databaseUrl, (c) =>
      c.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'bullmq'`),
    );
    expect(schemas.rowCount).toBe(1);
  });

  it('runs the housekeeping job', () => housekeepingRuns(t, 'postgres'));

  // Before the second boot below: in one run the second app's close ended a connection under
  // this one ("Connection terminated" in its log) just as the board was asked, which answered
  // 500. Two apps in one process happen only in this test.
  it('shows the queues on the board to an admin', async () => {
    const admin = await t.tokenFor(['ADMIN']);
    const res = await t.http
      .get('/admin/queues/api/queues')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(res.body)).toContain('maintenance');
  });

  it('registers each repeatable job scheduler once, however often the app boots', async () => {
    const again = await bootTestApp({}, t.databaseUrl);
    try {
      const schedulers = await t.app.get(QueueService).queue('maintenance').getJobSchedulers();
      // The job table's repeating jobs on this queue, each exactly once.
      const repeating = Object.entries(JOBS)
        .filter(([, job]) => job.queue === 'maintenance' && 'every' in job)
        .map(([name]) => name)
        .sort();
      expect(repeating).toContain('housekeeping');
      expect(schedulers.map((s) => s.key ?? s.name).sort()).toEqual(repeating);
    } finally {
      await again.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  console.log('[e2e] skipping the Redis-backend queue tests: REDIS_URL is unset');
}
(redisUrl ? describe : describe.skip)('queue on the Redis backend (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ REDIS_URL: redisUrl! });
  });
  afterAll(() => t?.close());

  it('runs the housekeeping job', () => housekeepingRuns(t, 'redis'));
});
