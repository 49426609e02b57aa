import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CriminalRecordsIndex } from '../src/modules/verifications';
import { VerificationEscalation } from '../src/modules/verifications/application/verification-escalation.service';
import { UnitOfWork } from '../src/platform/change';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';
import { reportedVerification, seedLocalities, userId, VerificationActors, verificationActors } from './support/verifications';
import { withoutRandomHex } from './support/random-hex';

type Paper = { id: string; kind: string; appealLevel: string | null; verifyStatus: string; verifyUrl: string; validUntil: string | null };
type Record = { id: string; ref: string; version: number; status: string; allowedActions: string[]; papers: Paper[]; appeals: Array<{ level: string; dueOn: string; daysLeft: number; sla: string | null; decision: string | null }> };

/**
 * Character verification, part 3: the papers at the DSP's sign-off (the certificate of a CLEAR
 * report, valid for VERIFICATION_CERTIFICATE_VALID_MONTHS, and the report letter of an ADVERSE
 * one), served only through the application's need-to-know, expired and revoked on /verify; the
 * two appeals with their own limits, counted in IST days by the app's clock, on the board, their
 * deciders and orders, and the certificate an overturning appeal issues.
 */
describe('character verification: certificate, report letter, appeals (e2e)', () => {
  let t: TestApp;
  let a: VerificationActors;
  let db: DataSource;
  let poppler: Poppler;
  let zoneApproverA: string;
  let zoneApproverB: string;
  let admin: string;
  // Signed off at 12:00 IST on 1 December 2026: a six-month certificate is valid through 31 May 2027.
  const base = '2026-12-01T12:00:00+05:30';
  const clock = fixedClock(base);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const path = (id: string, action: string) => `/api/v1/verifications/${id}/${action}`;
  const get = async (id: string, token = a.circleApprover) => (await t.http.get(`/api/v1/verifications/${id}`).set(auth(token)).expect(200)).body as Record;
  const verifyOf = async (url: string) => (await t.http.get(new URL(url).pathname).set('Accept', 'application/json').expect(200)).body;
  /** The paper's text as pdftotext reads it; `look` also writes page 1 as a PNG into test/artifacts/screens, for looking at. */
  const pdfText = async (id: string, paperId: string, token = a.circleApprover, look?: string) => {
    const res = await t.http.get(path(id, `papers/${paperId}/pdf`)).set(auth(token)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (look) {
      const dir = join(__dirname, 'artifacts', 'screens');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${look}.png`), await poppler.readPng(await poppler.pagePng(res.body as Buffer, 1, 80)));
    }
    return (await poppler.pagesText(res.body as Buffer)).join('\n').replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    db = t.app.get(DataSource);
    poppler = await Poppler.create();
    a = await verificationActors(t);
    zoneApproverA = await t.tokenFor(['APPROVER'], 'ZONE_1', 'adcp');
    zoneApproverB = await t.tokenFor(['APPROVER'], 'ZONE_1', 'dcp');
    admin = await t.tokenFor(['ADMIN']);
    await seedLocalities(t, admin);
    await t.app.get(UnitOfWork).run((c) =>
      t.app.get(CriminalRecordsIndex).add(c.em, randomUUID(), [
        { name: 'राजेश कुमार शर्मा', relative: 'पुत्र रमेश चंद्र शर्मा', birth: { dob: '1984-03-10' }, address: 'शिवाजी नगर, भोपाल', firRef: '112/2019', policeStation: 'Ashoka Garden', sections: 'IPC 379' },
      ]),
    );
  });
  afterAll(async () => {
    await poppler?.dispose();
    await t?.close();
  });

  /** An application taken to the DSP with a CLEAR report (the record found ruled another man) or an ADVERSE one citing it. */
  async function reported(outcome: 'CLEAR' | 'ADVERSE'): Promise<Record> {
    clock.set(base);
    return (await reportedVerification(t, a, outcome)) as Record;
  }

  it('issues the certificate at the sign-off of a CLEAR report, valid to the last second of its last day and expired from 00:00 IST after', async () => {
    const r = await reported('CLEAR');
    const signed = (await t.http.post(path(r.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: r.version }).expect(200)).body as Record;
    expect(signed.status).toBe('SIGNED_OFF');
    expect(signed.papers).toEqual([expect.objectContaining({ kind: 'CERTIFICATE', appealLevel: null, verifyStatus: 'valid', validUntil: '2027-05-31T18:30:00.000Z' })]);
    expect(signed.allowedActions).toEqual(['withdrawCertificate']);
    const paper = signed.papers[0]!;
    // Bilingual, with the Hindi name as pdftotext reads it.
    const text = await pdfText(r.id, paper.id, a.circleApprover, 'verification-certificate');
    expect(text).toContain('राजेश कुमार शर्मा');
    expect(text).toContain('Rajesh Kumar Sharma');
    expect(text).toContain('यह प्रमाण पत्र 31-05-2027 तक (सहित) मान्य है');
    expect(text).toContain(r.ref);
    // The verify page: the initials, the purpose and the dates, nothing else of the person.
    const page = await verifyOf(paper.verifyUrl);
    expect(page).toMatchObject({ status: 'valid', kind: 'CHARACTER_CERTIFICATE' });
    expect(Object.fromEntries(page.facts.map((f: { key: string; value: unknown }) => [f.key, f.value]))).toEqual({
      initials: { hi: 'रा. कु. श.', en: 'R. K. S.' },
      purpose: { hi: 'नौकरी', en: 'Employment' },
      appliedOn: { hi: '24-11-2026', en: '24-11-2026' },
    });
    // (Its document id and digest are random hex, which may hold 1984.)
    expect(withoutRandomHex(JSON.stringify(page))).not.toMatch(/Rajesh|राजेश|रमेश|1984|9876543210|Sharma Traders/);
    clock.set('2027-05-31T23:59:59+05:30');
    expect((await verifyOf(paper.verifyUrl)).status).toBe('valid');
    clock.set('2027-06-01T00:00:00+05:30');
    expect((await verifyOf(paper.verifyUrl)).status).toBe('expired');
    expect((await get(r.id)).papers[0]!.verifyStatus).toBe('expired');
    clock.set(base);
    // To e-Office with the paper, without the outcome; the applicant told.
    const items = await db.query(`SELECT kind, subject, document_id FROM eoffice_outbox WHERE source_id = $1`, [r.id]);
    expect(items).toEqual([{ kind: 'VERIFICATION_REPORT', subject: `Character verification ${r.ref}: signed off`, document_id: expect.any(String) }]);
    const sms = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at`, [r.id]);
    expect(sms.map((s: { template: string }) => s.template)).toContain('verification-clear');
  });

  it('serves the papers only through the application: 404 to a thana outside its chain and to the documents registry, every download audited', async () => {
    const r = await reported('CLEAR');
    const signed = (await t.http.post(path(r.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: r.version }).expect(200)).body as Record;
    const paper = signed.papers[0]!;
    await t.http.get(path(r.id, `papers/${paper.id}/pdf`)).set(auth(a.kamlaVerifier)).expect(404);
    await t.http.get(path(r.id, `papers/${paper.id}/pdf`)).set(auth(a.otherZoneApprover)).expect(404);
    await t.http.get(path(r.id, `papers/${randomUUID()}/pdf`)).set(auth(a.ttVerifierA)).expect(404);
    await t.http.get(path(r.id, `papers/${paper.id}/pdf`)).set(auth(a.officer)).expect(403);
    const [{ document_id: documentId }] = await db.query(`SELECT document_id FROM verification_paper WHERE id = $1`, [paper.id]);
    await t.http.get(`/api/v1/documents/${documentId}`).set(auth(admin)).expect(404);
    await t.http.get(`/api/v1/documents/${documentId}/pdf`).set(auth(a.auditor)).expect(404);
    await pdfText(r.id, paper.id, a.auditor);
    const audits = await db.query(`SELECT action, actor_id, diff FROM audit_log WHERE entity_id = $1 AND action IN ('verification.paper_downloaded', 'verification.refused') ORDER BY id`, [r.id]);
    expect(audits.map((x: { action: string }) => x.action)).toEqual(['verification.refused', 'verification.refused', 'verification.paper_downloaded']);
    expect(audits[2].actor_id).toBe(await userId(t, a.auditor));
  });

  it('withdraws a certificate with a reason, by the circle’s DSP only: /verify says revoked without the reason, the applicant is told', async () => {
    const r = await reported('CLEAR');
    const signed = (await t.http.post(path(r.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: r.version }).expect(200)).body as Record;
    const reason = 'FIR registered against the applicant after the issue.';
    await t.http.post(path(r.id, 'certificate/withdraw')).set(auth(a.thanaApprover)).send({ version: signed.version, reason }).expect(403);
    await t.http.post(path(r.id, 'certificate/withdraw')).set(auth(a.ttVerifierA)).send({ version: signed.version, reason }).expect(403);
    const short = await t.http.post(path(r.id, 'certificate/withdraw')).set(auth(a.circleApprover)).send({ version: signed.version, reason: 'no' }).expect(400);
    expect(short.body.fields[0].field).toBe('reason');
    const done = (await t.http.post(path(r.id, 'certificate/withdraw')).set(auth(a.circleApprover)).send({ version: signed.version, reason }).expect(200)).body;
    expect(done).toMatchObject({ status: 'CERTIFICATE_WITHDRAWN', allowedActions: [], certificateWithdrawal: { reason }, papers: [expect.objectContaining({ verifyStatus: 'revoked' })] });
    const page = await verifyOf(signed.papers[0]!.verifyUrl);
    expect(page).toMatchObject({ status: 'revoked', revokedReason: null });
    const html = (await t.http.get(new URL(signed.papers[0]!.verifyUrl).pathname).expect(200)).text;
    expect(html).not.toContain('FIR registered');
    // Revoked stays revoked after its validity would have run out.
    clock.set('2027-07-01T12:00:00+05:30');
    expect((await verifyOf(signed.papers[0]!.verifyUrl)).status).toBe('revoked');
    clock.set(base);
    const sms = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at DESC LIMIT 1`, [r.id]);
    expect(sms[0].template).toBe('verification-certificate-withdrawn');
    const [audit] = await db.query(`SELECT diff FROM audit_log WHERE entity_id = $1 AND action = 'verification.withdraw_certificate'`, [r.id]);
    expect(audit.diff).toMatchObject({ reason, status: { from: 'SIGNED_OFF', to: 'CERTIFICATE_WITHDRAWN' } });
  });

  it('issues the report letter of an ADVERSE decision with its grounds and cited case, and takes both appeals to a certificate', async () => {
    const r = await reported('ADVERSE');
    let rec = (await t.http.post(path(r.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: r.version }).expect(200)).body as Record;
    expect(rec.papers).toEqual([expect.objectContaining({ kind: 'REPORT', validUntil: null, verifyStatus: 'valid' })]);
    const report = await pdfText(r.id, rec.papers[0]!.id, a.circleApprover, 'verification-report-letter');
    expect(report).toContain('राजेश कुमार शर्मा');
    expect(report).toContain('Convicted of theft in 2019');
    expect(report).toContain('112/2019, Ashoka Garden (IPC 379)');
    expect(report).toContain('प्रथम अपील');
    expect(rec.allowedActions).toEqual([]);
    expect((await get(r.id, a.intake)).allowedActions).toEqual(['fileFirstAppeal']);

    // The first appeal, received at 23:30 IST on 2 December: its 30 days count from that IST day.
    clock.set('2026-12-03T09:00:00+05:30');
    const appeal = { channel: 'POST', grounds: 'The case was against another man of my name; I was not in Bhopal in 2019.' };
    const future = await t.http.post(path(r.id, 'appeals/first')).set(auth(a.intake)).send({ version: rec.version, ...appeal, receivedAt: '2026-12-04T10:00:00+05:30' }).expect(400);
    expect(future.body.fields[0].field).toBe('receivedAt');
    const early = await t.http.post(path(r.id, 'appeals/first')).set(auth(a.intake)).send({ version: rec.version, ...appeal, receivedAt: '2026-11-30T10:00:00+05:30' }).expect(400);
    expect(early.body.fields[0].field).toBe('receivedAt');
    // Outside the thana's chain the application does not exist, on this path too.
    await t.http.post(path(r.id, 'appeals/first')).set(auth(a.kamlaVerifier)).send({ version: rec.version, ...appeal, receivedAt: '2026-12-02T23:30:00+05:30' }).expect(404);
    rec = (await t.http.post(path(r.id, 'appeals/first')).set(auth(a.intake)).send({ version: rec.version, ...appeal, receivedAt: '2026-12-02T23:30:00+05:30' }).expect(200)).body;
    expect(rec.status).toBe('IN_FIRST_APPEAL');
    expect(rec.appeals).toEqual([expect.objectContaining({ level: 'FIRST', dueOn: '2027-01-01', daysLeft: 29, sla: 'ON_TIME', decision: null })]);
    const [sms] = await db.query(`SELECT template, body FROM notification WHERE source_id = $1 ORDER BY created_at DESC LIMIT 1`, [r.id]);
    expect(sms).toMatchObject({ template: 'verification-appeal-received', body: expect.stringContaining('01-01-2027') });

    // The board: near breach from 7 days before its day (by IST days), breached after it.
    const boardAppeals = async () => {
      const thanas = (await t.http.get('/api/v1/verifications/sla-board').set(auth(a.circleApprover)).expect(200)).body.thanas as Array<{ thana: { code: string }; appealsNearBreach: Array<{ ref: string }>; appealsBreached: Array<{ ref: string }> }>;
      const tt = thanas.find((x) => x.thana.code === 'TT_NAGAR');
      return { near: (tt?.appealsNearBreach ?? []).map((x) => x.ref).includes(r.ref), breached: (tt?.appealsBreached ?? []).map((x) => x.ref).includes(r.ref) };
    };
    // The appellate authorities of the zone are told once near the limit and once past it; the DSP of the circle is not.
    for (const [token, mobile] of [[zoneApproverA, '9100000001'], [zoneApproverB, '9100000002'], [a.circleApprover, '9100000003']] as const)
      await db.query(`UPDATE app_user SET mobile = $2 WHERE id = $1`, [await userId(t, token), mobile]);
    const escalation = t.app.get(VerificationEscalation);
    const told = async () =>
      ((await db.query(`SELECT template, recipient FROM notification WHERE source_id = $1 AND template LIKE 'verification-appeal-sla-%' ORDER BY template, recipient`, [r.id])) as Array<{ template: string; recipient: string }>).map(
        (x) => `${x.template.replace('verification-appeal-sla-', '')} ${x.recipient}`,
      );
    clock.set('2026-12-24T23:59:00+05:30'); // 8 days left
    expect(await boardAppeals()).toEqual({ near: false, breached: false });
    await escalation.run();
    expect(await told()).toEqual([]);
    clock.set('2026-12-25T00:00:00+05:30'); // 7 days left
    expect(await boardAppeals()).toEqual({ near: true, breached: false });
    await escalation.run();
    await escalation.run();
    expect(await told()).toEqual(['warning 9100000001', 'warning 9100000002']);
    clock.set('2027-01-01T23:59:00+05:30'); // its last day
    expect(await boardAppeals()).toEqual({ near: true, breached: false });
    clock.set('2027-01-02T00:00:00+05:30');
    expect(await boardAppeals()).toEqual({ near: false, breached: true });
    await escalation.run();
    await escalation.run();
    expect(await told()).toEqual(['breached 9100000001', 'breached 9100000002', 'warning 9100000001', 'warning 9100000002']);
    expect((await get(r.id)).appeals[0]).toMatchObject({ daysLeft: -1, sla: 'BREACHED' });

    // Decided by the Addl. SP: an APPROVER of the zone, not the DSP of the circle who signed it off.
    clock.set('2027-01-05T11:00:00+05:30');
    const upheld = { decision: 'UPHELD', reasons: 'The father’s name and the date of birth on the record are his.' };
    await t.http.post(path(r.id, 'appeals/first/decision')).set(auth(a.circleApprover)).send({ version: rec.version, ...upheld }).expect(403);
    await t.http.post(path(r.id, 'appeals/first/decision')).set(auth(a.otherZoneApprover)).send({ version: rec.version, ...upheld }).expect(404);
    await t.http.post(path(r.id, 'appeals/first/decision')).set(auth(a.intake)).send({ version: rec.version, ...upheld }).expect(403);
    rec = (await t.http.post(path(r.id, 'appeals/first/decision')).set(auth(zoneApproverA)).send({ version: rec.version, ...upheld }).expect(200)).body;
    expect(rec).toMatchObject({ status: 'FIRST_APPEAL_DECIDED', appeals: [expect.objectContaining({ decision: 'UPHELD', sla: null })] });
    const firstOrder = rec.papers.find((p) => p.kind === 'APPEAL_ORDER' && p.appealLevel === 'FIRST')!;
    const firstText = await pdfText(r.id, firstOrder.id, a.circleApprover, 'verification-first-appeal-order');
    expect(firstText).toContain('राजेश कुमार शर्मा');
    expect(firstText).toContain('प्रथम अपील में आदेश');
    expect(firstText).toContain('यथावत रखा जाता है');
    expect(firstText).toContain('A second appeal against this order lies to the DCP (SP).');
    expect(await boardAppeals()).toEqual({ near: false, breached: false });

    // The second appeal, to the SP: its own limit; not decided by whoever decided the first.
    clock.set('2027-01-11T10:00:00+05:30');
    rec = (await t.http.post(path(r.id, 'appeals/second')).set(auth(a.intake)).send({ version: rec.version, ...appeal, receivedAt: '2027-01-10T10:00:00+05:30' }).expect(200)).body;
    expect(rec.appeals[1]).toMatchObject({ level: 'SECOND', dueOn: '2027-02-09' });
    clock.set('2027-02-09T23:59:00+05:30');
    expect((await get(r.id)).appeals[1]).toMatchObject({ daysLeft: 0, sla: 'NEAR_BREACH' });
    clock.set('2027-02-10T00:00:00+05:30');
    expect((await get(r.id)).appeals[1]).toMatchObject({ daysLeft: -1, sla: 'BREACHED' });
    expect(await boardAppeals()).toEqual({ near: false, breached: true });
    clock.set('2027-02-12T11:00:00+05:30');
    const overturned = { decision: 'OVERTURNED', reasons: 'The record’s man was 15 years older; the match rested on the name alone.' };
    await t.http.post(path(r.id, 'appeals/second/decision')).set(auth(zoneApproverA)).send({ version: rec.version, ...overturned }).expect(403);
    rec = (await t.http.post(path(r.id, 'appeals/second/decision')).set(auth(zoneApproverB)).send({ version: rec.version, ...overturned }).expect(200)).body;
    expect(rec.status).toBe('SECOND_APPEAL_DECIDED');
    expect(rec.papers.map((p) => [p.kind, p.appealLevel])).toEqual([
      ['REPORT', null],
      ['APPEAL_ORDER', 'FIRST'],
      ['APPEAL_ORDER', 'SECOND'],
      ['CERTIFICATE', null],
    ]);
    const cert = rec.papers.find((p) => p.kind === 'CERTIFICATE')!;
    // Valid for six months from the order's day.
    expect(cert).toMatchObject({ verifyStatus: 'valid', validUntil: '2027-08-11T18:30:00.000Z' });
    const certText = await pdfText(r.id, cert.id, a.circleApprover, 'verification-certificate-on-appeal');
    expect(certText).toContain('राजेश कुमार शर्मा');
    expect(certText).toContain('द्वितीय अपील अधिकारी');
    const secondText = await pdfText(r.id, rec.papers.find((p) => p.appealLevel === 'SECOND' && p.kind === 'APPEAL_ORDER')!.id);
    expect(secondText).toContain('द्वितीय अपील में आदेश');
    expect(secondText).toContain('The character certificate is issued to the applicant with this order.');
    expect(rec.allowedActions).toEqual(['withdrawCertificate']);
    const [last] = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at DESC LIMIT 1`, [r.id]);
    expect(last.template).toBe('verification-appeal-overturned');
    const kinds = await db.query(`SELECT kind FROM eoffice_outbox WHERE source_id = $1 ORDER BY created_at`, [r.id]);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['VERIFICATION_REPORT', 'VERIFICATION_APPEAL_ORDER', 'VERIFICATION_APPEAL_ORDER', 'VERIFICATION_REPORT']);
  });

  it('takes no appeal against a certificate', async () => {
    const r = await reported('CLEAR');
    const signed = (await t.http.post(path(r.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: r.version }).expect(200)).body as Record;
    const res = await t.http
      .post(path(r.id, 'appeals/first'))
      .set(auth(a.intake))
      .send({ version: signed.version, channel: 'POST', grounds: 'I want a second look at it.', receivedAt: '2026-12-01T12:30:00+05:30' })
      .expect(409);
    expect(res.body).toMatchObject({ state: 'SIGNED_OFF', action: 'fileFirstAppeal', allowed: [] });
  });
});
