import { DataSource } from 'typeorm';
import { holdingEoffice, HoldingEoffice } from './support/holding-eoffice';
import { createApplication, protestActors, ProtestActors, ProtestView, seedVenues, STEP_BODIES, stepToken, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

type Body = Record<string, unknown>;

/**
 * Every workflow action answers with the record view: exactly what `GET /protests/:id` gives
 * the same user right after, letters and verify links included, and nothing of the stored row
 * beyond it. People and units show as who and what they are, not as ids.
 */
describe('Protest workflow answers and the people on a record (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let eoffice: HoldingEoffice;
  let detailFields: string[];

  /** Takes one step and checks its answer against a GET by the same user: the record after it. */
  async function act(app: ProtestView, name: string, extra: Body = {}): Promise<ProtestView> {
    const token = stepToken(a, name, app);
    const res = await t.http
      .post(`/api/v1/protests/${app.id}/${name}`)
      .auth(token, { type: 'bearer' })
      .send({ version: app.version, ...STEP_BODIES[name], ...extra });
    expect({ name, status: res.status }).toEqual({ name, status: 200 });
    expect(res.body).toEqual(await view(t, token, app.id));
    expect(Object.keys(res.body).sort()).toEqual(detailFields);
    // Nothing of the stored row that the record view does not show.
    for (const internal of ['geoPoints', 'thanaUnitId', 'venueId', 'clashesAtDecision', 'rulesAtDecision', 'revokedBy', 'decidedBy', 'enteredBy', 'mobile'])
      expect({ name, internal, leaked: internal in res.body }).toEqual({ name, internal, leaked: false });
    return res.body;
  }

  beforeAll(async () => {
    eoffice = await holdingEoffice();
    t = await bootTestApp({ ...eoffice.env, BASE_URL: 'https://police-ops.bhopal.test' });
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    detailFields = Object.keys(doc.components.schemas.ProtestDetailView.properties).sort();
    // The accounts as their owners would be named on the roll.
    const db = t.app.get(DataSource);
    const named: Array<[string, string, string, string]> = [
      ['t_control_room_bpl', 'A. K. Verma', 'ए. के. वर्मा', 'SI'],
      ['t_approver_bpl', 'Priya Singh', 'प्रिया सिंह', 'DCP'],
      ['t_officer_tt_nagar', 'Ram Prasad', 'राम प्रसाद', 'Havaldar'],
    ];
    for (const [username, en, hi, rank] of named)
      await db.query(`UPDATE app_user SET display_name_en = $2, display_name_hi = $3, rank = $4 WHERE username = $1`, [username, en, hi, rank]);
  });
  afterAll(async () => {
    await eoffice.close();
    await t.close();
  });

  it('answers every step of a permission, granted and then revoked, with the record as GET shows it, letters and verify links included', async () => {
    let app = await createApplication(t, a);
    expect(app).toEqual(await view(t, a.control, app.id));
    app = await act(app, 'request-thana-report');
    expect(app.status).toBe('THANA_REPORT_REQUESTED');
    app = await act(app, 'thana-report');
    expect(app.thanaReport).toMatchObject({ recommendation: 'RECOMMENDED', reportedBy: { username: 't_officer_tt_nagar' } });

    app = await act(app, 'approve');
    expect(app.status).toBe('APPROVED');
    const letters = app.letters as Body[];
    expect(letters.map((l) => l.kind)).toEqual(['PERMISSION']);
    expect(letters[0]).toMatchObject({ verifyUrl: expect.stringMatching(/^https:\/\/police-ops\.bhopal\.test\/verify\/[0-9a-f-]{36}\./), eofficeStatus: 'PENDING_SYNC' });
    expect(app.eofficeStatus).toBe('PENDING_SYNC');
    expect(app.allowedActions).toEqual(['revoke']); // as the approver who answered sees it

    app = await act(app, 'revoke');
    expect(app.status).toBe('REVOKED');
    expect((app.letters as Body[]).map((l) => l.kind).sort()).toEqual(['PERMISSION', 'REVOCATION']);
    expect(app.revocation).toMatchObject({ reason: STEP_BODIES.revoke!.reason, by: { username: 't_approver_bpl' } });
  });

  it('answers a refusal and a withdrawal the same way', async () => {
    let refused = await createApplication(t, a);
    for (const name of ['request-thana-report', 'thana-report', 'reject']) refused = await act(refused, name);
    expect(refused.status).toBe('REJECTED');
    expect((refused.letters as Body[]).map((l) => l.kind)).toEqual(['REFUSAL']);

    const withdrawn = await act(await createApplication(t, a), 'withdraw');
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.withdrawal).toMatchObject({ reason: STEP_BODIES.withdraw!.reason, by: { username: 't_control_room_bpl' } });
  });

  it('names who entered, reported, decided and revoked, with their rank as the ladder gives it and their unit, and the thana by name', async () => {
    let app = await createApplication(t, a);
    for (const name of ['request-thana-report', 'thana-report', 'approve', 'revoke']) app = await act(app, name);
    const control = {
      id: expect.any(String),
      username: 't_control_room_bpl',
      nameEn: 'A. K. Verma',
      nameHi: 'ए. के. वर्मा',
      rank: { code: 'SI', en: 'Sub-Inspector', hi: 'उप निरीक्षक' },
      unit: { id: expect.any(String), code: 'BPL', nameEn: 'Police Commissionerate, Bhopal', nameHi: 'पुलिस आयुक्त कार्यालय, भोपाल' },
    };
    const approver = { ...control, username: 't_approver_bpl', nameEn: 'Priya Singh', nameHi: 'प्रिया सिंह', rank: { code: 'SP', en: 'Superintendent / DCP', hi: 'पुलिस अधीक्षक / पुलिस उपायुक्त' } };
    const thanaUser = {
      ...control,
      username: 't_officer_tt_nagar',
      nameEn: 'Ram Prasad',
      nameHi: 'राम प्रसाद',
      rank: { code: 'HEAD_CONSTABLE', en: 'Head Constable', hi: 'प्रधान आरक्षक' },
      unit: { id: expect.any(String), code: 'TT_NAGAR', nameEn: 'TT Nagar', nameHi: 'टीटी नगर' },
    };
    expect((app.intake as Body).enteredBy).toEqual(control);
    expect(app.thanaReport).toMatchObject({ requestedBy: control, reportedBy: thanaUser });
    expect(app.decision).toMatchObject({ decidedBy: approver });
    expect(app.revocation).toMatchObject({ by: approver });
    expect(app.thana).toEqual(thanaUser.unit);

    // The list names the thana the same way.
    const line = (await t.http.get('/api/v1/protests?limit=500').auth(a.control, { type: 'bearer' }).expect(200)).body.items.find((i: Body) => i.id === app.id);
    expect(line.thana).toEqual(app.thana);
  });

  it('names who uploaded a scan, on the upload answer and on the record', async () => {
    const app = await createApplication(t, a);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const uploaded = await t.http
      .post(`/api/v1/protests/${app.id}/attachments`)
      .auth(a.control, { type: 'bearer' })
      .field('kind', 'APPLICATION_SCAN')
      .attach('file', png, 'scan.png')
      .expect(201);
    expect(uploaded.body.uploadedBy).toMatchObject({ username: 't_control_room_bpl', nameEn: 'A. K. Verma', rank: { code: 'SI' } });
    expect((await view(t, a.control, app.id)).attachments).toEqual([uploaded.body]);
  });
});
