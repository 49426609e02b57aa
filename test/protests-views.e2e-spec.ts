import { createHash } from 'node:crypto';
import { applicationBody, createApplication, driveTo, istAt, protestActors, ProtestActors, ProtestView, seedVenues, step } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface Summary {
  ref: string;
  status: string;
  thana: { code: string };
  flags: { late: boolean; clash: boolean; slaAtRisk: boolean };
}

describe('control-room views, registries and attachments (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let venues: Record<string, { id: string }>;
  const apply = (over: Parameters<typeof applicationBody>[0]) => createApplication(t, a, applicationBody(over));
  const list = async (query: string): Promise<Summary[]> =>
    (await t.http.get(`/api/v1/protests?${query}`).auth(a.control, { type: 'bearer' }).expect(200)).body.items;
  const refs = async (query: string) => (await list(query)).map((s) => s.ref);

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    venues = await seedVenues(t, a.admin);
  });
  afterAll(() => t.close());

  describe('the list', () => {
    let dharna: ProtestView;
    let rally: ProtestView;
    let soon: ProtestView;
    const window = `from=${encodeURIComponent(istAt(0, '00:00'))}&to=${encodeURIComponent(istAt(60, '00:00'))}`;
    beforeAll(async () => {
      dharna = await apply({ event: { startsAt: istAt(50, '11:00'), endsAt: istAt(50, '14:00') } });
      rally = await apply({ event: { type: 'RALLY', venueCode: 'BOARD_OFFICE_SQUARE', startsAt: istAt(51, '11:00'), endsAt: istAt(51, '13:00') } });
      rally = await step(t, a, rally, 'request-thana-report');
      // Starts in ten hours, still undecided: late, and inside the 24-hour SLA window.
      const start = new Date(Date.now() + 10 * 3_600_000);
      soon = await apply({ event: { type: 'GYAPAN', venueCode: 'NEW_MARKET', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() } });
    });

    it('filters by date range, status, thana, venue and type', async () => {
      expect(await refs(`from=${encodeURIComponent(istAt(50, '00:00'))}&to=${encodeURIComponent(istAt(51, '00:00'))}`)).toEqual([dharna.ref]);
      expect(await refs(`${window}&status=THANA_REPORT_REQUESTED`)).toEqual([rally.ref]);
      expect(await refs(`${window}&thana=MP_NAGAR`)).toEqual([rally.ref]);
      expect(await refs(`${window}&venue=NEW_MARKET`)).toEqual([soon.ref]);
      expect(await refs(`${window}&type=RALLY`)).toEqual([rally.ref]);
    });

    it('orders by start, soonest first within a date range', async () => {
      expect(await refs(window)).toEqual([soon.ref, dharna.ref, rally.ref]);
    });

    it('filters on the late and SLA flags and shows them on each line', async () => {
      expect(await refs(`${window}&late=true`)).toEqual([soon.ref]);
      expect(await refs(`${window}&late=false`)).toEqual([dharna.ref, rally.ref]);
      expect(await refs(`${window}&sla=true`)).toEqual([soon.ref]);
      const line = (await list(`${window}&venue=NEW_MARKET`))[0]!;
      expect(line.flags).toEqual({ late: true, leadTimeHours: expect.any(Number), clash: false, slaAtRisk: true });
      expect((await list(`${window}&venue=AMBEDKAR_PARK`))[0]!.flags.slaAtRisk).toBe(false);
    });

    it('drops the SLA flag once the DCP has decided', async () => {
      let app = await step(t, a, await step(t, a, soon, 'request-thana-report'), 'thana-report');
      app = await step(t, a, app, 'reject');
      expect(app.flags.slaAtRisk).toBe(false);
      expect(await refs(`${window}&sla=true`)).toEqual([]);
    });
  });

  it('shows approved events of today and tomorrow on the board, with where they take place', async () => {
    const late = { lateOverrideReason: 'Short memorandum; no traffic impact expected.' };
    const tomorrow = await apply({ event: { type: 'GYAPAN', startsAt: istAt(1, '11:00'), endsAt: istAt(1, '12:00') } });
    await step(t, a, await driveTo(t, a, 'THANA_REPORTED', tomorrow), 'approve', late);
    const pending = await apply({ event: { startsAt: istAt(1, '12:00'), endsAt: istAt(1, '13:00') } });
    const later = await driveTo(t, a, 'APPROVED', await apply({ event: { startsAt: istAt(5, '11:00'), endsAt: istAt(5, '12:00') } }));

    const board = (await t.http.get('/api/v1/protests/board').auth(a.officer.TT_NAGAR!, { type: 'bearer' }).expect(200)).body;
    expect(board.days.map((d: { date: string }) => d.date)).toEqual([istAt(0, '00:00').slice(0, 10), istAt(1, '00:00').slice(0, 10)]);
    const events = board.days[1].events as Array<{ ref: string; location: { venue: { nameHi: string; lat: number } }; conditions: unknown[] }>;
    expect(events.map((e) => e.ref)).toEqual([tomorrow.ref]);
    expect(events[0]!.location.venue).toMatchObject({ nameHi: 'अंबेडकर पार्क', lat: 23.2335 });
    expect(events[0]!.conditions).toHaveLength(3);
    expect(JSON.stringify(board)).not.toContain(pending.ref);
    expect(JSON.stringify(board)).not.toContain(later.ref);
    // MP Nagar's users see their own thana only.
    const mp = (await t.http.get('/api/v1/protests/board').auth(a.officer.MP_NAGAR!, { type: 'bearer' }).expect(200)).body;
    expect(mp.days[1].events).toEqual([]);
  });

  it('lists the standard conditions in Hindi and English with the event types', async () => {
    const res = await t.http.get('/api/v1/protests/conditions').auth(a.approver, { type: 'bearer' }).expect(200);
    expect(res.body.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'silence-near-hospitals', hi: expect.stringContaining('अस्पतालों'), en: expect.stringContaining('hospitals') })]));
    expect(Object.keys(res.body.eventTypes)).toHaveLength(12);
  });

  describe('registries', () => {
    it('lets an admin change a venue with the version read, audits it, and refuses a stale write', async () => {
      const venue = (await t.http.get(`/api/v1/protests/venues/${venues.NEELAM_PARK!.id}`).auth(a.control, { type: 'bearer' }).expect(200)).body;
      const changed = await t.http.patch(`/api/v1/protests/venues/${venue.id}`).auth(a.admin, { type: 'bearer' }).send({ version: venue.version, capacity: 800, opensAt: '11:00', closesAt: '16:00' }).expect(200);
      expect(changed.body).toMatchObject({ capacity: 800, opensAt: '11:00', closesAt: '16:00', version: venue.version + 1 });
      await t.http.patch(`/api/v1/protests/venues/${venue.id}`).auth(a.admin, { type: 'bearer' }).send({ version: venue.version, capacity: 900 }).expect(409);
      const audit = await t.http.get(`/api/v1/audit?action=protest.venue_updated&entityId=${venue.id}`).auth(a.auditor, { type: 'bearer' }).expect(200);
      expect(audit.body[0].diff.capacity).toEqual({ from: null, to: 800 });
    });

    it('refuses a duplicate venue code and hours that close before they open', async () => {
      const base = { code: 'AMBEDKAR_PARK', nameEn: 'Another', nameHi: 'दूसरा', lat: 23.2, lng: 77.4, thanaCode: 'TT_NAGAR' };
      const dup = await t.http.post('/api/v1/protests/venues').auth(a.admin, { type: 'bearer' }).send(base).expect(400);
      expect(dup.body.fields[0].field).toBe('code');
      const hours = await t.http.post('/api/v1/protests/venues').auth(a.admin, { type: 'bearer' }).send({ ...base, code: 'NEW_GROUND', opensAt: '17:00', closesAt: '10:00' }).expect(400);
      expect(hours.body.fields[0].field).toBe('closesAt');
    });

    it('takes no new applications for a venue no longer in use', async () => {
      const venue = (await t.http.get(`/api/v1/protests/venues/${venues.PEER_GATE!.id}`).auth(a.admin, { type: 'bearer' }).expect(200)).body;
      await t.http.patch(`/api/v1/protests/venues/${venue.id}`).auth(a.admin, { type: 'bearer' }).send({ version: venue.version, isActive: false }).expect(200);
      const res = await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(applicationBody({ event: { venueCode: 'PEER_GATE' } })).expect(400);
      expect(res.body.fields[0].field).toBe('event.venueCode');
      const active = (await t.http.get('/api/v1/protests/venues').auth(a.control, { type: 'bearer' }).expect(200)).body;
      expect(active.map((v: { code: string }) => v.code)).not.toContain('PEER_GATE');
    });

    it('keeps restriction orders: a circle needs its centre, and lifting one is audited', async () => {
      const bad = await t.http.post('/api/v1/protests/restriction-orders').auth(a.admin, { type: 'bearer' }).send({ orderRef: 'X/2', reason: 'Republic Day', areaKind: 'RADIUS', radiusMetres: 500, startsAt: istAt(1, '00:00'), endsAt: istAt(2, '00:00') }).expect(400);
      expect(bad.body.fields[0].field).toBe('centre');
      const order = await t.http.post('/api/v1/protests/restriction-orders').auth(a.admin, { type: 'bearer' }).send({ orderRef: 'RD/2027/1', reason: 'Republic Day parade rehearsal', areaKind: 'RADIUS', centre: { lat: 23.2535, lng: 77.411 }, radiusMetres: 800, startsAt: istAt(1, '00:00'), endsAt: istAt(2, '00:00') }).expect(201);
      expect((await t.http.get('/api/v1/protests/restriction-orders').auth(a.control, { type: 'bearer' }).expect(200)).body.map((o: { orderRef: string }) => o.orderRef)).toContain('RD/2027/1');
      await t.http.patch(`/api/v1/protests/restriction-orders/${order.body.id}`).auth(a.admin, { type: 'bearer' }).send({ version: order.body.version, isActive: false }).expect(200);
      const audit = await t.http.get(`/api/v1/audit?action=protest.restriction_order_lifted&entityId=${order.body.id}`).auth(a.auditor, { type: 'bearer' }).expect(200);
      expect(audit.body).toHaveLength(1);
    });
  });

  describe('attachments', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('scan of an ID card')]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('scan of the application')]);

    it('stores a scan typed by its content, with its sha256, and gives the same bytes back', async () => {
      const app = await apply({});
      const res = await t.http.post(`/api/v1/protests/${app.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'ID_DOCUMENT').attach('file', png, 'id card.jpg').expect(201);
      expect(res.body).toMatchObject({ kind: 'ID_DOCUMENT', contentType: 'image/png', filename: 'id card.png', sha256: createHash('sha256').update(png).digest('hex') });
      expect(res.body.bytes).toBeUndefined();
      const back = await t.http.get(`/api/v1/protests/${app.id}/attachments/${res.body.id}`).auth(a.officer.TT_NAGAR!, { type: 'bearer' }).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(back.body as Buffer, png)).toBe(0);
    });

    it('keeps one copy when the same scan is sent twice, and lists scans on the application', async () => {
      const app = await apply({});
      const send = () => t.http.post(`/api/v1/protests/${app.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'APPLICATION_SCAN').attach('file', jpeg, 'application.jpg').expect(201);
      const [first, second] = [await send(), await send()];
      expect(second.body.id).toBe(first.body.id);
      const viewed = (await t.http.get(`/api/v1/protests/${app.id}`).auth(a.approver, { type: 'bearer' }).expect(200)).body;
      expect(viewed.attachments.map((x: { contentType: string }) => x.contentType)).toEqual(['image/jpeg']);
      const audit = await t.http.get(`/api/v1/audit?action=protest.attachment_added&entityId=${app.id}`).auth(a.auditor, { type: 'bearer' }).expect(200);
      expect(audit.body).toHaveLength(1);
    });
  });

  it('keeps no personal data in the audit trail of an application', async () => {
    const app = await driveTo(t, a, 'APPROVED');
    const audit = await t.http.get(`/api/v1/audit?entityType=protest_application&entityId=${app.id}`).auth(a.auditor, { type: 'bearer' }).expect(200);
    const text = JSON.stringify(audit.body);
    for (const personal of ['9876543210', 'Tulsi Nagar', 'क्षत्रिय', 'Kshatriya']) expect(text).not.toContain(personal);
    expect(text).toContain('carry-permit');
  });
});
