import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { waitFor, withClient } from './support/databases';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { driveTo, istAt, protestActors, ProtestActors, seedVenues, step, view as protestView } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
const leg = (start: string, end: string) => ({ start, end, from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' });

interface SyncFields {
  eofficeStatus: string;
  eofficeRef: string | null;
}
interface RevisionLine extends SyncFields {
  revisionNo: number;
  isCurrent: boolean;
  outboxId: string | null;
}
interface Letter extends SyncFields {
  kind: string;
  outboxId: string;
}

/**
 * Sync state is per item: a record whose first item is diarised and whose next one was issued
 * during an outage shows the first with its e-Office number, the next as waiting, and is not
 * itself DIARISED. The summary is computed in one place, and its SQL twin agrees with it.
 */
describe('e-Office sync state per item (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;
  let desk: string;
  let a: ProtestActors;
  const get = async (path: string, token = desk) => (await t.http.get(`/api/v1${path}`).auth(token, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0, mode: { mode: 'down' } });
    t = await bootTestApp(fastEofficeEnv(sim.url));
    desk = await t.tokenFor(['CONTROL_ROOM']);
    a = await protestActors(t);
    await seedVenues(t, a.admin);
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  it('shows revision 1 of a VIP programme DIARISED with its number and revision 2, issued during an outage, waiting; the programme is not DIARISED', async () => {
    // e-Office is down when the programme is issued.
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, { type: 'bearer' })
      .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor, Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z+', listRank: 3 })
      .expect(201);
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(desk, { type: 'bearer' })
      .send({ protecteeId: protectee.body.id, title: 'राज्यपाल का भोपाल भ्रमण / Governor visit to Bhopal', legs: [leg(istAt(11, '10:00'), istAt(11, '10:40'))] })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body.eofficeStatus).toBe('PENDING_SYNC');
    expect(created.body.revision).toMatchObject({ revisionNo: 1, eofficeStatus: 'PENDING_SYNC', eofficeRef: null });

    // e-Office comes back; revision 1 is diarised.
    await sim.setMode({ mode: 'up' });
    const diarised = await waitFor(
      async () => {
        const v = await get(`/vip-programmes/${id}`);
        return v.revisions[0].eofficeStatus === 'DIARISED' ? v : undefined;
      },
      { what: 'revision 1 diarised' },
    );
    const receipt1 = sim.ledger().receipts.find((r) => r.idempotencyKey === diarised.revisions[0].outboxId)!;
    expect(receipt1.subject).toMatch(/Revision 1$/);
    expect(diarised.revisions[0].eofficeRef).toBe(receipt1.receiptNo);
    expect(diarised.eofficeStatus).toBe('DIARISED');

    // e-Office goes down again, and revision 2 is issued.
    await sim.setMode({ mode: 'down' });
    const revised = await t.http
      .post(`/api/v1/vip-programmes/${id}/revisions`)
      .auth(desk, { type: 'bearer' })
      .send({ revision: 1, legs: [leg(istAt(11, '11:00'), istAt(11, '11:40'))], reason: 'Programme moved by an hour' })
      .expect(201);
    expect(revised.body.revision).toMatchObject({ revisionNo: 2, eofficeStatus: 'PENDING_SYNC', eofficeRef: null });
    expect(revised.body.eofficeStatus).toBe('PENDING_SYNC');

    const v = await get(`/vip-programmes/${id}`);
    expect(v.revisions.map((r: RevisionLine) => [r.revisionNo, r.isCurrent, r.eofficeStatus, r.eofficeRef])).toEqual([
      [1, false, 'DIARISED', receipt1.receiptNo],
      [2, true, 'PENDING_SYNC', null],
    ]);
    expect(v.eofficeStatus).toBe('PENDING_SYNC');
    expect(v.eofficeStatus).not.toBe('DIARISED');
    expect(v.eofficeSync).toMatchObject({ items: 2, waiting: 1, diarised: 1, failed: 0 });
    expect(v.revision).toMatchObject({ revisionNo: 2, eofficeStatus: 'PENDING_SYNC', eofficeRef: null });
    expect((await get(`/vip-programmes/${id}/revisions/1`)).revision).toMatchObject({ revisionNo: 1, eofficeStatus: 'DIARISED', eofficeRef: receipt1.receiptNo });
    expect((await get('/vip-programmes')).find((p: { id: string }) => p.id === id).eofficeStatus).toBe('PENDING_SYNC');
    // A unit concerned sees the revision it reads and the programme's summary, not the desk's list.
    const unitView = await get(`/vip-programmes/${id}`, await t.tokenFor(['OFFICER'], 'TT_NAGAR'));
    expect(unitView.revision).toMatchObject({ revisionNo: 2, eofficeStatus: 'PENDING_SYNC' });
    expect(unitView.eofficeStatus).toBe('PENDING_SYNC');
    expect(unitView.revisions).toBeUndefined();

    // Once e-Office is back, revision 2 gets a number of its own and revision 1 keeps its own.
    await sim.setMode({ mode: 'up' });
    const done = await waitFor(
      async () => {
        const w = await get(`/vip-programmes/${id}`);
        return w.eofficeStatus === 'DIARISED' ? w : undefined;
      },
      { what: 'revision 2 diarised' },
    );
    const receipt2 = sim.ledger().receipts.find((r) => r.idempotencyKey === done.revisions[1].outboxId)!;
    expect(done.revisions.map((r: RevisionLine) => r.eofficeRef)).toEqual([receipt1.receiptNo, receipt2.receiptNo]);
    expect(receipt2.receiptNo).not.toBe(receipt1.receiptNo);

    // A cancellation is an item of its own too.
    await sim.setMode({ mode: 'down' });
    const cancelled = await t.http.post(`/api/v1/vip-programmes/${id}/cancel`).auth(desk, { type: 'bearer' }).send({ reason: 'Visit called off by Raj Bhavan' }).expect(200);
    expect(cancelled.body.eofficeStatus).toBe('PENDING_SYNC');
    const afterCancel = await get(`/vip-programmes/${id}`);
    expect(afterCancel.cancellation).toMatchObject({ eofficeStatus: 'PENDING_SYNC', eofficeRef: null });
    expect(afterCancel.revisions.map((r: RevisionLine) => r.eofficeStatus)).toEqual(['DIARISED', 'DIARISED']);
    expect(afterCancel.eofficeSync).toMatchObject({ items: 3, waiting: 1, diarised: 2 });
  });

  it('shows a protest permission DIARISED with its number and the revocation issued during an outage waiting', async () => {
    await sim.setMode({ mode: 'up' });
    const approved = await driveTo(t, a, 'APPROVED');
    const diarised = await waitFor(
      async () => {
        const app = await protestView(t, a.control, approved.id);
        return (app.letters as Letter[])[0]!.eofficeStatus === 'DIARISED' ? app : undefined;
      },
      { what: 'the permission letter diarised' },
    );
    const permission = (diarised.letters as Letter[])[0]!;
    expect(permission.eofficeRef).toBe(sim.ledger().receipts.find((r) => r.idempotencyKey === permission.outboxId)!.receiptNo);
    expect(diarised.eofficeStatus).toBe('DIARISED');

    await sim.setMode({ mode: 'down' });
    const revoked = await step(t, a, diarised, 'revoke');
    expect((revoked.letters as Letter[]).map((l) => [l.kind, l.eofficeStatus, l.eofficeRef])).toEqual([
      ['PERMISSION', 'DIARISED', permission.eofficeRef],
      ['REVOCATION', 'PENDING_SYNC', null],
    ]);
    expect(revoked.eofficeStatus).toBe('PENDING_SYNC');
    expect(revoked.eofficeSync).toMatchObject({ items: 2, waiting: 1, diarised: 1 });
  });

  it('gives every mix of item states the same summary on a dak and in the list filter (TypeScript and SQL agree)', async () => {
    await sim.setMode({ mode: 'down' });
    // Each case: the dak's own inward item, then any further items of the same record.
    const cases: Array<{ items: string[]; expected: string }> = [
      { items: [], expected: 'NOT_REQUIRED' },
      { items: ['P'], expected: 'PENDING_SYNC' },
      { items: ['D'], expected: 'DIARISED' },
      { items: ['S'], expected: 'SENT_FOR_DIARISATION' },
      { items: ['F'], expected: 'FAILED' },
      { items: ['C'], expected: 'CANCELLED' },
      { items: ['D', 'P'], expected: 'PENDING_SYNC' },
      { items: ['D', 'F'], expected: 'FAILED' },
      { items: ['D', 'P', 'F'], expected: 'FAILED' },
      { items: ['C', 'D'], expected: 'DIARISED' },
      { items: ['C', 'P'], expected: 'PENDING_SYNC' },
      { items: ['D', 'S'], expected: 'SENT_FOR_DIARISATION' },
      { items: ['S', 'P'], expected: 'PENDING_SYNC' },
      { items: ['C', 'C'], expected: 'CANCELLED' },
      { items: ['D', 'D'], expected: 'DIARISED' },
    ];
    const ids: string[] = [];
    for (const [i, c] of cases.entries()) {
      const dak = await t.http.post('/api/v1/dak').auth(desk, { type: 'bearer' }).send(dakBody(900 + i)).expect(201);
      expect(dak.body.eofficeStatus).toBe('PENDING_SYNC');
      ids.push(dak.body.id);
      await withClient(t.databaseUrl, async (db) => {
        const [inward] = (await db.query(`SELECT id FROM eoffice_outbox WHERE source_type = 'dak_receipt' AND source_id = $1`, [dak.body.id])).rows;
        if (c.items.length === 0) return db.query(`DELETE FROM eoffice_outbox WHERE id = $1`, [inward.id]);
        for (const [n, state] of c.items.entries()) {
          const row =
            n === 0
              ? inward.id
              : (await db.query(`INSERT INTO eoffice_outbox (source_type, source_id, source_ref, kind, subject) VALUES ('dak_receipt', $1, $2, 'DAK_TEST_EXTRA', 'extra') RETURNING id`, [dak.body.id, dak.body.ref])).rows[0].id;
          await db.query(
            `UPDATE eoffice_outbox SET next_attempt_at = now() + interval '1 day',
               status = CASE $2 WHEN 'P' THEN 'PENDING' WHEN 'F' THEN 'FAILED' WHEN 'C' THEN 'CANCELLED' ELSE 'DELIVERED' END,
               eoffice_ref = CASE WHEN $2 = 'D' THEN $3 END, channel_ref = CASE WHEN $2 = 'S' THEN $3 END,
               delivered_at = CASE WHEN $2 IN ('D','S') THEN now() END,
               last_error = CASE WHEN $2 = 'F' THEN 'rejected: kind too long' END, cancel_reason = CASE WHEN $2 = 'C' THEN 'entered twice' END
             WHERE id = $1`,
            [row, state, `${9000 + i * 10 + n}/2026/TEST`],
          );
        }
      });
    }

    for (const [i, c] of cases.entries()) {
      const dak = await get(`/dak/${ids[i]}`);
      expect([c.items.join(''), dak.eofficeStatus]).toEqual([c.items.join(''), c.expected]);
      expect(dak.eofficeRef).toBe(c.items[0] === 'D' ? `${9000 + i * 10}/2026/TEST` : null);
      expect(dak.eofficeSync.items).toBe(c.items.length);
    }
    const failed = await get(`/dak/${ids[cases.findIndex((c) => c.items.join('') === 'F')]}`);
    expect(failed.eofficeReason).toBe('rejected: kind too long');

    const ours = new Set(ids);
    for (const status of new Set(cases.map((c) => c.expected))) {
      const listed = (await get(`/dak?eofficeStatus=${status}&limit=500`)).items.filter((d: { id: string }) => ours.has(d.id));
      const expected = ids.filter((_, i) => cases[i]!.expected === status);
      expect([status, listed.map((d: { id: string }) => d.id).sort()]).toEqual([status, [...expected].sort()]);
      expect(listed.every((d: SyncFields) => d.eofficeStatus === status)).toBe(true);
    }
    await t.http.get('/api/v1/dak?eofficeStatus=LOST').auth(desk, { type: 'bearer' }).expect(400);
  });
});
