import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditChainer } from '../src/platform/audit/audit-chainer';
import { DocumentsService } from '../src/platform/documents';
import { RetentionService } from '../src/platform/retention/retention.service';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { fixedClock } from '../src/platform/time';
import { waitFor } from './support/databases';
import { fetchBinary } from './support/duty-charts';
import { fastEofficeEnv } from './support/eoffice';
import { dakBody, dakUser, SCAN_PNG } from './support/dak';
import { applicationBody, createApplication, driveTo, protestActors, ProtestActors, ProtestView, seedVenues, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';
import { reportedVerification, seedLocalities, verificationActors, VerificationActors } from './support/verifications';

const DAY_MS = 86_400_000;
const bearer = { type: 'bearer' as const };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface RuleReport {
  recordType: string;
  due: number;
  held: number;
  purged?: number;
  papers?: number;
}

/**
 * Retention: a protest applicant's, a verification applicant's and a dak sender's personal
 * data, and the numbers and texts of SMS, are purged once their periods run out by the app's clock. The
 * dry run reports and changes nothing; the purge keeps each paper's row, status and hash, so
 * its QR and an uploaded copy still verify, and the audit chain stays whole across it.
 */
describe('retention: the dry-run report and the purge (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let p: ProtestActors;
  let v: VerificationActors;
  let admin: string;
  let protest: ProtestView;
  let verificationId: string;
  let letter: Buffer;
  let sim: EofficeSimulator;
  /** Approved while e-Office is down: its letter is still on its way, so it is held. */
  let undelivered: ProtestView;
  const clock = fixedClock(new Date());
  const NAME = 'Smt. Avadhi Pariksha';
  const MOBILE = '9812345678';
  const DAK_SENDER = 'श्री पत्र लेखक, 14 शाहपुरा';
  const REPLY_TO = 'Shri Patra Lekhak, 14 Shahpura, Bhopal';
  const REPLY_TEXT = 'Your letter was looked into by the thana.';
  const MAIL_FROM = 'Patra Lekhak <patra.lekhak@example.in>';
  let dakId: string;

  const report = async (token = admin) =>
    (await t.http.get('/api/v1/system/retention').auth(token, bearer).expect(200)).body as { dryRun: boolean; rules: RuleReport[] };
  const rule = (rules: RuleReport[], type: string) => rules.find((r) => r.recordType === type)!;
  /** Rows of these tables whose text holds `s` anywhere. */
  const rowsHolding = async (s: string): Promise<string[]> => {
    const found: string[] = [];
    for (const table of ['protest_application', 'protest_attachment', 'verification_application', 'verification_field_visit', 'verification_attachment', 'dak_receipt', 'dak_scan', 'dak_reply', 'dak_mail_message', 'eoffice_outbox', 'notification', 'issued_document'])
      if ((await db.query(`SELECT 1 FROM ${table} x WHERE strpos(row_to_json(x)::text, $1) > 0 LIMIT 1`, [s])).length) found.push(table);
    return found;
  };

  beforeAll(async () => {
    sim = await startEofficeSimulator({ port: 0 });
    t = await bootTestApp({ ...fastEofficeEnv(sim.url), RETENTION_PURGE: 'true', RETENTION_PROTEST_DAYS: '365', RETENTION_VERIFICATION_DAYS: '365', RETENTION_DAK_DAYS: '365', RETENTION_NOTIFICATION_DAYS: '90' }, undefined, { clock });
    db = t.app.get(DataSource);
    admin = await t.tokenFor(['ADMIN']);
    p = await protestActors(t);
    await seedVenues(t, admin);
    protest = await createApplication(t, p, applicationBody({ applicant: { nameEn: NAME, nameHi: 'श्रीमती अवधि परीक्षा', mobile: MOBILE } }));
    await t.http
      .post(`/api/v1/protests/${protest.id}/attachments`)
      .auth(p.control, bearer)
      .field('kind', 'APPLICATION_SCAN')
      .attach('file', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]), 'scan.png')
      .expect(201);
    protest = await driveTo(t, p, 'APPROVED', await view(t, p.control, protest.id));
    letter = (await fetchBinary(t.http.get(`/api/v1/protests/${protest.id}/letters/permission`).auth(p.approver, bearer)).expect(200)).body as Buffer;
    v = await verificationActors(t);
    await seedLocalities(t, admin);
    const reported = await reportedVerification(t, v, 'CLEAR');
    await t.http.post(`/api/v1/verifications/${reported.id}/sign-off`).auth(v.circleApprover, bearer).send({ version: reported.version }).expect(200);
    verificationId = reported.id;
    // A letter from a citizen: scanned, marked to a thana, answered and closed.
    const desk = await dakUser(t, ['CONTROL_ROOM']);
    const officer = await dakUser(t, ['OFFICER'], 'TT_NAGAR');
    const act = async (token: string, id: string, action: string, body: Record<string, unknown>) =>
      (await t.http.post(`/api/v1/dak/${id}/${action}`).auth(token, bearer).send(body).expect(action === 'scans' ? 201 : 200)).body;
    let dak = (await t.http.post('/api/v1/dak').auth(desk.token, bearer).send(dakBody({ senderName: DAK_SENDER }, new Date(clock.now().getTime() - DAY_MS).toISOString().slice(0, 10))).expect(201)).body;
    dakId = dak.id;
    await t.http.post(`/api/v1/dak/${dakId}/scans`).auth(desk.token, bearer).attach('file', SCAN_PNG, 'letter.png').expect(201);
    dak = (await t.http.get(`/api/v1/dak/${dakId}`).auth(desk.token, bearer).expect(200)).body;
    dak = await act(desk.token, dakId, 'mark', { version: dak.version, toUnit: 'TT_NAGAR' });
    dak = await act(officer.token, dakId, 'receive', { version: dak.version });
    dak = await act(officer.token, dakId, 'reply', { version: dak.version, recipient: REPLY_TO, body: REPLY_TEXT });
    await act(officer.token, dakId, 'close', { version: dak.version, reason: 'Answered by the thana' });
    // As if it had come by e-mail, and come twice: the poller's key rows name the sender.
    const [{ id: mailId }] = await db.query(
      `INSERT INTO dak_mail_message (mailbox, uid_validity, uid, message_key, outcome, dak_receipt_id, sender, subject, size_bytes)
       VALUES ('INBOX', 1, 1, 'msg-1@example.in', 'DIARISED', $1, $2, $3, 100) RETURNING id`,
      [dakId, MAIL_FROM, dakBody().subject],
    );
    await db.query(
      `INSERT INTO dak_mail_message (mailbox, uid_validity, uid, message_key, outcome, duplicate_of, sender, subject, size_bytes)
       VALUES ('INBOX', 1, 2, 'msg-1@example.in', 'DUPLICATE', $1, $2, 'Fwd: the same letter', 100)`,
      [mailId, MAIL_FROM],
    );
    // e-Office takes the letters (the simulator): a record whose delivery is unfinished is held, not purged.
    await waitFor(async () => ((await db.query(`SELECT 1 FROM eoffice_outbox WHERE status IN ('PENDING', 'FAILED')`)).length === 0 ? true : undefined), {
      what: 'the e-Office deliveries to finish',
      timeoutMs: 60_000,
    });
    await sim.setMode({ mode: 'down' });
    undelivered = await driveTo(t, p, 'APPROVED', await createApplication(t, p, applicationBody({ applicant: { nameEn: 'Shri Roka Gaya', nameHi: 'श्री रोका गया', mobile: '9812300000', address: '7, Arera Colony, Bhopal' } })));
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('reports nothing due inside the periods, and only to an administrator', async () => {
    const now = await report();
    expect(now.dryRun).toBe(true);
    for (const r of now.rules) expect(r).toMatchObject({ due: 0, held: 0 });
    await t.http.get('/api/v1/system/retention').auth(p.control, bearer).expect(403);
    await t.http.get('/api/v1/system/retention').expect(401);
  });

  it('reports what is due a year on, in a dry run that changes nothing but is audited', async () => {
    clock.set(new Date(Date.now() + 400 * DAY_MS));
    const due = await report();
    expect(rule(due.rules, 'protest_application')).toMatchObject({ due: 1, held: 1 });
    expect(rule(due.rules, 'verification_application')).toMatchObject({ due: 1, held: 0 });
    expect(rule(due.rules, 'dak_receipt')).toMatchObject({ due: 1, held: 0 });
    expect(await rowsHolding(REPLY_TO)).toEqual(expect.arrayContaining(['dak_reply', 'eoffice_outbox']));
    expect(rule(due.rules, 'notification').due).toBeGreaterThan(0);
    expect(await rowsHolding(NAME)).toContain('protest_application');
    expect(await rowsHolding('Rajesh Kumar Sharma')).toContain('verification_application');
    const [audited] = await db.query(`SELECT diff FROM audit_log WHERE action = 'retention.reported' ORDER BY id DESC LIMIT 1`);
    expect(audited.diff.rules).toEqual(expect.arrayContaining([expect.objectContaining({ recordType: 'protest_application', due: 1 })]));
  });

  it('prints the same report from `npm run purge -- --dry-run`, as of a given time', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'purge', '--', '--dry-run', `--as-of=${clock.now().toISOString()}`], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir, RETENTION_PROTEST_DAYS: '365', RETENTION_VERIFICATION_DAYS: '365' },
    });
    expect(stdout).toContain('Dry run (nothing changed)');
    expect(stdout).toMatch(/protest_application \(kept 365 days, before \d{4}-\d\d-\d\d\): 1 due; 1 held until their e-Office delivery finishes/);
    expect(stdout).toMatch(/verification_application \(kept 365 days, before [-\d]+\): 1 due/);
    expect(await rowsHolding(NAME)).toContain('protest_application');
  });

  it('purges the applicants’ data, messages and papers’ bytes, keeping each paper verifiable', async () => {
    const verifyPath = new URL(t.app.get(DocumentsService).verifyUrl((await db.query(`SELECT document_id FROM protest_letter WHERE application_id = $1`, [protest.id]))[0].document_id)).pathname;
    const done = await t.app.get(RetentionService).job();
    expect(done.dryRun).toBe(false);
    expect(rule(done.rules, 'protest_application')).toMatchObject({ purged: 1, papers: 1 });
    expect(rule(done.rules, 'verification_application')).toMatchObject({ purged: 1 });
    expect(rule(done.rules, 'verification_application').papers).toBeGreaterThanOrEqual(1);
    expect(rule(done.rules, 'dak_receipt')).toMatchObject({ purged: 1, papers: 1 });

    // Nothing of either applicant is left in their records, attachments, messages or papers.
    for (const personal of [NAME, 'अवधि परीक्षा', MOBILE, '12, Tulsi Nagar', 'Rajesh Kumar Sharma', 'राजेश कुमार शर्मा', 'रमेश चंद्र शर्मा', '9876543210', 'Sharma Traders', DAK_SENDER, REPLY_TO, REPLY_TEXT, 'patra.lekhak', 'Fwd: the same letter'])
      expect({ personal, rows: await rowsHolding(personal) }).toEqual({ personal, rows: [] });
    // The one whose letter e-Office has not yet taken keeps everything until it has.
    expect(await rowsHolding('Shri Roka Gaya')).toContain('protest_application');
    expect((await view(t, p.control, undelivered.id)).status).toBe('APPROVED');
    const shown = await view(t, p.control, protest.id);
    expect(shown).toMatchObject({ status: 'APPROVED', ref: protest.ref });
    expect(shown.attachments).toEqual([]);
    const [applicant] = await db.query(`SELECT dob::text AS dob, id_last4, personal_data_purged_at FROM verification_application WHERE id = $1`, [verificationId]);
    expect(applicant).toMatchObject({ dob: '1984-01-01', id_last4: 'XXXX' });
    expect(applicant.personal_data_purged_at).not.toBeNull();
    // The register entry stays, its sender named as purged, its scans gone.
    const entry = (await t.http.get(`/api/v1/dak/${dakId}`).auth(admin, bearer).expect(200)).body;
    expect(entry).toMatchObject({ status: 'CLOSED', senderName: 'व्यक्तिगत विवरण हटाया गया', subject: dakBody().subject, closedReason: 'Answered by the thana' });
    expect(entry.scans).toEqual([]);

    // The paper: gone as a download, still answered by its QR, and a kept copy still matches.
    await t.http.get(`/api/v1/protests/${protest.id}/letters/permission`).auth(p.approver, bearer).expect(410);
    const verified = (await t.http.get(verifyPath).set('Accept', 'application/json').expect(200)).body;
    expect(verified).toMatchObject({ status: 'valid', reference: protest.ref, sha256: sha(letter) });
    expect(verified.purgedAt).toEqual(expect.any(String));
    const page = await t.http.get(verifyPath).expect(200);
    expect(page.text).toContain('Its contents were removed on');
    const upload = await t.http.post('/verify/upload').attach('file', letter, 'permission.pdf').expect(200);
    expect(upload.body).toMatchObject({ match: true, status: 'valid' });

    // One audit row per record, naming it by reference; the chain stays whole across the purge.
    const purged: Array<{ entity_type: string; diff: { ref: string } }> = await db.query(`SELECT entity_type, diff FROM audit_log WHERE action = 'retention.purged'`);
    expect(purged.filter((r) => r.entity_type === 'protest_application').map((r) => r.diff.ref)).toEqual([protest.ref]);
    expect(purged.filter((r) => r.entity_type === 'dak_receipt').map((r) => r.diff.ref)).toEqual([(await db.query(`SELECT ref FROM dak_receipt WHERE id = $1`, [dakId]))[0].ref]);
    await t.app.get(AuditChainer).chainAll();
    const auditor = await t.tokenFor(['AUDITOR']);
    expect((await t.http.get('/api/v1/audit/verify').auth(auditor, bearer).expect(200)).body).toMatchObject({ firstBreak: null });
  });

  it('purges nothing twice: a second run finds nothing due', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention.purged'`))[0].n;
    const again = await t.app.get(RetentionService).job();
    for (const r of again.rules) expect(r).toMatchObject({ due: 0, purged: 0 });
    expect(rule(again.rules, 'protest_application').held).toBe(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention.purged'`))[0].n).toBe(before);
  });

  it('refuses to write a purged paper’s bytes again, or to undo the purge', async () => {
    // A mail's key row stays append-only: the app may empty its personal data, nothing else.
    await expect(db.query(`UPDATE dak_mail_message SET message_key = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(db.query(`DELETE FROM dak_mail_message`)).rejects.toThrow(/permission denied/);
    const [{ document_id: id }] = await db.query(`SELECT document_id FROM protest_letter WHERE application_id = $1`, [protest.id]);
    await expect(db.query(`UPDATE issued_document SET bytes = 'x' WHERE id = $1`, [id])).rejects.toThrow(/immutable|issued_document_drawn_drawable_or_purged/);
    await expect(db.query(`UPDATE issued_document SET purged_at = NULL WHERE id = $1`, [id])).rejects.toThrow(/cannot be undone/);
  });
});
