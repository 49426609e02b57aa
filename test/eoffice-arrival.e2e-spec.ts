import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor, withClient } from './support/databases';
import { fastEofficeEnv } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * A committed outbox row goes to e-Office at once, on the database's notice, not at the
 * dispatcher's next tick: here the tick is a minute and the reconciler an hour away, so a
 * delivery within seconds can only come from the notice.
 */
describe('e-Office outbox: rows sent the moment they commit (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let row = 0;

  const insertRow = () =>
    withClient(t.databaseUrl, async (c) => {
      row += 1;
      return (await c.query(
        `INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject)
         VALUES ('test_record', $1, $2, 'TEST_ITEM', 'धरना-प्रदर्शन की अनुमति / arrival ' || $1) RETURNING id`,
        [`arrival-${row}`, `TST/2026/${String(row).padStart(6, '0')}`],
      )).rows[0].id as string;
    });
  const delivered = (id: string) =>
    waitFor(async () => sim.ledger().receipts.some((r) => r.idempotencyKey === id), { timeoutMs: 10_000, what: `receipt for ${id}` });

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp({ ...fastEofficeEnv(sim.url), EOFFICE_DISPATCH_INTERVAL_MS: '60000', EOFFICE_RECONCILE_INTERVAL_SECONDS: '3600' });
    // The start's reconcile has run once a row inserted now is the notice's alone.
    await delivered(await insertRow());
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  it('delivers a row committed by any writer within seconds, with the tick a minute away', async () => {
    const ids = [await insertRow(), await insertRow()];
    for (const id of ids) await delivered(id);
    expect(sim.ledger().receipts.filter((r) => ids.includes(r.idempotencyKey))).toHaveLength(2);
  });

  it('hears notices again once its connection is cut, and sends what arrived while it was cut', async () => {
    const cut = await withClient(t.databaseUrl, async (c) =>
      (await c.query(
        `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'police-ops:liveness' AND datname = current_database()`,
      )).rows,
    );
    expect(cut).toEqual([{ cut: true }]);
    // Committed while nobody listens: its notice is lost, and the reconnect looks for it.
    await delivered(await insertRow());
    await delivered(await insertRow());
  });
});
