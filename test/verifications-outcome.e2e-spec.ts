import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CriminalRecordsIndex } from '../src/modules/verifications';
import { VerificationEscalation } from '../src/modules/verifications/application/verification-escalation.service';
import { UnitOfWork } from '../src/platform/change';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';
import { CONSENT_PDF, PHOTO_PNG, seedLocalities, userId, VerificationActors, verificationActors, verificationBody } from './support/verifications';

/**
 * Character verification, part 1: the field visit from the phone, the records check against
 * the criminal-records index with the verifier's rulings, the report's rules (CLEAR, ADVERSE
 * citing records ruled the same person, INCOMPLETE saying what is missing) and the circle DSP's
 * sign-off, with the applicant's SMS and the e-Office item.
 */
describe('character verification: visit, records check, report, sign-off (e2e)', () => {
  let t: TestApp;
  let a: VerificationActors;
  let db: DataSource;
  const clock = fixedClock('2026-12-01T12:00:00+05:30');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const path = (id: string, action: string) => `/api/v1/verifications/${id}/${action}`;
  const visit = (version: number, over: Record<string, unknown> = {}) => ({
    version,
    visitedOn: '2026-11-30',
    officerName: 'Ramesh Yadav',
    officerRank: 'ASI',
    lat: 23.2345,
    lng: 77.401,
    accuracyM: 18,
    neighbours: [{ name: 'Suresh Patel', address: 'H.No. 14, Gali 3', statement: 'Knows him for six years; a quiet family.' }],
    outcome: 'RESIDES_AT_ADDRESS',
    ...over,
  });

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    db = t.app.get(DataSource);
    a = await verificationActors(t);
    await seedLocalities(t, await t.tokenFor(['ADMIN']));
    const index = t.app.get(CriminalRecordsIndex);
    // The applicant as Ashoka Garden thana wrote him, in Hindi, with his age at the FIR; and a namesake.
    await t.app.get(UnitOfWork).run((c) =>
      index.add(c.em, randomUUID(), [
        { name: 'राजेश कुमार शर्मा', relative: 'पुत्र रमेश चंद्र शर्मा', birth: { dob: '1984-03-10' }, address: 'शिवाजी नगर, भोपाल', firRef: '112/2019', policeStation: 'Ashoka Garden', sections: 'IPC 379' },
        { name: 'Rajesh Kumar Sharma', relative: 'S/o Suresh Prasad Sharma', birth: { dob: '1996-01-15' }, address: 'Kolar Road, Bhopal', firRef: '431/2021', policeStation: 'Kolar Road', sections: 'IPC 323' },
      ]),
    );
  });
  afterAll(() => t.close());

  async function received(body: object = verificationBody()) {
    const res = await t.http.post('/api/v1/verifications').set(auth(a.intake)).send(body).expect(201);
    expect(res.body.thana.code).toBe('TT_NAGAR');
    return res.body as { id: string; version: number; ref: string };
  }
  const consent = async (id: string) => (await t.http.post(path(id, 'attachments')).set(auth(a.ttVerifierA)).field('kind', 'CONSENT_LETTER').attach('file', CONSENT_PDF, 'consent.pdf').expect(201)).body;

  it('records the visit from the phone with its geolocation, neighbours and photos, and tells the applicant', async () => {
    const app = await received();
    const res = await t.http.post(path(app.id, 'visits')).set(auth(a.ttVerifierA)).send(visit(app.version)).expect(200);
    expect(res.body.visits).toEqual([expect.objectContaining({ visitedOn: '2026-11-30', officerName: 'Ramesh Yadav', lat: 23.2345, lng: 77.401, accuracyM: 18, outcome: 'RESIDES_AT_ADDRESS', neighbours: [{ name: 'Suresh Patel', address: 'H.No. 14, Gali 3', statement: 'Knows him for six years; a quiet family.' }] })]);
    const visitId = res.body.visits[0].id;
    const photo = await t.http.post(path(app.id, 'attachments')).set(auth(a.ttVerifierA)).field('kind', 'VISIT_PHOTO').field('visitId', visitId).attach('file', PHOTO_PNG, 'door.png').expect(201);
    expect(photo.body.visits[0].photoIds).toHaveLength(1);
    expect(photo.body.attachments[0]).toMatchObject({ kind: 'VISIT_PHOTO', contentType: 'image/png', visitId });
    const sms = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at`, [app.id]);
    expect(sms.map((s: { template: string }) => s.template)).toEqual(['verification-received', 'verification-visited']);
  });

  it('refuses a visit outside the commissionerate, in the future, a neighbour’s Aadhaar number and a program posing as a photo', async () => {
    const app = await received();
    const outside = await t.http.post(path(app.id, 'visits')).set(auth(a.ttVerifierA)).send(visit(app.version, { lat: 28.61, lng: 77.2 })).expect(400);
    expect(outside.body.fields.map((f: { field: string }) => f.field)).toContain('lat');
    const future = await t.http.post(path(app.id, 'visits')).set(auth(a.ttVerifierA)).send(visit(app.version, { visitedOn: '2026-12-02' })).expect(400);
    expect(future.body.fields[0].field).toBe('visitedOn');
    const aadhaar = await t.http
      .post(path(app.id, 'visits'))
      .set(auth(a.ttVerifierA))
      .send(visit(app.version, { neighbours: [{ name: 'Suresh Patel', statement: 'Showed his card ५६७८ ४३२१ ९८७६ to vouch' }] }))
      .expect(400);
    expect(aadhaar.body.fields).toEqual([{ field: 'neighbours[0].statement', message: expect.stringContaining('Aadhaar') }]);
    const exe = await t.http.post(path(app.id, 'attachments')).set(auth(a.ttVerifierA)).field('kind', 'CONSENT_LETTER').attach('file', Buffer.from('MZ\x90\x00 not a scan', 'latin1'), 'consent.pdf').expect(400);
    expect(exe.body.fields[0].field).toBe('file');
    const named = await t.http.post(path(app.id, 'attachments')).set(auth(a.ttVerifierA)).field('kind', 'CONSENT_LETTER').attach('file', CONSENT_PDF, 'aadhaar 2341 2341 2345.pdf').expect(400);
    expect(named.body.fields[0].field).toBe('file');
    const after = await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA)).expect(200);
    expect(after.body).toMatchObject({ visits: [], attachments: [], version: app.version });
  });

  it('finds the applicant’s record written in the other script, scores it with reasons, and the verifier rules on each hit', async () => {
    // The applicant wrote his name in English only; the record is in Hindi.
    const body = verificationBody();
    const app = await received({ ...body, applicant: { ...body.applicant, nameHi: undefined, relativeName: 'Ramesh Chandra Sharma' } });
    const checked = await t.http.post(path(app.id, 'records-check')).set(auth(a.ttVerifierA)).send({ version: app.version }).expect(200);
    const hits = checked.body.recordsCheck.hits as Array<{ id: string; band: string; score: number; why: Array<{ field: string; en: string; hi: string }>; record: { firRef: string } }>;
    expect(hits[0]).toMatchObject({ band: 'STRONG', record: { firRef: '112/2019', policeStation: 'Ashoka Garden' }, decision: null });
    expect(hits[0]!.why.map((w) => w.field)).toEqual(expect.arrayContaining(['name', 'relative', 'birth']));
    const namesake = hits.find((h) => h.record.firRef === '431/2021')!;
    expect(namesake.band).not.toBe('STRONG');
    // Checked again: nothing found twice.
    const again = await t.http.post(path(app.id, 'records-check')).set(auth(a.ttVerifierA)).send({ version: checked.body.version }).expect(200);
    expect(again.body.recordsCheck.hits).toHaveLength(hits.length);
    const ruled = await t.http.post(path(app.id, `hits/${namesake.id}/adjudicate`)).set(auth(a.ttVerifierB)).send({ version: again.body.version, decision: 'DIFFERENT', reason: 'Another father; born 12 years later.' }).expect(200);
    expect(ruled.body.recordsCheck.hits.find((h: { id: string }) => h.id === namesake.id)).toMatchObject({ decision: 'DIFFERENT', decisionReason: 'Another father; born 12 years later.', decidedBy: expect.objectContaining({ username: 't_verifier_tt_nagar_b' }) });
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'verification.%' ORDER BY id`, [app.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['verification.check_records', 'verification.adjudicate_hit']));
    // A hit of another application is not this one's.
    const other = await received();
    await t.http.post(path(other.id, `hits/${namesake.id}/adjudicate`)).set(auth(a.ttVerifierA)).send({ version: other.version, decision: 'SAME', reason: 'wrong application' }).expect(400);
  });

  it('holds CLEAR to a consent letter, a visit and every hit ruled on, none the same person', async () => {
    const app = await received();
    const report = (version: number, body: Record<string, unknown>) => t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version, ...body });
    const bare = await report(app.version, { outcome: 'CLEAR' }).expect(400);
    expect(bare.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['consentLetter', 'outcome', 'outcome']);
    await consent(app.id);
    let v = (await t.http.post(path(app.id, 'visits')).set(auth(a.ttVerifierA)).send(visit((await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA))).body.version)).expect(200)).body;
    v = (await t.http.post(path(app.id, 'records-check')).set(auth(a.ttVerifierA)).send({ version: v.version }).expect(200)).body;
    const open = await report(v.version, { outcome: 'CLEAR' }).expect(400);
    expect(open.body.message).toMatch(/every records-check hit ruled on/);
    for (const h of v.recordsCheck.hits) {
      v = (await t.http.post(path(app.id, `hits/${h.id}/adjudicate`)).set(auth(a.ttVerifierA)).send({ version: v.version, decision: h.record.firRef === '112/2019' ? 'SAME' : 'DIFFERENT', reason: 'Compared father, DOB and address.' }).expect(200)).body;
    }
    const same = await report(v.version, { outcome: 'CLEAR' }).expect(400);
    expect(same.body.message).toMatch(/ruled the same person: report ADVERSE/);
    // Ruled different after all (a second look): CLEAR goes to the DSP.
    const sameHit = v.recordsCheck.hits.find((h: { record: { firRef: string } }) => h.record.firRef === '112/2019');
    v = (await t.http.post(path(app.id, `hits/${sameHit.id}/adjudicate`)).set(auth(a.ttVerifierA)).send({ version: v.version, decision: 'DIFFERENT', reason: 'Different house number and mother’s name on the FIR.' }).expect(200)).body;
    const stale = await report(v.version - 1, { outcome: 'CLEAR' }).expect(409);
    expect(stale.body.currentVersion).toBe(v.version);
    const clear = await report(v.version, { outcome: 'CLEAR' }).expect(200);
    expect(clear.body).toMatchObject({ status: 'REPORTED', report: { outcome: 'CLEAR', citedHitIds: [] }, allowedActions: [] });
    // The verifier can do nothing more; the DSP can.
    const more = await t.http.post(path(app.id, 'records-check')).set(auth(a.ttVerifierA)).send({ version: clear.body.version }).expect(409);
    expect(more.body).toMatchObject({ state: 'REPORTED', action: 'checkRecords', allowed: [] });
    const dsp = await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.circleApprover)).expect(200);
    expect(dsp.body.allowedActions).toEqual(['signOff', 'sendBack']);
  });

  it('holds ADVERSE to grounds citing hits ruled the same person; the circle’s DSP signs it off, not an approver at the thana', async () => {
    const app = await received();
    await consent(app.id);
    let v = (await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA))).body;
    v = (await t.http.post(path(app.id, 'records-check')).set(auth(a.ttVerifierA)).send({ version: v.version }).expect(200)).body;
    const strong = v.recordsCheck.hits.find((h: { record: { firRef: string } }) => h.record.firRef === '112/2019');
    const namesake = v.recordsCheck.hits.find((h: { record: { firRef: string } }) => h.record.firRef === '431/2021');
    v = (await t.http.post(path(app.id, `hits/${namesake.id}/adjudicate`)).set(auth(a.ttVerifierA)).send({ version: v.version, decision: 'DIFFERENT', reason: 'Another father.' }).expect(200)).body;
    const report = (body: Record<string, unknown>) => t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version: v.version, outcome: 'ADVERSE', ...body });
    const bare = await report({}).expect(400);
    expect(bare.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['citedHitIds', 'grounds']);
    // Cited before it was ruled the same person, or a hit ruled different: refused.
    const unruled = await report({ grounds: 'Theft case 112/2019 pending trial.', citedHitIds: [strong.id] }).expect(400);
    expect(unruled.body.fields[0].field).toBe('citedHitIds');
    const different = await report({ grounds: 'Theft case 112/2019 pending trial.', citedHitIds: [namesake.id] }).expect(400);
    expect(different.body.fields[0].field).toBe('citedHitIds');
    v = (await t.http.post(path(app.id, `hits/${strong.id}/adjudicate`)).set(auth(a.ttVerifierA)).send({ version: v.version, decision: 'SAME', reason: 'Same father, same DOB, same locality.' }).expect(200)).body;
    const adverse = await report({ grounds: 'Theft case 112/2019 pending trial.', citedHitIds: [strong.id] }).expect(200);
    expect(adverse.body.report).toMatchObject({ outcome: 'ADVERSE', grounds: 'Theft case 112/2019 pending trial.', citedHitIds: [strong.id] });

    const atThana = await t.http.post(path(app.id, 'sign-off')).set(auth(a.thanaApprover)).send({ version: adverse.body.version }).expect(403);
    expect(atThana.body.message).toMatch(/circle's DSP/);
    await t.http.post(path(app.id, 'sign-off')).set(auth(a.otherZoneApprover)).send({ version: adverse.body.version }).expect(404);
    const signed = await t.http.post(path(app.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: adverse.body.version, note: 'Seen; agreed.' }).expect(200);
    expect(signed.body).toMatchObject({ status: 'SIGNED_OFF', signOff: { note: 'Seen; agreed.', by: expect.objectContaining({ username: 't_approver_acp_tt_nagar' }) }, allowedActions: [] });
    const sms = await db.query(`SELECT template, body FROM notification WHERE source_id = $1 ORDER BY created_at`, [app.id]);
    expect(sms.map((s: { template: string }) => s.template)).toEqual(['verification-received', 'verification-adverse']);
    expect(sms[1].body).not.toContain('112/2019');
    const outbox = await db.query(`SELECT kind, grading, metadata FROM eoffice_outbox WHERE source_id = $1`, [app.id]);
    expect(outbox).toEqual([{ kind: 'VERIFICATION_REPORT', grading: 'CONFIDENTIAL', metadata: { ref: app.ref, thana: 'TT_NAGAR' } }]);
    // Admins see that messages went, not what they said.
    const listed = await t.http.get('/api/v1/notifications').query({ sourceId: app.id, limit: 10 }).set(auth(await t.tokenFor(['ADMIN']))).expect(200);
    expect(listed.body.map((n: { body: string }) => n.body)).toEqual([expect.stringContaining('withheld'), expect.stringContaining('withheld')]);
    // Signed off: final.
    await t.http.post(path(app.id, 'send-back')).set(auth(a.circleApprover)).send({ version: signed.body.version, reason: 'too late now' }).expect(409);
  });

  it('holds INCOMPLETE to what is missing; the DSP may send a report back to the verifier', async () => {
    const app = await received();
    await consent(app.id);
    const v = (await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA))).body;
    const bare = await t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version: v.version, outcome: 'INCOMPLETE' }).expect(400);
    expect(bare.body.fields[0].field).toBe('missing');
    const mixed = await t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version: v.version, outcome: 'INCOMPLETE', missing: 'House locked on three visits.', grounds: 'none at all here' }).expect(400);
    expect(mixed.body.fields[0].field).toBe('grounds');
    const done = await t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version: v.version, outcome: 'INCOMPLETE', missing: 'House locked on three visits.' }).expect(200);
    const back = await t.http.post(path(app.id, 'send-back')).set(auth(a.circleApprover)).send({ version: done.body.version, reason: 'Visit once more on a Sunday.' }).expect(200);
    expect(back.body).toMatchObject({ status: 'UNDER_ENQUIRY', report: null, sentBackReason: 'Visit once more on a Sunday.' });
    const again = await t.http.post(path(app.id, 'report')).set(auth(a.ttVerifierA)).send({ version: back.body.version, outcome: 'INCOMPLETE', missing: 'Still locked; neighbours say the family moved.' }).expect(200);
    const signed = await t.http.post(path(app.id, 'sign-off')).set(auth(a.circleApprover)).send({ version: again.body.version }).expect(200);
    expect(signed.body.report).toMatchObject({ outcome: 'INCOMPLETE', missing: 'Still locked; neighbours say the family moved.' });
    const sms = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at`, [app.id]);
    expect(sms.map((s: { template: string }) => s.template)).toEqual(['verification-received', 'verification-incomplete']);
  });

  it('warns the verifier and the circle’s DSP once near the Lok Seva limit and once past it, and the board shows it', async () => {
    const mobiles: Array<[string, string]> = [
      [a.ttVerifierA, '9000000001'],
      [a.ttVerifierB, '9000000002'],
      [a.circleApprover, '9000000003'],
      [a.thanaApprover, '9000000004'],
    ];
    for (const [token, mobile] of mobiles) await db.query(`UPDATE app_user SET mobile = $2 WHERE id = $1`, [await userId(t, token), mobile]);
    // Received 5 Nov: due 20 Dec, 19 days left on 1 Dec.
    const app = (await t.http.post('/api/v1/verifications').set(auth(a.intake)).send(verificationBody({}, '2026-11-05T10:00:00+05:30')).expect(201)).body;
    expect(app.lokSeva).toMatchObject({ dueOn: '2026-12-20', daysLeft: 19, sla: 'ON_TIME' });
    const escalation = t.app.get(VerificationEscalation);
    const told = async () =>
      (await db.query(`SELECT template, recipient FROM notification WHERE source_id = $1 AND template LIKE 'verification-sla-%' ORDER BY template, recipient`, [app.id])) as Array<{ template: string; recipient: string }>;
    const verifierMobile = app.assignedTo.id === (await userId(t, a.ttVerifierA)) ? '9000000001' : '9000000002';
    await escalation.run();
    expect(await told()).toEqual([]);

    clock.set('2026-12-04T18:29:00Z'); // 23:59 IST on 4 Dec: 16 days left
    await escalation.run();
    expect(await told()).toEqual([]);
    clock.set('2026-12-04T18:30:00Z'); // 00:00 IST on 5 Dec: 15 days left, the 30th day
    await escalation.run();
    await escalation.run();
    const warned = [
      { template: 'verification-sla-warning', recipient: '9000000003' },
      { template: 'verification-sla-warning', recipient: verifierMobile },
    ].sort((x, y) => x.recipient.localeCompare(y.recipient));
    expect(await told()).toEqual(warned);
    const board = (await t.http.get('/api/v1/verifications/sla-board').set(auth(a.circleApprover)).expect(200)).body.thanas;
    const tt = board.find((x: { thana: { code: string } }) => x.thana.code === 'TT_NAGAR');
    expect(tt.nearBreach.map((i: { ref: string }) => i.ref)).toContain(app.ref);
    expect(tt.breached.map((i: { ref: string }) => i.ref)).not.toContain(app.ref);
    const record = (await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA)).expect(200)).body;
    expect(record.lokSeva).toMatchObject({ daysLeft: 15, sla: 'NEAR_BREACH', warnedAt: expect.any(String), breachNoticedAt: null });
    expect(record.version).toBe(app.version);

    clock.set('2026-12-20T18:30:00Z'); // 00:00 IST on 21 Dec: past the limit
    await escalation.run();
    await escalation.run();
    expect((await told()).filter((x) => x.template === 'verification-sla-breached').map((x) => x.recipient).sort()).toEqual(['9000000003', verifierMobile].sort());
    const after = (await t.http.get('/api/v1/verifications/sla-board').set(auth(a.ttVerifierA)).expect(200)).body.thanas;
    expect(after.find((x: { thana: { code: string } }) => x.thana.code === 'TT_NAGAR').breached.map((i: { ref: string }) => i.ref)).toContain(app.ref);
    // Another zone's approver sees none of it.
    const other = (await t.http.get('/api/v1/verifications/sla-board').set(auth(a.otherZoneApprover)).expect(200)).body.thanas;
    expect(other.map((x: { thana: { code: string } }) => x.thana.code)).not.toContain('TT_NAGAR');
    const sms = await db.query(`SELECT body FROM notification WHERE source_id = $1 AND template LIKE 'verification-sla-%'`, [app.id]);
    for (const { body } of sms) expect(body).not.toMatch(/Rajesh|राजेश|9876543210/);
    clock.set('2026-12-01T12:00:00+05:30');
  });
});
