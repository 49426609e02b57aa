import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

/** The probe interval of these tests, set explicitly: every "within one interval" below is measured against it. */
const PROBE_SECONDS = 2;
/** One probe interval, and room for the check itself and the poll that reads the status. */
const WITHIN_ONE_PROBE = { timeoutMs: PROBE_SECONDS * 1000 + 800, intervalMs: 50 };
const DEVANAGARI = /[\u0900-\u097F]/;

interface Status {
  mode: 'ONLINE' | 'DEGRADED';
  since: string;
  reason: string;
  reasonHi: string;
  fault: string | null;
  faultCode: string | null;
  httpStatus: number | null;
  faultSeenIn: string | null;
  checkedAt: string | null;
  backlog: number;
  note?: string;
  noteHi?: string;
}

/**
 * The system mode says what is true of e-Office within one probe interval, both ways, with no
 * backlog or a tiny one; it keeps "reachable but failing" apart from "unreachable"; and a
 * flaky e-Office slows the drain without the mode flapping.
 */
describe('e-Office mode follows e-Office (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let control: string;
  let admin: string;
  const status = async (): Promise<Status> => (await t.http.get('/api/v1/system/status').auth(control, { type: 'bearer' }).expect(200)).body;
  const until = (what: string, test: (s: Status) => boolean, options: { timeoutMs?: number; intervalMs?: number } = WITHIN_ONE_PROBE) =>
    waitFor(async () => {
      const s = await status();
      return test(s) ? s : undefined;
    }, { ...options, what });
  const modeChanges = async (): Promise<Array<{ diff: { mode: string; fault: string | null } }>> =>
    (await t.http.get('/api/v1/audit?action=system.mode_changed&limit=500').auth(admin, { type: 'bearer' }).expect(200)).body;
  const enterDak = async (i: number): Promise<{ id: string; ref: string }> =>
    (await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(i)).expect(201)).body;
  const dak = async (id: string) => (await t.http.get(`/api/v1/dak/${id}`).auth(control, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp({
      ...fastEofficeEnv(sim.url),
      EOFFICE_PROBE_INTERVAL_SECONDS: String(PROBE_SECONDS),
      EOFFICE_BREAKER_FAILURES: '3',
    });
    control = await t.tokenFor(['CONTROL_ROOM']);
    admin = await t.tokenFor(['ADMIN']);
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });
  beforeEach(async () => {
    await sim.setMode({ mode: 'up' });
    await until('ONLINE with nothing waiting', (s) => s.mode === 'ONLINE' && s.backlog === 0, { timeoutMs: 30_000 });
  });

  it('turns DEGRADED within one probe interval when e-Office goes down with nothing to send, says it is unreachable, and ONLINE within one interval of its return', async () => {
    const before = Date.now();
    await sim.setMode({ mode: 'down' });
    const down = await until('DEGRADED with an empty backlog', (s) => s.mode === 'DEGRADED');
    expect(down).toMatchObject({ backlog: 0, fault: 'UNREACHABLE', faultCode: 'ECONNREFUSED', httpStatus: null, faultSeenIn: 'probe' });
    expect(down.reason).toBe('e-Office unreachable: the connection was refused (ECONNREFUSED)');
    expect(down.reasonHi).toMatch(DEVANAGARI);
    expect(down.note).toMatch(/^e-Office is unreachable\..*not final/);
    expect(down.noteHi).toMatch(DEVANAGARI);
    expect(Date.parse(down.since)).toBeGreaterThanOrEqual(before - 1000);

    await sim.setMode({ mode: 'up' });
    const up = await until('ONLINE again', (s) => s.mode === 'ONLINE');
    expect(up).toMatchObject({ fault: null, httpStatus: null, reason: 'e-Office answers its health check' });
    expect(up.note).toBeUndefined();
    expect(Date.parse(up.checkedAt!)).toBeGreaterThan(Date.parse(down.since));
  });

  it('keeps each outage on record: one spell opened from when the failing began when it turns DEGRADED, closed when it turns ONLINE', async () => {
    const outages = async () =>
      (await t.http.get('/api/v1/eoffice/outages?limit=200').auth(control, { type: 'bearer' }).expect(200)).body as {
        total: number;
        items: Array<{ id: string; beganAt: string; endedAt: string | null; fault: string | null }>;
      };
    const before = await outages();
    expect(before.items.every((o) => o.endedAt !== null)).toBe(true);
    const failingFrom = Date.now();
    await sim.setMode({ mode: 'down' });
    const down = await until('DEGRADED', (s) => s.mode === 'DEGRADED');
    const open = await outages();
    expect(open.total).toBe(before.total + 1);
    const [spell] = open.items;
    expect(spell).toMatchObject({ endedAt: null, fault: 'UNREACHABLE' });
    // It began with the first failed check, which the confirmed mode follows.
    expect(Date.parse(spell.beganAt)).toBeGreaterThanOrEqual(failingFrom - 1000);
    expect(Date.parse(spell.beganAt)).toBeLessThanOrEqual(Date.parse(down.since));

    await sim.setMode({ mode: 'up' });
    const up = await until('ONLINE again', (s) => s.mode === 'ONLINE');
    const closed = (await outages()).items.find((o) => o.id === spell.id)!;
    expect(closed.endedAt).not.toBeNull();
    expect(Date.parse(closed.endedAt!)).toBeGreaterThanOrEqual(Date.parse(down.since));
    expect(Math.abs(Date.parse(closed.endedAt!) - Date.parse(up.since))).toBeLessThan(1000);
    // Only the control room, admins and auditors read the history.
    const officer = await t.tokenFor(['OFFICER']);
    await t.http.get('/api/v1/eoffice/outages').auth(officer, { type: 'bearer' }).expect(403);
  });

  it('turns DEGRADED within one probe interval with one item waiting, and after e-Office returns turns ONLINE and sends it at once, exactly once', async () => {
    await sim.setMode({ mode: 'down' });
    const made = await enterDak(1);
    expect((await until('DEGRADED with one item waiting', (s) => s.mode === 'DEGRADED')).backlog).toBe(1);

    await sim.setMode({ mode: 'up' });
    const returned = Date.now();
    await until('ONLINE again', (s) => s.mode === 'ONLINE');
    // The paused item is due the moment e-Office is back: not a probe interval later.
    const diarised = await waitFor(async () => ((await dak(made.id)).eofficeStatus === 'DIARISED' ? dak(made.id) : undefined), {
      what: 'the waiting item diarised',
      timeoutMs: 1500,
      intervalMs: 50,
    });
    expect(Date.now() - returned).toBeLessThan(PROBE_SECONDS * 1000 + 1500);
    const receipts = sim.ledger().receipts.filter((r) => r.sourceRef === made.ref);
    expect(receipts).toHaveLength(1);
    expect(diarised.eofficeRef).toBe(receipts[0]!.receiptNo);
  });

  it('says "reachable but failing" with the status when e-Office answers HTTP 500, and "refuses our credentials" for 401, apart from "unreachable"', async () => {
    const changesBefore = (await modeChanges()).length;
    await sim.setMode({ mode: 'error', status: 500 });
    const failing = await until('DEGRADED by HTTP 500', (s) => s.mode === 'DEGRADED');
    expect(failing).toMatchObject({ fault: 'FAILING', faultCode: 'HTTP_500', httpStatus: 500, faultSeenIn: 'probe' });
    expect(failing.reason).toBe('e-Office reachable but failing: its health check answered HTTP 500');
    expect(failing.reason).not.toMatch(/unreachable/);
    expect(failing.reasonHi).toMatch(/HTTP 500/);
    expect(failing.note).toMatch(/^e-Office is reachable but failing\./);

    // The cause changes while the mode holds: the reason follows, the "since" stays.
    await sim.setMode({ mode: 'error', status: 401 });
    const refusing = await until('the reason to say our credentials are refused', (s) => s.fault === 'CREDENTIALS_REFUSED');
    expect(refusing).toMatchObject({ mode: 'DEGRADED', httpStatus: 401, since: failing.since });
    expect(refusing.reason).toBe('e-Office refuses our credentials (HTTP 401): check EOFFICE_TOKEN');

    await sim.setMode({ mode: 'down' });
    const unreachable = await until('the reason to say unreachable', (s) => s.fault === 'UNREACHABLE');
    expect(unreachable).toMatchObject({ httpStatus: null, since: failing.since });

    await sim.setMode({ mode: 'up' });
    await until('ONLINE again', (s) => s.mode === 'ONLINE');
    const all = await modeChanges(); // newest first
    expect(all.slice(0, all.length - changesBefore).map((c) => c.diff.mode)).toEqual(['ONLINE', 'DEGRADED']);
    const reasons = (await t.http.get('/api/v1/audit?action=system.mode_reason_changed').auth(admin, { type: 'bearer' }).expect(200)).body;
    expect(reasons.map((r: { diff: { fault: string } }) => r.diff.fault)).toEqual(['UNREACHABLE', 'CREDENTIALS_REFUSED']);
  });

  it('turns DEGRADED as "reachable but failing" when every delivery gets HTTP 500 though the health check passes, and ONLINE when a trial delivery goes through', async () => {
    await sim.setMode({ mode: 'flaky', percent: 100, seed: 1 });
    const made = await Promise.all([0, 1, 2].map((i) => enterDak(200 + i)));
    const failing = await until('DEGRADED by failing deliveries', (s) => s.mode === 'DEGRADED', { timeoutMs: 20_000, intervalMs: 100 });
    expect(failing).toMatchObject({ fault: 'FAILING', httpStatus: 500, faultSeenIn: 'deliveries', backlog: 3 });
    expect(failing.reason).toBe('e-Office reachable but failing: deliveries are answered HTTP 500, although its health check passes');
    // Each item says what its attempt met, in a kind the screens put in the reader's words.
    for (const d of made) expect(await dak(d.id)).toMatchObject({ eofficeStatus: 'PENDING_SYNC', eofficeFault: 'FAILING' });

    // The health check keeps passing, but the mode holds while the trial deliveries fail.
    await new Promise((r) => setTimeout(r, PROBE_SECONDS * 1000 * 2));
    expect((await status()).mode).toBe('DEGRADED');

    await sim.setMode({ mode: 'up' });
    // The next passed check lets one item try; its success turns the mode and the rest follow.
    await until('ONLINE after a trial delivery', (s) => s.mode === 'ONLINE' && s.backlog === 0, { timeoutMs: PROBE_SECONDS * 1000 + 3000, intervalMs: 50 });
    const ledger = sim.ledger();
    for (const d of made) expect(ledger.receipts.filter((r) => r.sourceRef === d.ref)).toHaveLength(1);
  });

  it('drains everything exactly once through an e-Office that fails 30% of deliveries, without the mode ever leaving ONLINE', async () => {
    const ITEMS = 60;
    const changesBefore = (await modeChanges()).length;
    // Seed 140 fails the first three deliveries in a row and never more than three: a consecutive-failure breaker opens at once.
    await sim.setMode({ mode: 'flaky', percent: 30, seed: 140 });
    const made: Array<{ id: string; ref: string }> = [];
    for (let i = 0; i < ITEMS; i += 10) made.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => enterDak(300 + i + k)))));

    const modesSeen = new Set<string>();
    await waitFor(
      async () => {
        const s = await status();
        modesSeen.add(s.mode);
        return s.backlog === 0 ? s : undefined;
      },
      { what: 'the backlog to drain', timeoutMs: 60_000, intervalMs: 50 },
    );
    expect([...modesSeen]).toEqual(['ONLINE']);
    expect((await modeChanges()).length).toBe(changesBefore);

    const ledger = sim.ledger();
    const refs = new Set(made.map((d) => d.ref));
    const receipts = ledger.receipts.filter((r) => refs.has(r.sourceRef));
    expect(receipts).toHaveLength(ITEMS);
    expect(new Set(receipts.map((r) => r.idempotencyKey)).size).toBe(ITEMS);
    // The flakiness was real: some items needed more than one knock, and each kept its key.
    expect(receipts.some((r) => r.timesReceived > 1)).toBe(true);
    for (const d of made) expect((await dak(d.id)).eofficeRef).toBe(receipts.find((r) => r.sourceRef === d.ref)!.receiptNo);
  });
});
