import type { Response } from 'supertest';
import { EofficeSimulator, startEofficeSimulator } from '../src/platform/eoffice/simulator/simulator';
import { bandobastBody, istDay, newChart, shift } from './support/duty-charts';
import { dakBody, fastEofficeEnv } from './support/eoffice';
import { createApplication, istAt, protestActors, ProtestActors, seedVenues, STEP_BODIES } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';
import { CONSENT_PDF, seedLocalities, verificationActors, VerificationActors, verificationBody } from './support/verifications';

const auth = { type: 'bearer' as const };

/**
 * A move the record's state does not allow is refused the same way in every workflow: 409
 * with the state it is in, the action asked for, and the actions this user may take instead.
 */
function expectRefused(res: Response, state: string, action: string, allowed: string[], extra: Record<string, unknown> = {}) {
  expect(res.status).toBe(409);
  expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String), state, action, allowed, ...extra });
  expect(res.body.message).toContain(state);
}

describe('one refusal for a disallowed action, in every workflow (e2e)', () => {
  let sim: EofficeSimulator;
  let t: TestApp;

  beforeAll(async () => {
    // e-Office is down throughout, so outbox items stay undelivered.
    sim = await startEofficeSimulator({ port: 0, mode: { mode: 'down' } });
    t = await bootTestApp(fastEofficeEnv(sim.url));
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });

  describe('protest permissions', () => {
    let a: ProtestActors;
    beforeAll(async () => {
      a = await protestActors(t);
      await seedVenues(t, a.admin);
    });

    it('refuses the DCP approving an application the thana has not reported on, naming what the DCP may do', async () => {
      const app = await createApplication(t, a);
      const res = await t.http.post(`/api/v1/protests/${app.id}/approve`).auth(a.approver, auth).send({ version: app.version, ...STEP_BODIES.approve });
      expectRefused(res, 'RECEIVED', 'approve', ['requestThanaReport']);
    });

    it('refuses any move on a withdrawn application, with nothing left to do', async () => {
      const app = await createApplication(t, a);
      await t.http.post(`/api/v1/protests/${app.id}/withdraw`).auth(a.control, auth).send({ version: app.version, ...STEP_BODIES.withdraw }).expect(200);
      const res = await t.http.post(`/api/v1/protests/${app.id}/request-thana-report`).auth(a.control, auth).send({ version: app.version + 1, ...STEP_BODIES['request-thana-report'] });
      expectRefused(res, 'WITHDRAWN', 'requestThanaReport', []);
    });
  });

  describe('duty charts', () => {
    let duty: string;
    let chartId: string;
    beforeAll(async () => {
      duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
      const at = (hhmm: string) => `${istDay(5)}T${hhmm}:00+05:30`;
      const body = bandobastBody('Refusals', [{ code: 'R1', shifts: [shift('R1-A', at('10:00'), at('16:00'), { CONSTABLE: 2 })] }], { unitCode: 'MP_NAGAR' });
      const bandobast = (await t.http.post('/api/v1/bandobasts').auth(duty, auth).send(body).expect(201)).body;
      chartId = await newChart(t, duty, bandobast.id);
    });

    it('refuses to publish a draft that was never solved, with the reason and what the duty officer may do', async () => {
      const res = await t.http.post(`/api/v1/duty-charts/${chartId}/publish`).auth(duty, auth);
      expectRefused(res, 'DRAFT', 'publish', ['solve', 'edit', 'discard'], { solveResult: null, shortfalls: [], solveErrors: [] });
      expect(res.body.message).toContain('has not been solved yet');
    });

    it('refuses to solve a discarded version, with nothing left to do', async () => {
      await t.http.post(`/api/v1/duty-charts/${chartId}/discard`).auth(duty, auth).expect(200);
      const res = await t.http.post(`/api/v1/duty-charts/${chartId}/solve`).auth(duty, auth).send({});
      expectRefused(res, 'DISCARDED', 'solve', []);
    });
  });

  describe('VIP programmes', () => {
    const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
    const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
    const leg = { start: istAt(11, '10:00'), end: istAt(11, '10:40'), from: newMarket, to: ttNagarStadium, mode: 'ROAD_CONVOY', route: [], venue: 'TT Nagar Stadium', activity: 'PUBLIC_MEETING' };
    let desk: string;
    let ttOfficer: string;
    let programmeId: string;
    beforeAll(async () => {
      desk = await t.tokenFor(['CONTROL_ROOM']);
      ttOfficer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
      const protectee = await t.http
        .post('/api/v1/protectees')
        .auth(desk, auth)
        .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor, Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', callSign: 'RAJ-1', listRank: 2 })
        .expect(201);
      const created = await t.http.post('/api/v1/vip-programmes').auth(desk, auth).send({ protecteeId: protectee.body.id, title: 'Governor at TT Nagar', legs: [leg] }).expect(201);
      programmeId = created.body.id;
      await t.http.post(`/api/v1/vip-programmes/${programmeId}/cancel`).auth(desk, auth).send({ reason: 'Visit called off by Raj Bhavan' }).expect(200);
    });

    it('refuses to revise, re-send, draft a bandobast for or cancel again a cancelled programme', async () => {
      expectRefused(await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(desk, auth).send({ revision: 1, legs: [leg] }), 'CANCELLED', 'revise', []);
      expectRefused(await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/1/resend`).auth(desk, auth), 'CANCELLED', 'resend', []);
      expectRefused(await t.http.post(`/api/v1/vip-programmes/${programmeId}/bandobast-draft`).auth(desk, auth), 'CANCELLED', 'bandobastDraft', []);
      expectRefused(await t.http.post(`/api/v1/vip-programmes/${programmeId}/cancel`).auth(desk, auth).send({ reason: 'Visit called off twice' }), 'CANCELLED', 'cancel', []);
    });

    it('refuses a unit\'s acknowledgement of a cancelled programme', async () => {
      expectRefused(await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledge`).auth(ttOfficer, auth), 'CANCELLED', 'acknowledge', []);
      const acks = (await t.http.get(`/api/v1/vip-programmes/${programmeId}/revisions/1/acknowledgements`).auth(desk, auth).expect(200)).body;
      expect(acks.length).toBeGreaterThan(0);
      expect(acks.every((u: { acknowledgedAt: unknown }) => u.acknowledgedAt === null)).toBe(true);
    });
  });

  describe('the e-Office outbox', () => {
    let control: string;
    let admin: string;
    let itemId: string;
    beforeAll(async () => {
      control = await t.tokenFor(['CONTROL_ROOM']);
      admin = await t.tokenFor(['ADMIN']);
      const dak = await t.http.post('/api/v1/dak').auth(control, auth).send(dakBody(1)).expect(201);
      const list = await t.http.get(`/api/v1/eoffice/outbox?sourceRef=${encodeURIComponent(dak.body.ref)}`).auth(admin, auth).expect(200);
      itemId = list.body.items[0].id;
    });

    it('keeps cancelling to the admin (403), and refuses to retry or cancel a cancelled item (409) for anyone', async () => {
      await t.http.post(`/api/v1/eoffice/outbox/${itemId}/cancel`).auth(control, auth).send({ reason: 'entered twice' }).expect(403);
      await t.http.post(`/api/v1/eoffice/outbox/${itemId}/cancel`).auth(admin, auth).send({ reason: 'entered twice by mistake' }).expect(200);
      expectRefused(await t.http.post(`/api/v1/eoffice/outbox/${itemId}/retry`).auth(admin, auth), 'CANCELLED', 'retry', []);
      expectRefused(await t.http.post(`/api/v1/eoffice/outbox/${itemId}/retry`).auth(control, auth), 'CANCELLED', 'retry', []);
      expectRefused(await t.http.post(`/api/v1/eoffice/outbox/${itemId}/cancel`).auth(admin, auth).send({ reason: 'entered twice by mistake' }), 'CANCELLED', 'cancel', []);
    });
  });

  describe('dak receipts', () => {
    let control: string;
    let officer: string;
    beforeAll(async () => {
      control = await t.tokenFor(['CONTROL_ROOM']);
      officer = await t.tokenFor(['OFFICER'], 'TT_NAGAR', 'dak');
    });

    it('refuses closing an item marked to an officer before he receives it, naming what he may do', async () => {
      const dak = (await t.http.post('/api/v1/dak').auth(control, auth).send(dakBody(2, { markedTo: 'TT_NAGAR' })).expect(201)).body;
      const res = await t.http.post(`/api/v1/dak/${dak.id}/close`).auth(officer, auth).send({ version: dak.version, reason: 'Nothing to be done' });
      expectRefused(res, 'MARKED', 'close', ['receive']);
    });

    it('refuses the desk confirming an item it entered by hand: there is no e-mail to confirm', async () => {
      const dak = (await t.http.post('/api/v1/dak').auth(control, auth).send(dakBody(3)).expect(201)).body;
      const res = await t.http.post(`/api/v1/dak/${dak.id}/confirm`).auth(control, auth).send({ version: dak.version, grading: 'NORMAL' });
      expectRefused(res, 'DIARISED', 'confirm', ['mark', 'close']);
    });
  });

  describe('character verification', () => {
    let v: VerificationActors;
    const receive = async () => (await t.http.post('/api/v1/verifications').auth(v.intake, auth).send(verificationBody()).expect(201)).body;
    beforeAll(async () => {
      v = await verificationActors(t);
      await seedLocalities(t, await t.tokenFor(['ADMIN']));
    });

    it('refuses the DSP signing off an application still under enquiry, naming what the DSP may do', async () => {
      const app = await receive();
      const res = await t.http.post(`/api/v1/verifications/${app.id}/sign-off`).auth(v.circleApprover, auth).send({ version: app.version });
      expectRefused(res, 'UNDER_ENQUIRY', 'signOff', ['reassign']);
    });

    it('refuses the enquiry’s steps on a signed-off application: only its first appeal is left', async () => {
      const app = await receive();
      const up = (await t.http.post(`/api/v1/verifications/${app.id}/attachments`).auth(v.ttVerifierA, auth).field('kind', 'CONSENT_LETTER').attach('file', CONSENT_PDF, 'consent.pdf').expect(201)).body;
      const reported = (await t.http.post(`/api/v1/verifications/${app.id}/report`).auth(v.ttVerifierA, auth).send({ version: up.version, outcome: 'INCOMPLETE', missing: 'House locked on every visit.' }).expect(200)).body;
      const signed = (await t.http.post(`/api/v1/verifications/${app.id}/sign-off`).auth(v.circleApprover, auth).send({ version: reported.version }).expect(200)).body;
      const res = await t.http.post(`/api/v1/verifications/${app.id}/visits`).auth(v.ttVerifierA, auth).send({ version: signed.version, visitedOn: '2026-11-30', officerName: 'Ramesh Yadav', lat: 23.2345, lng: 77.401, accuracyM: 10, neighbours: [], outcome: 'HOUSE_LOCKED' });
      expectRefused(res, 'SIGNED_OFF', 'recordVisit', ['fileFirstAppeal']);
    });
  });
});
