import { DataSource } from 'typeorm';
import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';
import { CONSENT_PDF, seedLocalities, userId, VerificationActors, verificationActors, verificationBody } from './support/verifications';
import { withoutRandomHex } from './support/random-hex';

/**
 * Character verification, part 1: intake with its field rules and the stricter Aadhaar check,
 * routing to the thana and its least-loaded verifier, need-to-know on every path, and the
 * personal queue ordered by days left across IST midnight.
 */
describe('character verification: intake, routing, privacy, queues (e2e)', () => {
  let t: TestApp;
  let a: VerificationActors;
  let db: DataSource;
  // 23:50 IST on 1 Dec 2026.
  const clock = fixedClock('2026-12-01T18:20:00Z');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const receive = (body: unknown, token = a.intake) => t.http.post('/api/v1/verifications').set(auth(token)).send(body as object);
  const count = async () => Number((await db.query(`SELECT count(*) FROM verification_application`))[0].count);

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    db = t.app.get(DataSource);
    a = await verificationActors(t);
    await seedLocalities(t, await t.tokenFor(['ADMIN']));
  });
  afterAll(() => t.close());

  describe('intake', () => {
    it('numbers it CV/<year>/<6 digits>, routes it by its locality in the other script, derives the missing name and tells the applicant', async () => {
      const body = verificationBody();
      const { nameEn: _en, ...applicant } = body.applicant;
      const res = await receive({ ...body, applicant }).expect(201);
      expect(res.body.ref).toMatch(/^CV\/2026\/\d{6}$/);
      expect(res.body.status).toBe('UNDER_ENQUIRY');
      expect(res.body.applicant).toMatchObject({ nameHi: 'राजेश कुमार शर्मा', nameEn: 'Rajesh Kumar Sharma', nameDerived: 'en', idLast4: '4821' });
      expect(res.body.thana.code).toBe('TT_NAGAR');
      expect(res.body.routing).toEqual({ routedBy: 'LOCALITY', note: 'locality शिवाजी नगर' });
      expect(res.body.fee).toEqual({ status: 'PAID', amount: 100, challanNo: 'MPTC/2026/448812' });
      // Received 24 Nov; 45 days for employment.
      expect(res.body.lokSeva).toEqual({ limitDays: 45, dueOn: '2027-01-08', daysLeft: 38, sla: 'ON_TIME', warnedAt: null, breachNoticedAt: null });
      expect(res.body.consentLetterOnFile).toBe(false);
      expect(res.body.allowedActions).toEqual(['reassign', 'recordVisit', 'checkRecords', 'adjudicateHit', 'submitReport']);
      const sms = await db.query(`SELECT template, language, recipient FROM notification WHERE source_id = $1`, [res.body.id]);
      expect(sms).toEqual([{ template: 'verification-received', language: 'hi', recipient: '9876543210' }]);
    });

    it('writes a Latin-only name in Devanagari, marked derived; a BPL applicant pays nothing', async () => {
      const body = verificationBody({ fee: { status: 'BPL_EXEMPT' } });
      const { nameHi: _hi, ...applicant } = body.applicant;
      const res = await receive({ ...body, applicant: { ...applicant, nameEn: 'Sunita Sharma' } }).expect(201);
      expect(res.body.applicant).toMatchObject({ nameEn: 'Sunita Sharma', nameHi: 'सुनिता शर्मा', nameDerived: 'hi' });
      expect(res.body.fee).toEqual({ status: 'BPL_EXEMPT', amount: 0, challanNo: null });
    });

    it('refuses what the purpose does not allow, naming each field, and stores nothing', async () => {
      const before = await count();
      const passport = await receive(verificationBody({ purpose: 'PASSPORT', fee: { status: 'PAID' } })).expect(400);
      expect(passport.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['fee.challanNo', 'permanentAddress']);
      const self = await receive(verificationBody({ purpose: 'TENANT', requestingParty: undefined, permanentAddress: undefined })).expect(400);
      expect(self.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['permanentAddress', 'requestingParty']);
      const noName = verificationBody();
      const future = await receive({ ...noName, applicant: { ...noName.applicant, nameHi: undefined, nameEn: undefined }, intake: { channel: 'POST', receivedAt: '2026-12-02T09:00:00+05:30' } }).expect(400);
      expect(future.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['applicant.nameEn', 'intake.receivedAt']);
      const old = await receive(verificationBody({ applicant: { ...verificationBody().applicant, dob: '1899-12-31' } })).expect(400);
      expect(old.body.fields[0].field).toBe('applicant.dob');
      expect(await count()).toBe(before);
    });

    it('is entered by a thana’s verifier only for the thana’s own applications', async () => {
      const before = await count();
      await receive(verificationBody({ presentAddress: { address: '5, Main Road', locality: 'Shahpura', years: 2 } }), a.ttVerifierA).expect(403);
      expect(await count()).toBe(before);
      const own = await receive(verificationBody(), a.ttVerifierA).expect(201);
      expect(own.body.thana.code).toBe('TT_NAGAR');
    });

    it('refuses a 12-digit Aadhaar-shaped number, valid check digit or not, in any field and script', async () => {
      const before = await count();
      const base = verificationBody();
      // 2341 2341 2345 fails the Verhoeff check (the global guard lets it through); it is still refused here.
      const cases: Array<[string, unknown]> = [
        ['applicant.nameEn', { ...base, applicant: { ...base.applicant, nameEn: 'Rajesh 234123412345' } }],
        ['presentAddress.address', { ...base, presentAddress: { ...base.presentAddress, address: 'आधार २३४१ २३४१ २३४५, गली 3' } }],
        ['requestingParty.address', { ...base, requestingParty: { name: 'Sharma Traders', address: 'Aadhaar 2341-2341-2345 of the owner' } }],
        ['fee.challanNo', { ...base, fee: { status: 'PAID', challanNo: '２３４１ ２３４１ ２３４５' } }],
        ['routing.reason', { ...base, routing: { thanaCode: 'KAMLA_NAGAR', reason: 'Applicant gave 234 123 412 345 as his number' } }],
      ];
      for (const [field, body] of cases) {
        const res = await receive(body).expect(400);
        expect({ field, got: res.body.fields }).toEqual({ field, got: [{ field, message: expect.stringContaining('Aadhaar') }] });
      }
      expect(await count()).toBe(before);
      const listed = await t.http.get('/api/v1/verifications').query({ thanaCode: '2341 2341 2345' }).set(auth(a.intake)).expect(400);
      expect(listed.body.fields[0].field).toBe('thanaCode');
    });
  });

  describe('routing', () => {
    it('balances open work between the thana’s verifiers, and a reassignment is audited', async () => {
      const [idA, idB] = [await userId(t, a.ttVerifierA), await userId(t, a.ttVerifierB)];
      const load = async () => {
        const rows: Array<{ assigned_to: string; n: number }> = await db.query(
          `SELECT assigned_to, count(*)::int AS n FROM verification_application WHERE thana_unit_id = (SELECT id FROM unit WHERE code = 'TT_NAGAR') GROUP BY assigned_to`,
        );
        return Object.fromEntries(rows.map((r) => [r.assigned_to === idA ? 'A' : r.assigned_to === idB ? 'B' : String(r.assigned_to), r.n]));
      };
      const start = await load();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await receive(verificationBody()).expect(201)).body.id);
      const after = await load();
      const total = (x: Record<string, number>) => (x.A ?? 0) + (x.B ?? 0);
      expect(total(after)).toBe(total(start) + 4);
      expect(Math.abs((after.A ?? 0) - (after.B ?? 0))).toBeLessThanOrEqual(1);

      // Everything of B's goes to A: the next one is B's.
      const bs = (await db.query(`SELECT id, version FROM verification_application WHERE assigned_to = $1`, [idB])) as Array<{ id: string; version: number }>;
      for (const b of bs) {
        const res = await t.http.post(`/api/v1/verifications/${b.id}/reassign`).set(auth(a.ttVerifierA)).send({ version: b.version, verifierId: idA, reason: 'SI on leave till 10-12' }).expect(200);
        expect(res.body.assignedTo.id).toBe(idA);
      }
      const next = await receive(verificationBody()).expect(201);
      expect(next.body.assignedTo.id).toBe(idB);
      const audit = await db.query(`SELECT diff FROM audit_log WHERE action = 'verification.reassign' AND entity_id = $1`, [bs[0]!.id]);
      expect(audit).toEqual([{ diff: expect.objectContaining({ from: { thana: 'TT_NAGAR', verifier: idB }, to: { thana: 'TT_NAGAR', verifier: idA }, reason: 'SI on leave till 10-12' }) }]);
      // Not to someone who is no verifier of the thana.
      const app = await t.http.get(`/api/v1/verifications/${next.body.id}`).set(auth(a.ttVerifierB)).expect(200);
      const refused = await t.http.post(`/api/v1/verifications/${next.body.id}/reassign`).set(auth(a.ttVerifierB)).send({ version: app.body.version, verifierId: await userId(t, a.kamlaVerifier), reason: 'wrong one' }).expect(400);
      expect(refused.body.fields[0].field).toBe('verifierId');
    });

    it('finds the thana by its own name, by a person’s override with the reason, and refuses an address it cannot place', async () => {
      const byName = await receive(verificationBody({ presentAddress: { address: '5, Main Road', locality: 'कमला नगर', years: 2 } })).expect(201);
      expect(byName.body.thana.code).toBe('KAMLA_NAGAR');
      expect(byName.body.routing.routedBy).toBe('THANA_NAME');
      const over = await receive(verificationBody({ routing: { thanaCode: 'MP_NAGAR', reason: 'Lane on the boundary; MP Nagar covers it' } })).expect(201);
      expect(over.body).toMatchObject({ thana: { code: 'MP_NAGAR' }, routing: { routedBy: 'OVERRIDE', note: 'Lane on the boundary; MP Nagar covers it' } });
      const lost = await receive(verificationBody({ presentAddress: { address: '5, Main Road', locality: 'Nowhere Colony', years: 2 } })).expect(400);
      expect(lost.body.fields[0].field).toBe('presentAddress.locality');
      const notThana = await receive(verificationBody({ routing: { thanaCode: 'ACP_TT_NAGAR', reason: 'circle, not a thana' } })).expect(400);
      expect(notThana.body.fields[0].field).toBe('routing.thanaCode');
    });

    it('sends it to another thana: its verifier takes it, and the applicant is told where it is now', async () => {
      const app = (await receive(verificationBody()).expect(201)).body;
      const res = await t.http.post(`/api/v1/verifications/${app.id}/reassign`).set(auth(a.circleApprover)).send({ version: app.version, thanaCode: 'KAMLA_NAGAR', reason: 'Applicant lives across the road, in Kamla Nagar' }).expect(200);
      expect(res.body.thana.code).toBe('KAMLA_NAGAR');
      expect(res.body.assignedTo.id).toBe(await userId(t, a.kamlaVerifier));
      const sms = await db.query(`SELECT template FROM notification WHERE source_id = $1 ORDER BY created_at`, [app.id]);
      expect(sms.map((s: { template: string }) => s.template)).toEqual(['verification-received', 'verification-rerouted']);
      // TT Nagar's verifiers no longer see it.
      await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(a.ttVerifierA)).expect(404);
    });
  });

  describe('need to know', () => {
    let app: { id: string; ref: string; version: number; attachmentId: string };
    beforeAll(async () => {
      const created = (await receive(verificationBody()).expect(201)).body;
      const up = await t.http.post(`/api/v1/verifications/${created.id}/attachments`).set(auth(a.ttVerifierA)).field('kind', 'CONSENT_LETTER').attach('file', CONSENT_PDF, 'consent.pdf').expect(201);
      app = { id: created.id, ref: created.ref, version: up.body.version, attachmentId: up.body.attachments[0].id };
    });

    it('lets the thana’s verifiers, the circle’s DSP, those above and an auditor read it, and audits every read', async () => {
      for (const token of [a.ttVerifierA, a.ttVerifierB, a.intake, a.circleApprover, a.thanaApprover, a.auditor]) {
        await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(token)).expect(200);
      }
      await t.http.get(`/api/v1/verifications/${app.id}/attachments/${app.attachmentId}`).set(auth(a.auditor)).expect(200);
      const rows = await db.query(`SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action IN ('verification.viewed', 'verification.attachment_downloaded') GROUP BY action ORDER BY action`, [app.id]);
      expect(rows).toEqual([
        { action: 'verification.attachment_downloaded', n: 1 },
        { action: 'verification.viewed', n: 8 },
      ]);
    });

    it('answers 404 to a verifier or approver outside its chain on every path, and audits the refusal', async () => {
      for (const token of [a.kamlaVerifier, a.mpVerifier, a.otherZoneApprover]) {
        await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(token)).expect(404);
        await t.http.get(`/api/v1/verifications/${app.id}/attachments/${app.attachmentId}`).set(auth(token)).expect(404);
      }
      for (const token of [a.kamlaVerifier, a.mpVerifier]) {
        await t.http.post(`/api/v1/verifications/${app.id}/visits`).set(auth(token)).send({ version: app.version, visitedOn: '2026-12-01', officerName: 'X Y', lat: 23.2, lng: 77.4, accuracyM: 10, neighbours: [], outcome: 'RESIDES_AT_ADDRESS' }).expect(404);
        await t.http.post(`/api/v1/verifications/${app.id}/records-check`).set(auth(token)).send({ version: app.version }).expect(404);
        await t.http.post(`/api/v1/verifications/${app.id}/attachments`).set(auth(token)).field('kind', 'OTHER').attach('file', CONSENT_PDF, 'x.pdf').expect(404);
      }
      await t.http.post(`/api/v1/verifications/${app.id}/send-back`).set(auth(a.otherZoneApprover)).send({ version: app.version, reason: 'not mine at all' }).expect(404);
      const refused = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'verification.refused'`, [app.id]);
      expect(refused[0].n).toBeGreaterThanOrEqual(6);
      // Nor is it in their lists.
      for (const token of [a.kamlaVerifier, a.otherZoneApprover]) {
        const list = await t.http.get('/api/v1/verifications').set(auth(token)).expect(200);
        expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(app.id);
      }
    });

    it('is not for the control room, thana officers or admins at all', async () => {
      for (const token of [a.controlRoom, a.officer, await t.tokenFor(['ADMIN'])]) {
        await t.http.get(`/api/v1/verifications/${app.id}`).set(auth(token)).expect(403);
        await t.http.get('/api/v1/verifications').set(auth(token)).expect(403);
      }
      // Nor through the generic audit-free paths: the notifications list names no applicant.
    });

    it('masks the mobile and leaves the ID digits out of lists', async () => {
      const list = await t.http.get('/api/v1/verifications').set(auth(a.auditor)).expect(200);
      const item = list.body.items.find((i: { id: string }) => i.id === app.id);
      expect(item.mobileMasked).toBe('******3210');
      // Record ids are random hex and may hold any four digits: they are taken out first.
      const listed = withoutRandomHex(JSON.stringify(list.body));
      expect(listed).not.toContain('9876543210');
      expect(listed).not.toContain('4821');
      const csv = await t.http.get('/api/v1/verifications/export.csv').set(auth(a.auditor)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      }).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const text = csv.body as string;
      expect(text).toContain(app.ref);
      expect(text).toContain('******3210');
      expect(withoutRandomHex(text)).not.toContain('9876543210');
      expect(withoutRandomHex(text)).not.toContain('4821');
      const exported = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'verification.exported'`);
      expect(exported[0].n).toBe(1);
      await t.http.get('/api/v1/verifications/export.csv').set(auth(a.controlRoom)).expect(403);
    });
  });

  describe('queues', () => {
    it('orders a verifier’s queue by days left and counts them down at IST midnight, not before', async () => {
      const me = await userId(t, a.mpVerifier);
      const mk = async (purpose: string, receivedAt: string) => {
        const over = purpose === 'PASSPORT' ? { purpose, permanentAddress: undefined } : { purpose };
        return (await receive(verificationBody({ ...over, presentAddress: { address: '1, Zone-I', locality: 'Zone-I Market', years: 3 } }, receivedAt)).expect(201)).body;
      };
      // Employment 45 days from 20 Nov: due 4 Jan. Passport 21 days from 1 Dec 23:45: due 22 Dec.
      // Tenant 45 days from 1 Nov: due 16 Dec.
      const employment = await mk('EMPLOYMENT', '2026-11-20T11:00:00+05:30');
      const passport = await mk('PASSPORT', '2026-12-01T23:45:00+05:30');
      const tenant = await mk('TENANT', '2026-11-01T10:00:00+05:30');
      for (const x of [employment, passport, tenant]) expect(x.assignedTo.id).toBe(me);
      const ours = new Set([employment.ref, passport.ref, tenant.ref]);
      const queue = async () => {
        const items: Array<{ ref: string; daysLeft: number }> = (await t.http.get('/api/v1/verifications/queue').set(auth(a.mpVerifier)).expect(200)).body.items;
        expect(items.map((i) => i.daysLeft)).toEqual([...items.map((i) => i.daysLeft)].sort((x, y) => x - y));
        return items.filter((i) => ours.has(i.ref)).map((i) => [i.ref, i.daysLeft]);
      };
      // 23:50 IST on 1 Dec.
      expect(await queue()).toEqual([
        [tenant.ref, 15],
        [passport.ref, 21],
        [employment.ref, 34],
      ]);
      clock.set('2026-12-01T18:29:59Z');
      expect((await queue())[0]).toEqual([tenant.ref, 15]);
      clock.set('2026-12-01T18:30:00Z'); // 00:00 IST, 2 Dec
      expect(await queue()).toEqual([
        [tenant.ref, 14],
        [passport.ref, 20],
        [employment.ref, 33],
      ]);
      const record = await t.http.get(`/api/v1/verifications/${tenant.id}`).set(auth(a.mpVerifier)).expect(200);
      expect(record.body.lokSeva).toMatchObject({ limitDays: 45, dueOn: '2026-12-16', daysLeft: 14, sla: 'NEAR_BREACH' });
      clock.set('2026-12-17T06:00:00Z');
      const workload = (await t.http.get('/api/v1/verifications/workload').set(auth(a.otherZoneApprover)).expect(200)).body.thanas;
      expect(workload).toEqual([expect.objectContaining({ thana: expect.objectContaining({ code: 'MP_NAGAR' }), open: 4, overdue: 1, unassigned: 0 })]);
      clock.set('2026-12-01T18:20:00Z');
    });

    it('shows open work per thana and per verifier, verifiers with none included', async () => {
      const res = await t.http.get('/api/v1/verifications/workload').set(auth(a.circleApprover)).expect(200);
      const codes = res.body.thanas.map((x: { thana: { code: string } }) => x.thana.code).sort();
      expect(codes).toEqual(['KAMLA_NAGAR', 'TT_NAGAR']);
      const tt = res.body.thanas.find((x: { thana: { code: string } }) => x.thana.code === 'TT_NAGAR');
      expect(tt.verifiers).toHaveLength(2);
      expect(tt.open).toBe(tt.verifiers.reduce((n: number, v: { open: number }) => n + v.open, 0) + tt.unassigned);
    });
  });
});

