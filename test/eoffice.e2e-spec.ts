import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor, withClient } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

describe('e-Office degraded mode (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let control: string;
  let admin: string;
  const status = async () => (await t.http.get('/api/v1/system/status').auth(control, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    control = await t.tokenFor(['CONTROL_ROOM']);
    admin = await t.tokenFor(['ADMIN']);
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  it('goes ONLINE → DEGRADED → ONLINE with the backlog counted right, and diarises each item once', async () => {
    expect((await status()).mode).toBe('ONLINE');

    await sim.setMode({ mode: 'down' });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(i)).expect(201);
      expect(res.body.eofficeStatus).toBe('PENDING_SYNC');
      ids.push(res.body.id);
    }
    const degraded = await waitFor(async () => ((await status()).mode === 'DEGRADED' ? status() : undefined), { what: 'DEGRADED' });
    expect(degraded.backlog).toBe(6);
    expect(degraded.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(degraded.note).toMatch(/not final/);
    // What stopped them is said as a kind the screens put in words, not only the socket's error.
    const waiting = await Promise.all(ids.map(async (id) => (await t.http.get(`/api/v1/dak/${id}`).auth(control, { type: 'bearer' }).expect(200)).body));
    const faults = new Set(waiting.map((d) => d.eofficeFault));
    expect(faults.has('UNREACHABLE')).toBe(true);
    expect([...faults].every((f) => f === 'UNREACHABLE' || f === null)).toBe(true);
    const attempted = waiting.find((d) => d.eofficeFault === 'UNREACHABLE');
    expect(attempted).toMatchObject({ eofficeStatus: 'PENDING_SYNC' });

    // Work goes on while e-Office is down.
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(6)).expect(201);
    expect((await status()).backlog).toBe(7);

    await sim.setMode({ mode: 'up' });
    const online = await waitFor(async () => {
      const s = await status();
      return s.mode === 'ONLINE' && s.backlog === 0 ? s : undefined;
    }, { what: 'ONLINE with an empty backlog' });
    expect(online.deliveredLastHour).toBe(7);
    expect(online.failed).toBe(0);

    const ledger = sim.ledger();
    expect(ledger.receipts).toHaveLength(7);
    for (const id of ids) {
      const dak = (await t.http.get(`/api/v1/dak/${id}`).auth(control, { type: 'bearer' }).expect(200)).body;
      expect(dak).toMatchObject({ eofficeStatus: 'DIARISED', eofficeFault: null });
      expect(ledger.receipts.map((r) => r.receiptNo)).toContain(dak.eofficeRef);
    }

    const modes = await t.http.get('/api/v1/audit?action=system.mode_changed').auth(admin, { type: 'bearer' }).expect(200);
    expect(modes.body.map((r: { diff: { mode: string } }) => r.diff.mode)).toEqual(['ONLINE', 'DEGRADED']);
  });

  it('marks an item e-Office rejects as malformed FAILED with the reason, holds the record\'s later items, and a manual retry delivers both in order', async () => {
    const insert = (kind: string, subject: string) =>
      withClient(t.databaseUrl, async (c) =>
        (await c.query(
          `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject) VALUES ('test_record', 'rec-1', 'TST/2026/000001', $1, $2) RETURNING id`,
          [kind, subject],
        )).rows[0].id as string,
      );
    const first = await insert('K'.repeat(80), 'original');
    const second = await insert('TEST_REVISION', 'revision');
    const outboxItem = async (id: string) => (await t.http.get(`/api/v1/eoffice/outbox/${id}`).auth(admin, { type: 'bearer' }).expect(200)).body;

    const failed = await waitFor(async () => ((await outboxItem(first)).status === 'FAILED' ? outboxItem(first) : undefined), { what: 'FAILED' });
    expect(failed.lastError).toMatch(/kind/);
    expect(failed.lastFault).toBe('REFUSED');
    expect(failed.syncState).toBe('FAILED');
    expect((await status()).failed).toBe(1);
    expect((await outboxItem(second)).status).toBe('PENDING');

    // Someone corrects the item, then resends it by hand.
    await withClient(t.databaseUrl, (c) => c.query(`UPDATE eoffice_outbox SET kind = 'TEST_ORIGINAL' WHERE id = $1`, [first]));
    await t.http.post(`/api/v1/eoffice/outbox/${first}/retry`).auth(control, { type: 'bearer' }).expect(200);
    await waitFor(async () => ((await outboxItem(second)).status === 'DELIVERED' ? true : undefined), { what: 'both delivered' });
    const [a, b] = [await outboxItem(first), await outboxItem(second)];
    expect(a.status).toBe('DELIVERED');
    expect([a.syncState, b.syncState]).toEqual(['DIARISED', 'DIARISED']);
    expect(Number(a.eofficeRef.split('/')[0])).toBeLessThan(Number(b.eofficeRef.split('/')[0]));
    const retryAgain = await t.http.post(`/api/v1/eoffice/outbox/${first}/retry`).auth(admin, { type: 'bearer' });
    expect(retryAgain.status).toBe(409);
    expect(retryAgain.body).toMatchObject({ statusCode: 409, state: 'DELIVERED', action: 'retry', allowed: [] });
    const audit = await t.http.get(`/api/v1/audit?action=eoffice.outbox_retry&entityId=${first}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(audit.body).toHaveLength(1);
  });

  it('lets an admin cancel a pending item with a reason, and audits it', async () => {
    await sim.setMode({ mode: 'down' });
    const res = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(100)).expect(201);
    const list = await t.http.get(`/api/v1/eoffice/outbox?sourceRef=${encodeURIComponent(res.body.ref)}`).auth(admin, { type: 'bearer' }).expect(200);
    const id = list.body.items[0].id;
    expect(list.body.items[0].syncState).toBe('PENDING_SYNC');
    await t.http.post(`/api/v1/eoffice/outbox/${id}/cancel`).auth(control, { type: 'bearer' }).send({ reason: 'entered twice' }).expect(403);
    await t.http.post(`/api/v1/eoffice/outbox/${id}/cancel`).auth(admin, { type: 'bearer' }).send({ reason: 'x' }).expect(400);
    const cancelled = await t.http.post(`/api/v1/eoffice/outbox/${id}/cancel`).auth(admin, { type: 'bearer' }).send({ reason: 'entered twice by mistake' }).expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.syncState).toBe('CANCELLED');
    const audit = await t.http.get(`/api/v1/audit?action=eoffice.outbox_cancel&entityId=${id}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(audit.body[0].diff.reason).toBe('entered twice by mistake');
    await sim.setMode({ mode: 'up' });
  });
  it('drains a backlog in batches without a later item of a record overtaking an earlier one, each delivered once and audited', async () => {
    await sim.reset();
    const RECORDS = 40;
    const PER_RECORD = 3;
    // Interleaved by record, so a batch of due rows holds several items of one record.
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject, metadata)
         SELECT 'batch_test', 'rec-' || (g % $1::int), 'BATCH/' || (g % $1::int) || '/' || (g / $1::int), 'DAK_INWARD', 'बैच / batch ' || g, '{}'::jsonb
         FROM generate_series(0, $1::int * $2::int - 1) g`,
        [RECORDS, PER_RECORD],
      ),
    );
    await waitFor(
      () => withClient(t.databaseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM eoffice_outbox WHERE source_type = 'batch_test' AND status = 'DELIVERED'`)).rows[0].n === RECORDS * PER_RECORD),
      { what: 'the backlog to drain' },
    );
    const receipts = sim.ledger().receipts.filter((r) => r.sourceRef.startsWith('BATCH/'));
    expect(receipts).toHaveLength(RECORDS * PER_RECORD);
    expect(receipts.every((r) => r.timesReceived === 1)).toBe(true);
    // Receipt numbers are issued in arrival order: each record's items arrived in the order they were queued.
    const serial = (receiptNo: string) => Number(receiptNo.split('/')[0]);
    for (let record = 0; record < RECORDS; record++) {
      const own = receipts.filter((r) => r.sourceRef.startsWith(`BATCH/${record}/`)).sort((a, b) => serial(a.receiptNo) - serial(b.receiptNo));
      expect(own.map((r) => r.sourceRef)).toEqual(Array.from({ length: PER_RECORD }, (_, i) => `BATCH/${record}/${i}`));
    }
    // One audit row per delivery, naming the receipt e-Office gave it.
    const audited = await withClient(t.databaseUrl, async (c) =>
      (await c.query(`SELECT diff->>'sourceRef' AS ref, diff->>'eofficeRef' AS receipt FROM audit_log WHERE action = 'eoffice.delivered' AND entity_type = 'batch_test'`)).rows as Array<{ ref: string; receipt: string }>,
    );
    expect(new Map(audited.map((a) => [a.ref, a.receipt]))).toEqual(new Map(receipts.map((r) => [r.sourceRef, r.receiptNo])));
    expect(audited).toHaveLength(RECORDS * PER_RECORD);
  });
});
