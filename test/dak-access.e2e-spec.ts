import { DataSource } from 'typeorm';
import { fixedClock } from '../src/platform/time';
import { dakBody, dakPdf, dakUser, DakUser } from './support/dak';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Need-to-know on the dak register: a Confidential, Secret or Top Secret item is seen only by the
 * holders in its movement chain, their superiors in the unit tree and ADMIN; everyone else gets
 * 404 by every path (the item, the list, the inbox, scans, files, actions), and every view of a
 * graded item is audited. A NORMAL item stays in the register's unit scope, and its holders see it.
 */
describe('dak register: need-to-know (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let desk: DakUser;
  let holder: DakUser;
  let colleague: DakUser;
  let acp: DakUser;
  let zone1: DakUser;
  let zone2: DakUser;
  let mpOfficer: DakUser;
  let kamla: DakUser;
  let auditor: DakUser;
  let admin: DakUser;
  const clock = fixedClock('2026-12-01T09:30:00Z');
  const auth = (u: DakUser) => ({ Authorization: `Bearer ${u.token}` });
  const status = async (u: DakUser, path: string) => (await t.http.get(`/api/v1${path}`).set(auth(u))).status;
  const listed = async (u: DakUser, id: string) => ((await t.http.get('/api/v1/dak?limit=500').set(auth(u)).expect(200)).body.items as Array<{ id: string }>).some((d) => d.id === id);
  const views = async (id: string) => (await db.query(`SELECT diff->>'via' AS via FROM audit_log WHERE entity_id = $1 AND action = 'dak.viewed' ORDER BY id`, [id])).map((r: { via: string }) => r.via);

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    db = t.app.get(DataSource);
    desk = await dakUser(t, ['CONTROL_ROOM'], 'BPL');
    holder = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'holder');
    colleague = await dakUser(t, ['OFFICER'], 'TT_NAGAR', 'colleague');
    acp = await dakUser(t, ['APPROVER'], 'ACP_TT_NAGAR');
    zone1 = await dakUser(t, ['APPROVER'], 'ZONE_1');
    zone2 = await dakUser(t, ['APPROVER'], 'ZONE_2');
    mpOfficer = await dakUser(t, ['OFFICER'], 'MP_NAGAR');
    kamla = await dakUser(t, ['OFFICER'], 'KAMLA_NAGAR');
    // Commissionerate-wide for the register, but not above any holder here.
    auditor = await dakUser(t, ['AUDITOR'], 'KAMLA_NAGAR');
    admin = await dakUser(t, ['ADMIN'], 'ZONE_2', 'admin');
  });
  afterAll(() => t.close());

  it('shows a Secret item only to its chain of holders, their superiors and ADMIN: 404 by every path for the rest', async () => {
    const d = (await t.http.post('/api/v1/dak').set(auth(desk)).send(dakBody({ subject: 'Intelligence input', grading: 'SECRET', markedToUser: holder.username })).expect(201)).body;
    const scan = (await t.http.post(`/api/v1/dak/${d.id}/scans`).set(auth(holder)).attach('file', dakPdf('input'), 'input.pdf').expect(201)).body.scans[0];
    const file = (await t.http.post('/api/v1/dak/files').set(auth(holder)).send({ subjectHead: 'Intelligence' }).expect(201)).body;
    let v = (await t.http.post(`/api/v1/dak/${d.id}/receive`).set(auth(holder)).send({ version: d.version }).expect(200)).body;
    v = (await t.http.post(`/api/v1/dak/${d.id}/put-in-file`).set(auth(holder)).send({ version: v.version, fileId: file.id }).expect(200)).body;

    for (const u of [holder, acp, zone1, desk, admin]) {
      expect([u.username, await status(u, `/dak/${d.id}`)]).toEqual([u.username, 200]);
      expect([u.username, await listed(u, d.id)]).toEqual([u.username, true]);
    }
    for (const u of [colleague, zone2, mpOfficer, kamla, auditor]) {
      expect([u.username, await status(u, `/dak/${d.id}`)]).toEqual([u.username, 404]);
      expect([u.username, await status(u, `/dak/${d.id}/scans/${scan.id}`)]).toEqual([u.username, 404]);
      expect([u.username, await listed(u, d.id)]).toEqual([u.username, false]);
      const acting = await t.http.post(`/api/v1/dak/${d.id}/close`).set(auth(u)).send({ version: v.version, reason: 'Not mine to close' });
      expect([u.username, acting.status]).toEqual([u.username, u === auditor ? 403 : 404]);
    }
    // The file is the thana's: its colleague sees the file but not the Secret receipt in it.
    const inFile = (await t.http.get(`/api/v1/dak/files/${file.id}`).set(auth(colleague)).expect(200)).body;
    expect(inFile.receipts).toEqual([]);
    expect((await t.http.get(`/api/v1/dak/files/${file.id}`).set(auth(acp)).expect(200)).body.receipts.map((r: { id: string }) => r.id)).toEqual([d.id]);

    // Forwarded to another zone: its officer and his superiors now see it; the first holder still does.
    await t.http.post(`/api/v1/dak/${d.id}/forward`).set(auth(holder)).send({ version: v.version, toUser: mpOfficer.username }).expect(200);
    for (const u of [mpOfficer, zone2, holder]) expect([u.username, await status(u, `/dak/${d.id}`)]).toEqual([u.username, 200]);
    expect(await status(auditor, `/dak/${d.id}`)).toBe(404);
    const inbox = (await t.http.get('/api/v1/dak/inbox').set(auth(mpOfficer)).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(inbox).toEqual([d.id]);
    await t.http.get(`/api/v1/dak/${d.id}/scans/${scan.id}`).set(auth(mpOfficer)).expect(200);

    // Its reply is a confidential paper: served under the item's need-to-know, its verify page showing nothing of it.
    const got = (await t.http.post(`/api/v1/dak/${d.id}/receive`).set(auth(mpOfficer)).send({ version: (await t.http.get(`/api/v1/dak/${d.id}`).set(auth(mpOfficer))).body.version }).expect(200)).body;
    const reply = (await t.http.post(`/api/v1/dak/${d.id}/reply`).set(auth(mpOfficer)).send({ version: got.version, recipient: 'DCP (Intelligence), Bhopal', body: 'Report enclosed.' })).body;
    expect([reply.statusCode, reply.message, reply.fields]).toEqual([undefined, undefined, undefined]);
    expect(reply.replies).toHaveLength(1);
    await t.http.get(`/api/v1/dak/${d.id}/replies/${reply.replies[0].id}/pdf`).set(auth(mpOfficer)).expect(200);
    await t.http.get(`/api/v1/dak/${d.id}/replies/${reply.replies[0].id}/pdf`).set(auth(auditor)).expect(404);
    const page = (await t.http.get(new URL(reply.replies[0].verifyUrl).pathname).set('Accept', 'application/json').expect(200)).body;
    expect(page).toMatchObject({ status: 'valid', confidential: true });
    expect(JSON.stringify(page)).not.toContain(d.ref);
    const [{ grading }] = await db.query(`SELECT grading FROM eoffice_outbox WHERE source_id = $1 AND kind = 'DAK_REPLY'`, [d.id]);
    expect(grading).toBe('SECRET');
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'dak.reply_downloaded'`, [d.id]))[0].n).toBe(1);

    const seen = await views(d.id);
    expect(new Set(seen)).toEqual(new Set(['get', 'list', 'file', 'inbox']));
    const downloads = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'dak.scan_downloaded'`, [d.id]);
    expect(downloads[0].n).toBe(1);
  });

  it('keeps a NORMAL item in the register’s unit scope, plus its holders, and does not audit its views', async () => {
    const d = (await t.http.post('/api/v1/dak').set(auth(desk)).send(dakBody({ markedTo: 'TT_NAGAR' })).expect(201)).body;
    for (const u of [auditor, zone2, colleague, holder, acp]) expect([u.username, await status(u, `/dak/${d.id}`)]).toEqual([u.username, 200]);
    // An officer of another thana reads no register and never held it.
    expect(await status(kamla, `/dak/${d.id}`)).toBe(404);
    expect(await listed(kamla, d.id)).toBe(false);
    expect(await views(d.id)).toEqual([]);
  });

  it('keeps a Top Secret item from a commissionerate-wide auditor too', async () => {
    const d = (await t.http.post('/api/v1/dak').set(auth(desk)).send(dakBody({ grading: 'TOP_SECRET', markedTo: 'MP_NAGAR' })).expect(201)).body;
    expect(await status(mpOfficer, `/dak/${d.id}`)).toBe(200);
    expect(await status(zone2, `/dak/${d.id}`)).toBe(200);
    expect(await status(auditor, `/dak/${d.id}`)).toBe(404);
    expect(await status(zone1, `/dak/${d.id}`)).toBe(404);
  });
});
