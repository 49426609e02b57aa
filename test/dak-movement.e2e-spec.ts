import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { fixedClock } from '../src/platform/time';
import { dakBody, dakUser, DakUser } from './support/dak';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Dak movement: a receipt marked, received and forwarded across three holders and closed, the
 * history append-only; illegal actions 409 naming the allowed ones; files; reopening; the
 * holder's inbox ordered by urgency then age, with its overdue flag across IST midnight.
 */
describe('dak register: marking and movement (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let desk: DakUser;
  let ttOfficer: DakUser;
  let ttColleague: DakUser;
  let acp: DakUser;
  let mpOfficer: DakUser;
  let poppler: Poppler;
  // 15:00 IST on 1 Dec 2026.
  const clock = fixedClock('2026-12-01T09:30:00Z');
  const auth = (u: DakUser) => ({ Authorization: `Bearer ${u.token}` });
  const diarise = async (over: Record<string, unknown> = {}) => (await t.http.post('/api/v1/dak').set(auth(desk)).send(dakBody(over)).expect(201)).body;
  const act = (u: DakUser, id: string, action: string, body: Record<string, unknown>) => t.http.post(`/api/v1/dak/${id}/${action}`).set(auth(u)).send(body);
  const get = async (u: DakUser, id: string) => (await t.http.get(`/api/v1/dak/${id}`).set(auth(u)).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    poppler = await Poppler.create();
    db = t.app.get(DataSource);
    desk = await dakUser(t, ['CONTROL_ROOM']);
    ttOfficer = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'ravi');
    ttColleague = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'mohan');
    acp = await dakUser(t, ['APPROVER'], 'ACP_TT_NAGAR');
    mpOfficer = await dakUser(t, ['OFFICER'], 'MP_NAGAR');
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
  });

  it('moves a receipt across three holders, each step in its append-only history, and closes it', async () => {
    let d = await diarise();
    d = (await act(desk, d.id, 'mark', { version: d.version, toUnit: 'TT_NAGAR', instruction: 'Verify the applicants', priority: 'URGENT' }).expect(200)).body;
    expect(d).toMatchObject({ status: 'MARKED', holderUser: null, dueAt: '2026-12-04T18:30:00.000Z', allowedActions: [] });
    expect(d.holderUnit.code).toBe('TT_NAGAR');
    // Any officer of the thana may take it; one does by receiving it.
    expect((await get(ttColleague, d.id)).allowedActions).toEqual(['receive']);
    d = (await act(ttOfficer, d.id, 'receive', { version: d.version }).expect(200)).body;
    expect(d).toMatchObject({ status: 'RECEIVED', allowedActions: ['forward', 'reply', 'putInFile', 'close'] });
    expect(d.holderUser.id).toBe(ttOfficer.id);
    expect((await get(ttColleague, d.id)).allowedActions).toEqual([]);
    clock.set('2026-12-02T05:00:00Z');
    d = (await act(ttOfficer, d.id, 'forward', { version: d.version, toUser: acp.username, instruction: 'For your orders' }).expect(200)).body;
    expect(d).toMatchObject({ status: 'MARKED', markedAt: '2026-12-02T05:00:00.000Z', dueAt: '2026-12-05T18:30:00.000Z' });
    expect(d.holderUser.id).toBe(acp.id);
    d = (await act(acp, d.id, 'receive', { version: d.version }).expect(200)).body;
    d = (await act(acp, d.id, 'forward', { version: d.version, toUser: mpOfficer.username, instruction: 'Report on the venue' }).expect(200)).body;
    d = (await act(mpOfficer, d.id, 'receive', { version: d.version }).expect(200)).body;
    d = (
      await act(mpOfficer, d.id, 'reply', {
        version: d.version,
        recipient: 'सचिव, भोपाल व्यापारी संघ, न्यू मार्केट, भोपाल',
        body: 'अंबेडकर पार्क में 05-12-2026 को 11:00 से 16:00 तक धरने की अनुमति संलग्न शर्तों पर दी जाती है।',
      }).expect(200)
    ).body;
    const [reply] = d.replies;
    expect(reply).toMatchObject({ subject: 'Reply: धरना-प्रदर्शन की अनुमति हेतु आवेदन', eofficeStatus: 'PENDING_SYNC' });
    expect(reply.ref).toMatch(/^DAK-OUT\/2026\/\d{6}$/);
    expect(d.status).toBe('RECEIVED');
    // Sent to e-Office in the same change, after the item's own diarisation, with the PDF.
    const outbox = await db.query(`SELECT kind, source_ref, document_id FROM eoffice_outbox WHERE source_id = $1 ORDER BY seq`, [d.id]);
    expect(outbox).toEqual([
      { kind: 'DAK_INWARD', source_ref: d.ref, document_id: null },
      { kind: 'DAK_REPLY', source_ref: reply.ref, document_id: reply.documentId },
    ]);
    const pdf = await t.http.get(`/api/v1/dak/${d.id}/replies/${reply.id}/pdf`).set(auth(mpOfficer)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const text = (await poppler.pagesText(pdf.body as Buffer)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(reply.ref);
    expect(text).toContain('धरने की अनुमति');
    expect(text).toContain(`77/BTA/2026 dated 28-11-2026, received here and diarised as ${d.ref}`);
    const verify = (await t.http.get(new URL(reply.verifyUrl).pathname).set('Accept', 'application/json').expect(200)).body;
    expect(verify).toMatchObject({ status: 'valid', reference: reply.ref });
    d = (await act(mpOfficer, d.id, 'close', { version: d.version, reason: 'Venue report sent to the ACP' }).expect(200)).body;
    expect(d).toMatchObject({ status: 'CLOSED', closedReason: 'Venue report sent to the ACP', allowedActions: ['reopen'] });

    const steps = d.movements.map((m: { seq: number; action: string; toStatus: string; fromUser: { id: string } | null; toUnit: { code: string }; toUser: { id: string } | null; actor: { id: string } }) => [
      m.seq,
      m.action,
      m.toStatus,
      m.toUnit.code,
      m.toUser?.id ?? null,
      m.actor.id,
    ]);
    expect(steps).toEqual([
      [1, 'diarise', 'DIARISED', 'BPL', null, desk.id],
      [2, 'mark', 'MARKED', 'TT_NAGAR', null, desk.id],
      [3, 'receive', 'RECEIVED', 'TT_NAGAR', ttOfficer.id, ttOfficer.id],
      [4, 'forward', 'MARKED', 'ACP_TT_NAGAR', acp.id, ttOfficer.id],
      [5, 'receive', 'RECEIVED', 'ACP_TT_NAGAR', acp.id, acp.id],
      [6, 'forward', 'MARKED', 'MP_NAGAR', mpOfficer.id, acp.id],
      [7, 'receive', 'RECEIVED', 'MP_NAGAR', mpOfficer.id, mpOfficer.id],
      [8, 'reply', 'RECEIVED', 'MP_NAGAR', mpOfficer.id, mpOfficer.id],
      [9, 'close', 'CLOSED', 'MP_NAGAR', mpOfficer.id, mpOfficer.id],
    ]);
    expect(d.movements[3]).toMatchObject({ instruction: 'For your orders', dueAt: '2026-12-05T18:30:00.000Z', fromStatus: 'RECEIVED' });
    expect(d.movements[3].fromUser.id).toBe(ttOfficer.id);
    expect(d.movements[7].note).toBe(reply.ref);
    expect(d.movements[8].note).toBe('Venue report sent to the ACP');
    const audited = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [d.id]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['dak.received', 'dak.mark', 'dak.receive', 'dak.forward', 'dak.reply', 'dak.close']),
    );
    // The history cannot be rewritten: not by the app's role, nor by the owner of the schema.
    await expect(db.query(`UPDATE dak_movement SET note = 'changed' WHERE receipt_id = $1`, [d.id])).rejects.toThrow(/permission denied/);
    const owner = new Client({ connectionString: t.databaseUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE dak_movement SET note = 'changed' WHERE receipt_id = $1`, [d.id])).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM dak_movement WHERE receipt_id = $1`, [d.id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    clock.set('2026-12-01T09:30:00Z');
  });

  it('refuses an illegal action with 409 naming what the user may do, a stale version with 409, and a wrong marking naming the field', async () => {
    const d = await diarise({ markedTo: 'TT_NAGAR' });
    const early = await act(ttOfficer, d.id, 'close', { version: d.version, reason: 'Nothing to do here' }).expect(409);
    expect(early.body).toMatchObject({ state: 'MARKED', action: 'close', allowed: ['receive'] });
    expect(early.body.message).toContain(`${d.ref} is MARKED: close (to CLOSED) is not possible; you may: receive`);
    const stale = await act(ttOfficer, d.id, 'receive', { version: d.version + 1 }).expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
    const got = (await act(ttOfficer, d.id, 'receive', { version: d.version }).expect(200)).body;
    // Taken by one officer: the other may see it but not act on it.
    const other = await act(ttColleague, d.id, 'forward', { version: got.version, toUnit: 'MP_NAGAR' }).expect(409);
    expect(other.body).toMatchObject({ state: 'RECEIVED', allowed: [] });
    expect(other.body.message).toContain('only the holder');
    const nowhere = await act(ttOfficer, d.id, 'forward', { version: got.version }).expect(400);
    expect(nowhere.body.fields[0].field).toBe('toUnit');
    const self = await act(ttOfficer, d.id, 'forward', { version: got.version, toUser: ttOfficer.username }).expect(400);
    expect(self.body.fields[0]).toMatchObject({ field: 'toUser', message: expect.stringContaining('already held there') });
    const bad = await act(ttOfficer, d.id, 'forward', { version: got.version, toUnit: 'TT_NAGAR', priority: 'SOON', dueAt: 'tomorrow' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dueAt', 'priority']);
    // The auditor reads the register but holds nothing.
    const auditor = await dakUser(t, ['AUDITOR']);
    await act(auditor, d.id, 'receive', { version: got.version }).expect(403);
  });

  it('puts a receipt into a file that lists it, and reopens a closed one with the reason', async () => {
    const file = (await t.http.post('/api/v1/dak/files').set(auth(ttOfficer)).send({ subjectHead: 'धरना-प्रदर्शन अनुमति / Protest permissions' }).expect(201)).body;
    expect(file.ref).toMatch(/^FILE\/2026\/\d{6}$/);
    expect(file.unit.code).toBe('TT_NAGAR');
    let d = await diarise({ markedToUser: ttOfficer.username });
    d = (await act(ttOfficer, d.id, 'receive', { version: d.version }).expect(200)).body;
    d = (await act(ttOfficer, d.id, 'put-in-file', { version: d.version, fileId: file.id }).expect(200)).body;
    expect(d.file).toEqual({ id: file.id, ref: file.ref, subjectHead: file.subjectHead });
    expect(d.status).toBe('RECEIVED');
    const listed = (await t.http.get(`/api/v1/dak/files/${file.id}`).set(auth(ttOfficer)).expect(200)).body;
    expect(listed.receipts.map((r: { ref: string }) => r.ref)).toEqual([d.ref]);
    expect((await t.http.get('/api/v1/dak/files').set(auth(ttOfficer)).expect(200)).body.items.map((f: { id: string }) => f.id)).toContain(file.id);
    // Another zone's officer does not see the thana's file.
    await t.http.get(`/api/v1/dak/files/${file.id}`).set(auth(mpOfficer)).expect(404);
    const mpFile = (await t.http.post('/api/v1/dak/files').set(auth(mpOfficer)).send({ subjectHead: 'Venues' }).expect(201)).body;
    const foreign = await act(ttOfficer, d.id, 'put-in-file', { version: d.version, fileId: mpFile.id }).expect(400);
    expect(foreign.body.fields[0].field).toBe('fileId');
    const noUnit = await t.http.post('/api/v1/dak/files').set(auth(ttOfficer)).send({ subjectHead: 'Venues', unit: 'MP_NAGAR' }).expect(400);
    expect(noUnit.body.fields[0].field).toBe('unit');

    d = (await act(ttOfficer, d.id, 'close', { version: d.version, reason: 'Permission letter issued' }).expect(200)).body;
    const short = await act(ttOfficer, d.id, 'reopen', { version: d.version }).expect(400);
    expect(new Set(short.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['reason']));
    d = (await act(ttOfficer, d.id, 'reopen', { version: d.version, reason: 'The applicant wrote again' }).expect(200)).body;
    expect(d).toMatchObject({ status: 'RECEIVED', closedReason: null });
    expect(d.holderUser.id).toBe(ttOfficer.id);
    expect(d.movements.at(-1)).toMatchObject({ action: 'reopen', fromStatus: 'CLOSED', toStatus: 'RECEIVED', note: 'The applicant wrote again' });
    const [audit] = await db.query(`SELECT diff FROM audit_log WHERE entity_id = $1 AND action = 'dak.reopen'`, [d.id]);
    expect(audit.diff).toMatchObject({ reason: 'The applicant wrote again', closedReason: 'Permission letter issued' });
  });

  it('shows the holder’s inbox most urgent first, then oldest, overdue from 00:00 IST after the due day', async () => {
    const inspector = await dakUser(t, ['OFFICER'], 'KAMLA_NAGAR', 'inbox');
    const at = async (iso: string, priority: string, subject: string) => {
      clock.set(iso);
      return diarise({ subject, priority, markedTo: 'KAMLA_NAGAR' });
    };
    // Marked on 1 Dec at 10:00, 11:00 and 12:00 IST, and one IMMEDIATE on 2 Dec at 09:00 IST.
    const normalOld = await at('2026-12-01T04:30:00Z', 'NORMAL', 'Normal, marked first');
    const urgent = await at('2026-12-01T05:30:00Z', 'URGENT', 'Urgent');
    const normalNew = await at('2026-12-01T06:30:00Z', 'NORMAL', 'Normal, marked later');
    const immediate = await at('2026-12-02T03:30:00Z', 'IMMEDIATE', 'Immediate');
    // Taken by an officer of the thana: it leaves the unit's inbox for his.
    const taken = await at('2026-12-01T04:00:00Z', 'IMMEDIATE', 'Taken');
    await act(ttOfficer, taken.id, 'receive', { version: taken.version }).expect(404);
    const other = await dakUser(t, ['OFFICER'], 'KAMLA_NAGAR', 'taker');
    await act(other, taken.id, 'receive', { version: taken.version }).expect(200);

    const inbox = async (iso: string) => {
      clock.set(iso);
      const res = await t.http.get('/api/v1/dak/inbox').set(auth(inspector)).expect(200);
      return res.body.items.map((d: { ref: string; overdue: boolean }) => [d.ref, d.overdue]);
    };
    // 23:59 IST on 3 Dec: the IMMEDIATE item (due by the end of 3 Dec) is not overdue yet.
    expect(await inbox('2026-12-03T18:29:00Z')).toEqual([
      [immediate.ref, false],
      [urgent.ref, false],
      [normalOld.ref, false],
      [normalNew.ref, false],
    ]);
    // 00:00 IST on 4 Dec: it is.
    expect(await inbox('2026-12-03T18:30:00Z')).toEqual([
      [immediate.ref, true],
      [urgent.ref, false],
      [normalOld.ref, false],
      [normalNew.ref, false],
    ]);
    // The URGENT one, marked on 1 Dec, is overdue from 00:00 IST on 5 Dec.
    expect((await inbox('2026-12-04T18:30:00Z'))[1]).toEqual([urgent.ref, true]);
    const mine = (await t.http.get('/api/v1/dak/inbox').set(auth(other)).expect(200)).body.items.map((d: { ref: string }) => d.ref);
    expect(mine).toEqual([taken.ref, immediate.ref, urgent.ref, normalOld.ref, normalNew.ref]);
    clock.set('2026-12-01T09:30:00Z');
  });
});
