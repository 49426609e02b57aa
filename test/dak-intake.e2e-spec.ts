import { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/platform/change';
import { fixedClock } from '../src/platform/time';
import { DakService } from '../src/modules/dak';
import { dakBody, dakPdf, dakUser, DakUser, SCAN_JPEG, SCAN_PNG } from './support/dak';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Dak intake: diarising by hand (numbered, queued for e-Office, marked at once when asked),
 * diarising from e-mail inside the mail poller's change (waiting for the clerk, its attachments
 * as scans by content), Top Secret kept off the wire, scans checked by content, bad input named.
 */
describe('dak register: diarising (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let desk: DakUser;
  let officer: DakUser;
  // 15:00 IST on 1 Dec 2026.
  const clock = fixedClock('2026-12-01T09:30:00Z');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (body: unknown, token = desk.token) => t.http.post('/api/v1/dak').set(auth(token)).send(body as object);
  const outboxOf = async (id: string) => db.query(`SELECT kind, grading FROM eoffice_outbox WHERE source_type = 'dak_receipt' AND source_id = $1 ORDER BY seq`, [id]);

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    db = t.app.get(DataSource);
    desk = await dakUser(t, ['CONTROL_ROOM']);
    officer = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'ravi');
  });
  afterAll(() => t.close());

  it('numbers a letter DAK/<year>/<6 digits>, reads its language from the script and queues its e-Office diarisation', async () => {
    const res = await post(dakBody()).expect(201);
    expect(res.body).toMatchObject({ status: 'DIARISED', language: 'hi', priority: 'NORMAL', grading: 'NORMAL', eofficeStatus: 'PENDING_SYNC', dueAt: null, overdue: false });
    expect(res.body.ref).toMatch(/^DAK\/2026\/\d{6}$/);
    expect(res.body.holderUnit.code).toBe('BPL');
    expect(res.body.holderUser).toBeNull();
    expect(res.body.allowedActions).toEqual(['mark', 'close']);
    expect(res.body.movements.map((m: { seq: number; action: string }) => [m.seq, m.action])).toEqual([[1, 'diarise']]);
    expect(await outboxOf(res.body.id)).toEqual([{ kind: 'DAK_INWARD', grading: 'NORMAL' }]);
  });

  it('marks it at intake to an officer, due by the priority: IMMEDIATE marked on 1 Dec is due by the end of 2 Dec IST', async () => {
    const res = await post(dakBody({ subject: 'VIP visit: route survey report', priority: 'IMMEDIATE', markedToUser: officer.username, instruction: 'Examine and report' })).expect(201);
    expect(res.body).toMatchObject({ status: 'MARKED', language: 'en', priority: 'IMMEDIATE', dueAt: '2026-12-02T18:30:00.000Z', markedAt: '2026-12-01T09:30:00.000Z' });
    expect(res.body.holderUnit.code).toBe('TT_NAGAR');
    expect(res.body.holderUser.id).toBe(officer.id);
    const [, mark] = res.body.movements;
    expect(mark).toMatchObject({ seq: 2, action: 'mark', fromStatus: 'DIARISED', toStatus: 'MARKED', instruction: 'Examine and report', dueAt: '2026-12-02T18:30:00.000Z' });
    expect(mark.toUser.id).toBe(officer.id);
    expect(mark.fromUnit.code).toBe('BPL');
  });

  it('keeps a Top Secret item off the wire: it is on the register, never in the outbox', async () => {
    const res = await post(dakBody({ grading: 'TOP_SECRET', markedTo: 'TT_NAGAR' })).expect(201);
    expect(res.body).toMatchObject({ grading: 'TOP_SECRET', eofficeStatus: 'NOT_REQUIRED', status: 'MARKED' });
    expect(await outboxOf(res.body.id)).toEqual([]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [res.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['dak.kept_off_eoffice', 'dak.received']));
  });

  it('answers its diarisation with what a read of the item answers', async () => {
    // The answer is built from the rows the change wrote, not read back: it must not differ.
    for (const body of [dakBody(), dakBody({ priority: 'URGENT', markedToUser: officer.username, instruction: 'Report by noon' }), dakBody({ grading: 'SECRET', markedTo: 'TT_NAGAR' })]) {
      const created = await post(body).expect(201);
      const read = await t.http.get(`/api/v1/dak/${created.body.id}`).set(auth(desk.token)).expect(200);
      expect(created.body).toEqual(read.body);
    }
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = Number((await db.query(`SELECT count(*) FROM dak_receipt`))[0].count);
    const bad = await post(dakBody({ priority: 'HIGH', language: 'fr', grading: 'RESTRICTED' })).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['grading', 'language', 'priority']);
    const nobody = await post(dakBody({ markedToUser: 'no.such.officer' })).expect(400);
    expect(nobody.body.fields).toEqual([{ field: 'markedToUser', message: expect.stringContaining('not an active user') }]);
    const wrongUnit = await post(dakBody({ markedTo: 'MP_NAGAR', markedToUser: officer.username })).expect(400);
    expect(wrongUnit.body.fields[0].field).toBe('markedToUser');
    const unit = await post(dakBody({ markedTo: 'NO_SUCH_UNIT' })).expect(400);
    expect(unit.body.fields[0].field).toBe('markedTo');
    expect(Number((await db.query(`SELECT count(*) FROM dak_receipt`))[0].count)).toBe(before);
  });

  describe('from e-mail', () => {
    const mail = (over: Record<string, unknown> = {}) => ({
      subject: 'Request for bandobast at the Ijtema',
      senderName: 'Collector Bhopal',
      senderOffice: 'Collectorate, Bhopal',
      receivedAt: new Date('2026-12-01T08:00:00Z'),
      language: 'en' as const,
      scans: [
        { filename: 'letter.pdf', contentType: 'application/pdf', bytes: dakPdf('Request for bandobast') },
        { filename: 'map.png', contentType: 'image/png', bytes: SCAN_PNG },
        // Named and typed as a PDF, but it is not one by its content.
        { filename: 'annexure.pdf', contentType: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') },
        { filename: 'minutes.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.from('PK\x03\x04') },
      ],
      remarks: 'Message-ID <abc@collector.mp.gov.in>',
      ...over,
    });
    const diarise = (m = mail()) => t.app.get(UnitOfWork).run((change) => t.app.get(DakService).diariseFromMail(change, m));

    it('diarises it in the caller’s change, waiting for the clerk’s confirmation in the clerks’ unit, its PDF and PNG as scans', async () => {
      const dak = await diarise();
      expect(dak).toMatchObject({ status: 'AWAITING_CONFIRMATION', intakeChannel: 'EMAIL', grading: 'NORMAL', createdBy: null });
      expect(dak.ref).toMatch(/^DAK\/2026\/\d{6}$/);
      const res = await t.http.get(`/api/v1/dak/${dak.id}`).set(auth(desk.token)).expect(200);
      expect(res.body).toMatchObject({ status: 'AWAITING_CONFIRMATION', eofficeStatus: 'NOT_REQUIRED', allowedActions: ['confirm', 'close'], createdBy: null });
      expect(res.body.holderUnit.code).toBe('BPL');
      expect(res.body.scans.map((s: { filename: string; contentType: string }) => [s.filename, s.contentType])).toEqual([
        ['letter.pdf', 'application/pdf'],
        ['map.png', 'image/png'],
      ]);
      expect(res.body.remarks).toBe('Message-ID <abc@collector.mp.gov.in>\nAttachments not kept as scans (not a PDF, JPEG or PNG of at most 10 MB by content): annexure.pdf, minutes.docx');
      // e-Office gets it at the clerk's confirmation, with the confirmed grading.
      expect(await outboxOf(dak.id)).toEqual([]);
      expect(res.body.movements).toMatchObject([{ seq: 1, action: 'diarise', toStatus: 'AWAITING_CONFIRMATION', actor: null }]);
      const pdf = await t.http.get(`/api/v1/dak/${dak.id}/scans/${res.body.scans[0].id}`).set(auth(desk.token)).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['x-content-sha256']).toBe(res.body.scans[0].sha256);
    });

    it('goes to e-Office at the clerk’s confirmation with the confirmed grading, marked in the same step', async () => {
      const dak = await diarise(mail({ subject: 'Intelligence input: gathering at the Minto Hall', scans: [] }));
      const officerOnly = await t.http.post(`/api/v1/dak/${dak.id}/confirm`).set(auth(officer.token)).send({ version: dak.version, grading: 'SECRET' }).expect(403);
      expect(officerOnly.body.message).toMatch(/CONTROL_ROOM, ADMIN/);
      const missing = await t.http.post(`/api/v1/dak/${dak.id}/confirm`).set(auth(desk.token)).send({ version: dak.version }).expect(400);
      expect(missing.body.fields[0].field).toBe('grading');
      const res = await t.http
        .post(`/api/v1/dak/${dak.id}/confirm`)
        .set(auth(desk.token))
        .send({ version: dak.version, grading: 'SECRET', priority: 'URGENT', toUser: officer.username, instruction: 'Keep watch' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'MARKED', grading: 'SECRET', priority: 'URGENT', eofficeStatus: 'PENDING_SYNC', dueAt: '2026-12-04T18:30:00.000Z' });
      expect(res.body.movements.map((m: { action: string; toStatus: string }) => [m.action, m.toStatus])).toEqual([
        ['diarise', 'AWAITING_CONFIRMATION'],
        ['confirm', 'DIARISED'],
        ['mark', 'MARKED'],
      ]);
      expect(await outboxOf(dak.id)).toEqual([{ kind: 'DAK_INWARD', grading: 'SECRET' }]);
      const [{ metadata }] = await db.query(`SELECT metadata FROM eoffice_outbox WHERE source_id = $1`, [dak.id]);
      expect(metadata).toMatchObject({ markedTo: 'TT_NAGAR', priority: 'URGENT', language: 'en' });
      const again = await t.http.post(`/api/v1/dak/${dak.id}/confirm`).set(auth(desk.token)).send({ version: res.body.version, grading: 'SECRET' }).expect(409);
      expect(again.body).toMatchObject({ state: 'MARKED', action: 'confirm' });
    });

    it('rolls back with the caller’s change: nothing of a failed poll stays', async () => {
      const before = Number((await db.query(`SELECT count(*) FROM dak_receipt`))[0].count);
      await expect(
        t.app.get(UnitOfWork).run(async (change) => {
          await t.app.get(DakService).diariseFromMail(change, mail());
          throw new Error('the poller crashed before marking the message taken');
        }),
      ).rejects.toThrow('crashed');
      expect(Number((await db.query(`SELECT count(*) FROM dak_receipt`))[0].count)).toBe(before);
    });

    it('names a mail with no subject and dates one from a clock ahead of ours today', async () => {
      const dak = await diarise(mail({ subject: '  ', receivedAt: new Date('2026-12-05T00:00:00Z'), scans: [] }));
      expect(dak.subject).toBe('(बिना विषय / no subject)');
      expect(dak.receivedAt.toISOString()).toBe('2026-12-01T09:30:00.000Z');
      expect(dak.remarks).toBe('Message-ID <abc@collector.mp.gov.in>');
    });
  });

  describe('scans', () => {
    it('takes PDF, JPEG and PNG by content from the holder, once each, and refuses anything else naming the file', async () => {
      const dak = (await post(dakBody({ markedToUser: officer.username })).expect(201)).body;
      const add = (bytes: Buffer, name: string, token = officer.token) => t.http.post(`/api/v1/dak/${dak.id}/scans`).set(auth(token)).attach('file', bytes, name);
      await add(dakPdf('page one'), 'page1.pdf').expect(201);
      await add(SCAN_JPEG, 'photo.jpg').expect(201);
      const again = await add(SCAN_JPEG, 'photo-again.jpg').expect(201);
      expect(again.body.scans.map((s: { contentType: string }) => s.contentType)).toEqual(['application/pdf', 'image/jpeg']);
      const fake = await add(Buffer.from('just some text, named as a PDF'), 'letter.pdf').expect(400);
      expect(fake.body.fields).toEqual([{ field: 'file', message: expect.stringContaining('checked by its content') }]);
      // Not its holder: another officer of the thana, to whom it was not marked.
      const other = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'mohan');
      await add(SCAN_PNG, 'x.png', other.token).expect(404);
    });

    it('audits the download of a graded item’s scan', async () => {
      const dak = (await post(dakBody({ grading: 'SECRET', markedToUser: officer.username })).expect(201)).body;
      const added = await t.http.post(`/api/v1/dak/${dak.id}/scans`).set(auth(officer.token)).attach('file', dakPdf('secret'), 'secret.pdf').expect(201);
      await t.http.get(`/api/v1/dak/${dak.id}/scans/${added.body.scans[0].id}`).set(auth(officer.token)).expect(200);
      const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'dak.scan_downloaded'`, [dak.id]);
      expect(audit).toHaveLength(1);
    });
  });
});
