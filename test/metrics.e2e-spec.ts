import { DataSource } from 'typeorm';
import { dakBody } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-the-e2e-test-0123456789';
const SLIP_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The value of one sample line (`name{labels} value`) in the exposition text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics (e2e)', () => {
  let t: TestApp;
  const scrape = () => t.http.get('/metrics').auth(TOKEN, { type: 'bearer' });

  beforeAll(async () => {
    t = await bootTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('answers 401 without the token and with a wrong one', async () => {
    const bare = await t.http.get('/metrics').expect(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Bearer/);
    await t.http.get('/metrics').auth(`${TOKEN}x`, { type: 'bearer' }).expect(401);
    await t.http.get('/metrics').auth('short', { type: 'bearer' }).expect(401);
    // A user's access token is not the metrics token.
    await t.http
      .get('/metrics')
      .auth(await t.tokenFor(['ADMIN']), { type: 'bearer' })
      .expect(401);
  });

  it('answers the Prometheus text format with the token', async () => {
    const res = await scrape().expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.text).toContain('process_cpu_user_seconds_total');
    // No e-Office answers in this test: the mode is whatever the app stored, shown as 1.
    const [{ mode }] = (await t.app.get(DataSource).query(`SELECT mode FROM system_mode`)) as [
      { mode: string },
    ];
    expect(sample(res.text, `eoffice_mode{mode="${mode}"}`)).toBe(1);
    expect(
      sample(res.text, `eoffice_mode{mode="${mode === 'ONLINE' ? 'DEGRADED' : 'ONLINE'}"}`),
    ).toBe(0);
    expect(res.text).toMatch(/^queue_jobs\{queue="eoffice",state="waiting"\} \d+$/m);
  });

  it('counts a new dak item by its route and shows its outbox row waiting', async () => {
    const control = await t.tokenFor(['CONTROL_ROOM']);
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(1)).expect(201);
    const { text } = await scrape().expect(200);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{method="POST",route="/api/v1/dak",status="201"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // No e-Office answers in this test: the item waits.
    expect(sample(text, 'eoffice_outbox_backlog{status="PENDING"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'eoffice_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'eoffice_outbox_delivery_failures{state="gave_up"}')).toBe(0);
  });

  it('labels a slip link by its template, never by its token', async () => {
    await t.http.get(`/s/${SLIP_TOKEN}/pdf`).expect(404);
    await t.http.get(`/api/v1/no-such-route/${SLIP_TOKEN}`).expect(404);
    const { text } = await scrape().expect(200);
    expect(text).toMatch(/route="\/s\/:token\/pdf",status="404"/);
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(SLIP_TOKEN);
    expect(text).not.toMatch(/\/s\/[A-Za-z0-9_-]{16,}/);
  });
});

describe('GET /metrics without METRICS_TOKEN (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('answers 404: metrics are off', async () => {
    await t.http.get('/metrics').expect(404);
    await t.http
      .get('/metrics')
      .auth('anything-at-all-anything-at-all', { type: 'bearer' })
      .expect(404);
  });
});
