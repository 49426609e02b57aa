import { CountingReceiver, startCountingReceiver } from '../src/platform/eoffice/gateway/testing/counting-receiver';
import { waitFor } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

const ITEMS = 60;

interface Dak {
  id: string;
  ref: string;
  eofficeStatus: string;
  eofficeRef: string | null;
}

/**
 * The HTTP adapter through the real outbox, dispatcher, reconciler and worker, against a
 * receiver that deduplicates nothing and counts every POST. What it counts is what we send.
 */
describe('e-Office over HTTP to a receiver that does not deduplicate (e2e)', () => {
  let receiver: CountingReceiver;
  let t: TestApp;
  let control: string;
  let admin: string;
  const get = async (path: string, token = control) => (await t.http.get(`/api/v1${path}`).auth(token, { type: 'bearer' }).expect(200)).body;
  const drained = () => waitFor(async () => ((await get('/system/status')).backlog === 0 ? true : undefined), { what: 'an empty backlog', timeoutMs: 60_000 });

  beforeAll(async () => {
    // Slow enough that the reconciler (every 2 s here) runs while deliveries are in flight.
    receiver = await startCountingReceiver({ delayMs: 300 });
    // A generous timeout: a POST that timed out would be a lost acknowledgement, resent by design.
    t = await bootTestApp({ ...fastEofficeEnv(receiver.url), EOFFICE_ADAPTER: 'http', EOFFICE_TIMEOUT_MS: '10000' });
    control = await t.tokenFor(['CONTROL_ROOM']);
    admin = await t.tokenFor(['ADMIN']);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it(`sends each of ${ITEMS} items exactly once when no acknowledgement is lost, across an outage and while new items arrive`, async () => {
    // Half the items are made while e-Office refuses connections, the rest while the backlog drains.
    await receiver.stop();
    const made: Dak[] = [];
    const enter = async (from: number, count: number) => {
      const batch = Array.from({ length: count }, (_, k) => t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(from + k)).expect(201));
      made.push(...(await Promise.all(batch)).map((r) => r.body as Dak));
    };
    await enter(0, ITEMS / 2);
    await waitFor(async () => ((await get('/system/status')).mode === 'DEGRADED' ? true : undefined), { what: 'DEGRADED' });
    expect(receiver.posts).toHaveLength(0);

    await receiver.start();
    for (let i = ITEMS / 2; i < ITEMS; i += 10) await enter(i, 10);
    await drained();

    const outbox = (await get('/eoffice/outbox?sourceType=dak_receipt&limit=1000', admin)).items as Array<{ id: string; sourceRef: string; status: string; eofficeRef: string }>;
    expect(outbox).toHaveLength(ITEMS);
    expect(outbox.every((o) => o.status === 'DELIVERED')).toBe(true);
    // Exactly one POST per outbox row, carrying the row id as its key, header and body alike.
    const sent = new Map<string | undefined, number>();
    for (const p of receiver.posts) sent.set(p.key, (sent.get(p.key) ?? 0) + 1);
    expect([...sent].filter(([, n]) => n > 1)).toEqual([]);
    expect(receiver.posts.length).toBe(ITEMS);
    expect(receiver.posts.every((p) => p.answered)).toBe(true);
    expect(new Set(receiver.posts.map((p) => p.key))).toEqual(new Set(outbox.map((o) => o.id)));
    expect(receiver.posts.every((p) => (JSON.parse(p.body) as { idempotencyKey: string }).idempotencyKey === p.key)).toBe(true);
    // And each dak holds the receipt number its own POST was given.
    const receiptFor = new Map(receiver.posts.map((p) => [p.sourceRef, p.receiptNo]));
    const dak: Dak[] = (await get('/dak?limit=500')).items;
    expect(dak).toHaveLength(ITEMS);
    expect(dak.filter((d) => d.eofficeStatus !== 'DIARISED' || d.eofficeRef !== receiptFor.get(d.ref))).toEqual([]);
  });

  it('resends with the same idempotency key when an acknowledgement is lost, so a receiver that ignores the key makes a second receipt', async () => {
    const before = receiver.posts.length;
    receiver.loseNextAck();
    const made: Dak = (await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(1000)).expect(201)).body;
    const done: Dak = await waitFor(async () => {
      const d = await get(`/dak/${made.id}`);
      return d.eofficeStatus === 'DIARISED' ? d : undefined;
    }, { what: 'the dak diarised after the lost acknowledgement' });

    const posts = receiver.posts.slice(before);
    // The receiver took the first POST but its answer never arrived; we sent the same item again.
    expect(posts.map((p) => p.answered)).toEqual([false, true]);
    expect(posts[0]!.key).toBe(posts[1]!.key);
    expect(posts[0]!.body).toBe(posts[1]!.body);
    expect(posts[0]!.sourceRef).toBe(made.ref);
    // Not honouring the key, it made two receipts of one item; we know only the one it answered with.
    expect(posts[0]!.receiptNo).not.toBe(posts[1]!.receiptNo);
    expect(done.eofficeRef).toBe(posts[1]!.receiptNo);
    const [row] = (await get(`/eoffice/outbox?sourceRef=${encodeURIComponent(made.ref)}`, admin)).items;
    expect(row).toMatchObject({ id: posts[0]!.key, status: 'DELIVERED', attempts: 2, eofficeRef: posts[1]!.receiptNo });
  });
});
