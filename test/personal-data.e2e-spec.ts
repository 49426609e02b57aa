import { withClient } from './support/databases';
import { dakBody } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

const newUser = (username: string, mobile: string) => ({
  username,
  displayNameEn: 'R. K. Verma',
  displayNameHi: 'आर. के. वर्मा',
  rank: 'SI',
  unitCode: 'TT_NAGAR',
  roles: ['OFFICER'],
  mobile,
});

describe('personal data stays out of lasting records (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let auditor: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.tokenFor(['ADMIN']);
    auditor = await t.tokenFor(['AUDITOR']);
  });
  afterAll(() => t.close());

  it('masks the old and new mobile in the audit diff of a user edit, to the last 4 digits', async () => {
    const made = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).send(newUser('mask.mobile', '9876543210')).expect(201);
    const id = made.body.user.id;
    await t.http.patch(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ version: 1, mobile: '9123456780' }).expect(200);
    const rows = await t.http.get('/api/v1/audit').query({ entityType: 'user', entityId: id }).auth(auditor, { type: 'bearer' }).expect(200);
    const update = rows.body.find((r: { action: string }) => r.action === 'user.update');
    expect(update.diff).toEqual({ mobile: { from: '******3210', to: '******6780' } });
    expect(JSON.stringify(rows.body)).not.toMatch(/9876543210|9123456780/);
  });

  it('keeps an Idempotency-Key answer for replay without mobiles or one-time passwords in clear', async () => {
    const key = 'sealed-replay-0001';
    const first = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(newUser('sealed.replay', '9988776655'))
      .expect(201);
    expect(first.body.user.mobile).toBe('9988776655');
    const stored = await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query(`SELECT row_to_json(k)::text AS row FROM idempotency_key k WHERE key = $1`, [key]);
      return rows[0].row as string;
    });
    expect(stored).not.toContain('9988776655');
    expect(stored).not.toContain(first.body.oneTimePassword);
    expect(stored).not.toContain('sealed.replay');
    const again = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(newUser('sealed.replay', '9988776655'))
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('writes the request id into the audit rows of the request', async () => {
    const made = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .set('X-Request-Id', 'req-audit-0001')
      .send(newUser('request.id', '9876501234'))
      .expect(201);
    const rows = await t.http
      .get('/api/v1/audit')
      .query({ action: 'user.create', entityId: made.body.user.id })
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(rows.body.map((r: { requestId: string }) => r.requestId)).toEqual(['req-audit-0001']);

    // Without one, the id the app made up (the access log's) is written, not an empty string.
    const other = await t.http.post('/api/v1/users').auth(admin, { type: 'bearer' }).send(newUser('request.id.two', '9876501235')).expect(201);
    const [row] = (
      await t.http.get('/api/v1/audit').query({ action: 'user.create', entityId: other.body.user.id }).auth(auditor, { type: 'bearer' }).expect(200)
    ).body;
    expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses dates outside 2000–2100, naming the field, in bodies and queries', async () => {
    const control = await t.tokenFor(['CONTROL_ROOM']);
    for (const receivedAt of ['9999-12-31T10:00:00+05:30', '1900-01-01T10:00:00+05:30', '0001-01-01']) {
      const res = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(1, { receivedAt })).expect(400);
      const messages = res.body.fields.filter((f: { field: string }) => f.field === 'receivedAt').map((f: { message: string }) => f.message);
      expect(messages).toContain('receivedAt must lie between the years 2000 and 2100');
    }
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(1, { letterDate: '2100-12-31' })).expect(201);
    const query = await t.http.get('/api/v1/audit').query({ from: '9999-01-01' }).auth(auditor, { type: 'bearer' }).expect(400);
    expect(query.body.fields.map((f: { field: string }) => f.field)).toContain('from');
  });

  it('serves the OpenAPI document to anyone outside production (the web app builds from it)', async () => {
    await t.http.get('/api/docs-json').expect(200);
  });
});

describe('OpenAPI for logged-in users only (API_DOCS=login, the production default) (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ API_DOCS: 'login' });
  });
  afterAll(() => t.close());

  it('refuses the UI and the document without a valid access token, and serves them with one', async () => {
    for (const path of ['/api/docs', '/api/docs-json', '/api/docs-yaml']) {
      await t.http.get(path).expect(401);
      await t.http.get(path).auth('not-a-token', { type: 'bearer' }).expect(401);
    }
    const officer = await t.tokenFor(['OFFICER'], 'TT_NAGAR');
    const doc = await t.http.get('/api/docs-json').auth(officer, { type: 'bearer' }).expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    await t.http.get('/api/docs').auth(officer, { type: 'bearer' }).redirects(1).expect(200);
  });
});
