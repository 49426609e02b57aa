import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { withClient } from './support/databases';
import { dakBody } from './support/eoffice';
import { bootTestApp, TestApp } from './support/test-app';

describe('one unit of work for every write (e2e)', () => {
  let t: TestApp;
  let control: string;
  beforeAll(async () => {
    t = await bootTestApp();
    control = await t.tokenFor(['CONTROL_ROOM']);
  });
  afterAll(() => t.close());

  const dakCount = async (subject: string) =>
    (await withClient(t.databaseUrl, (c) => c.query(`SELECT count(*)::int AS n FROM dak_receipt WHERE subject = $1`, [subject]))).rows[0].n as number;

  it('marks the Idempotency-Key COMMITTED with the change, so a retry after a lost answer cannot create a second record', async () => {
    const body = dakBody(1, { subject: 'Idempotent after a crash / क्रैश के बाद' });
    // The answer is lost between the commit and storing it (as when the process dies there).
    await withClient(t.databaseUrl, (c) =>
      c.query(`
        CREATE FUNCTION lose_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the server stopped before storing the answer'; END $$;
        CREATE TRIGGER lose_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW WHEN (NEW.status = 'DONE') EXECUTE FUNCTION lose_answer();`),
    );
    try {
      const first = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).set('Idempotency-Key', 'lost-answer-0001').send(body);
      expect(first.status).toBeGreaterThanOrEqual(500);
    } finally {
      await withClient(t.databaseUrl, (c) => c.query(`DROP TRIGGER lose_answer ON idempotency_key; DROP FUNCTION lose_answer();`));
    }
    expect(await dakCount(body.subject)).toBe(1);
    const retry = await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).set('Idempotency-Key', 'lost-answer-0001').send(body).expect(409);
    // It says which record it made (the browser's outbox looks it up to show its reference).
    const [made] = (await withClient(t.databaseUrl, (c) => c.query(`SELECT id FROM dak_receipt WHERE subject = $1`, [body.subject]))).rows;
    expect(retry.body).toMatchObject({ idempotency: 'COMMITTED', resource: { type: 'dak_receipt', id: made.id } });
    expect(await dakCount(body.subject)).toBe(1);
  });

  it('still forgets a key whose request failed before committing, so the corrected request can use it', async () => {
    const bad = dakBody(2, { receivedAt: new Date(Date.now() + 86_400_000).toISOString() });
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).set('Idempotency-Key', 'corrected-0001').send(bad).expect(400);
    const good = dakBody(2, { subject: 'Corrected / सुधारा गया' });
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).set('Idempotency-Key', 'corrected-0001').send(good).expect(201);
    expect(await dakCount(good.subject)).toBe(1);
  });

  it('draws each paper before its transaction and redraws it when another change took the number it printed', async () => {
    const desk = await t.tokenFor(['CONTROL_ROOM']);
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, { type: 'bearer' })
      .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor, Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z+', callSign: 'RAJ-1', listRank: 2 })
      .expect(201);
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const leg = {
      start: `${day}T10:00:00+05:30`,
      end: `${day}T10:40:00+05:30`,
      from: { name: 'New Market', lat: 23.2335, lng: 77.4005 },
      to: { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 },
      mode: 'ROAD_CONVOY',
      route: [],
      venue: 'TT Nagar Stadium',
      activity: 'PUBLIC_MEETING',
    };
    // Four at once: all draw with the same expected number; all but one must redraw.
    const created = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        t.http.post('/api/v1/vip-programmes').auth(desk, { type: 'bearer' }).send({ protecteeId: protectee.body.id, title: `Visit ${i} / भ्रमण ${i}`, legs: [leg] }),
      ),
    );
    for (const c of created) expect(c.status).toBe(201);
    const refs = created.map((c) => c.body.ref as string);
    expect(new Set(refs).size).toBe(4);
    const numbers = refs.map((r) => Number(r.split('/').at(-1))).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(3);
    const poppler = await Poppler.create();
    try {
      for (const c of created) {
        const pdf = await t.http.get(`/api/v1/vip-programmes/${c.body.id}/revisions/1/pdf`).auth(desk, { type: 'bearer' }).buffer(true).parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
        expect(pdf.status).toBe(200);
        const text = (await poppler.pagesText(pdf.body as Buffer)).join('\n');
        expect(text).toContain(c.body.ref);
      }
    } finally {
      await poppler.dispose();
    }
  });

  it('writes a change and its audit rows together: nothing half-written when the change fails', async () => {
    const before = (await withClient(t.databaseUrl, (c) => c.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dak.received'`))).rows[0].n;
    await t.http.post('/api/v1/dak').auth(control, { type: 'bearer' }).send(dakBody(3, { markedTo: 'NO_SUCH_UNIT' })).expect(400);
    const after = (await withClient(t.databaseUrl, (c) => c.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dak.received'`))).rows[0].n;
    expect(after).toBe(before);
  });
});
