import { applicationBody, createApplication, driveTo, istAt, protestActors, ProtestActors, ProtestView, seedVenues } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/** 12 digits with a valid Verhoeff check digit: what a real Aadhaar number looks like. */
const AADHAAR = '234123412346';

type Over = Parameters<typeof applicationBody>[0];
const route = (name = 'Roshanpura Square') => ({ thanaCode: 'TT_NAGAR', points: [{ name, lat: 23.2392, lng: 77.3985 }, { name: 'Polytechnic Square', lat: 23.251, lng: 77.393 }] });

/** Intake cases: each changes one thing and must be refused naming that field. */
const INTAKE: Array<[string, string, Over]> = [
  ['an event in the past', 'event.startsAt', { event: { startsAt: istAt(-1, '11:00'), endsAt: istAt(-1, '14:00') } }],
  ['an end before the start', 'event.endsAt', { event: { startsAt: istAt(3, '14:00'), endsAt: istAt(3, '11:00') } }],
  ['a 9-digit mobile', 'applicant.mobile', { applicant: { mobile: '987654321' } }],
  ['an Aadhaar number as the mobile', 'applicant.mobile', { applicant: { mobile: AADHAAR } }],
  ['an unknown venue', 'event.venueCode', { event: { venueCode: 'ATLANTIS' } }],
  ['both a venue and a route', 'event.venueCode', { event: { route: route() } }],
  ['neither a venue nor a route', 'event.venueCode', { event: { venueCode: undefined } }],
  ['a route of one point', 'event.route.points', { event: { venueCode: undefined, route: { ...route(), points: route().points.slice(0, 1) } } }],
  ['a route latitude off the globe', 'event.route.points[0].lat', { event: { venueCode: undefined, route: { ...route(), points: [{ name: 'x y', lat: 123, lng: 77 }, route().points[1]] } } }],
  ['a route starting in an unknown thana', 'event.route.thanaCode', { event: { venueCode: undefined, route: { ...route(), thanaCode: 'ATLANTIS' } } }],
  ['a route "thana" that is a zone', 'event.route.thanaCode', { event: { venueCode: undefined, route: { ...route(), thanaCode: 'ZONE_1' } } }],
  ['an unknown event type', 'event.type', { event: { type: 'PICNIC' } }],
  ['no name in either language', 'applicant.nameEn', { applicant: { nameHi: undefined, nameEn: undefined } }],
  ['more than the last 4 digits of the ID', 'applicant.idLast4', { applicant: { idLast4: '12346' } }],
  ['an unknown ID document type', 'applicant.idDocumentType', { applicant: { idDocumentType: 'LIBRARY_CARD' } }],
  ['zero participants', 'event.expectedParticipants', { event: { expectedParticipants: 0 } }],
  ['a loudspeaker outside the event', 'event.loudspeaker.from', { event: { loudspeaker: { from: istAt(3, '09:00'), to: istAt(3, '12:00') } } }],
  ['a loudspeaker that stops before it starts', 'event.loudspeaker.to', { event: { loudspeaker: { from: istAt(3, '13:00'), to: istAt(3, '12:00') } } }],
  ['a receipt time in the future', 'intake.receivedAt', { intake: { receivedAt: new Date(Date.now() + 86_400_000).toISOString() } }],
  ['an unknown intake channel', 'intake.channel', { intake: { channel: 'PIGEON' } }],
  ['a start that is not a date', 'event.startsAt', { event: { startsAt: 'next Tuesday' } }],
  ['an unknown field', 'applicant.caste', { applicant: { caste: 'x' } }],
];

/** Every free-text field of intake, with a full Aadhaar number (plain and grouped) in it. */
const AADHAAR_FIELDS: Array<[string, Over]> = [
  ['applicant.nameHi', { applicant: { nameHi: `आधार ${AADHAAR}` } }],
  ['applicant.nameEn', { applicant: { nameEn: `Ramesh ${AADHAAR}` } }],
  ['applicant.organisation', { applicant: { organisation: `Sangh, Aadhaar 2341 2341 2346` } }],
  ['applicant.address', { applicant: { address: `12 Tulsi Nagar, UID 2341-2341-2346` } }],
  ['event.purpose', { event: { purpose: `Protest by holder of ${AADHAAR}` } }],
  ['event.route.points[0].name', { event: { venueCode: undefined, route: route(`Gate ${AADHAAR}`) } }],
  ['event.vehicles.details', { event: { vehicles: { count: 1, details: `car of ${AADHAAR}` } } }],
];

describe('bad input to protest permissions (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let received: ProtestView;
  let reported: ProtestView;
  let approved: ProtestView;
  const expectField = (res: { status: number; body: { fields?: Array<{ field: string }> } }, status: number, field: string) => {
    expect({ status: res.status, fields: res.body.fields?.map((f) => f.field) }).toEqual({ status, fields: expect.arrayContaining([field]) });
  };

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    received = await createApplication(t, a);
    reported = await driveTo(t, a, 'THANA_REPORTED');
    approved = await driveTo(t, a, 'APPROVED');
  });
  afterAll(() => t.close());

  it.each(INTAKE)('refuses %s, naming %s', async (_name, field, over) => {
    const before = (await t.http.get('/api/v1/protests').auth(a.control, { type: 'bearer' })).body.total;
    const res = await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(applicationBody(over));
    expectField(res, 400, field);
    expect((await t.http.get('/api/v1/protests').auth(a.control, { type: 'bearer' })).body.total).toBe(before);
  });

  it.each(AADHAAR_FIELDS)('refuses a full Aadhaar number in %s', async (field, over) => {
    const res = await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(applicationBody(over));
    expectField(res, 400, field);
    expect(JSON.stringify(res.body)).not.toContain(AADHAAR);
  });

  it.each([
    ['request-thana-report', 'note', () => received],
    ['thana-report', 'report', () => received],
    ['approve', 'extraConditions', () => reported],
    ['approve', 'lateOverrideReason', () => reported],
    ['reject', 'grounds', () => reported],
    ['withdraw', 'reason', () => received],
    ['revoke', 'reason', () => approved],
  ] as const)('refuses a full Aadhaar number in the %s field %s', async (action, field, app) => {
    const token = action === 'thana-report' ? a.officer.TT_NAGAR! : ['approve', 'reject', 'revoke'].includes(action) ? a.approver : a.control;
    const value = field === 'extraConditions' ? [`Holder ${AADHAAR}`] : `Long enough text with ${AADHAAR} in it`;
    const body = { version: app().version, conditionKeys: [], recommendation: 'RECOMMENDED', [field]: value };
    expectField(await t.http.post(`/api/v1/protests/${app().id}/${action}`).auth(token, { type: 'bearer' }).send(body), 400, field);
  });

  it('refuses a full Aadhaar number in the admin\'s venue and restriction-order texts', async () => {
    const venue = { code: 'TEST_GROUND', nameEn: `Ground ${AADHAAR}`, nameHi: 'मैदान', lat: 23.25, lng: 77.4, thanaCode: 'TT_NAGAR' };
    expectField(await t.http.post('/api/v1/protests/venues').auth(a.admin, { type: 'bearer' }).send(venue), 400, 'nameEn');
    const order = { orderRef: 'X/1', reason: `Order about ${AADHAAR}`, areaKind: 'RADIUS', centre: { lat: 23.24, lng: 77.41 }, radiusMetres: 500, startsAt: istAt(1, '00:00'), endsAt: istAt(2, '00:00') };
    expectField(await t.http.post('/api/v1/protests/restriction-orders').auth(a.admin, { type: 'bearer' }).send(order), 400, 'reason');
  });

  it('refuses an unknown standard condition, naming its position', async () => {
    const res = await t.http.post(`/api/v1/protests/${reported.id}/approve`).auth(a.approver, { type: 'bearer' }).send({ version: reported.version, conditionKeys: ['carry-permit', 'bring-snacks'] });
    expectField(res, 400, 'conditionKeys[1]');
  });

  it('refuses a transition without the version the user last saw', async () => {
    expectField(await t.http.post(`/api/v1/protests/${received.id}/withdraw`).auth(a.control, { type: 'bearer' }).send({ reason: 'called off' }), 400, 'version');
  });

  it('refuses a 50 MB upload with 413 naming the file', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50 * 1024 * 1024)]);
    const res = await t.http.post(`/api/v1/protests/${received.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'APPLICATION_SCAN').attach('file', big, 'scan.pdf');
    expectField(res, 413, 'file');
  });

  it('refuses a Windows program renamed to .pdf, by its content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(2048)]);
    const res = await t.http.post(`/api/v1/protests/${received.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'ID_DOCUMENT').attach('file', exe, { filename: 'aadhaar.pdf', contentType: 'application/pdf' });
    expectField(res, 400, 'file');
  });

  it('refuses an upload without a file, or of an unknown kind', async () => {
    expectField(await t.http.post(`/api/v1/protests/${received.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'ID_DOCUMENT'), 400, 'file');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expectField(await t.http.post(`/api/v1/protests/${received.id}/attachments`).auth(a.control, { type: 'bearer' }).field('kind', 'SELFIE').attach('file', png, 'x.png'), 400, 'kind');
  });

  it.each([
    ['a list filter that is not true or false', '/api/v1/protests?late=maybe', 'late'],
    ['an unknown status filter', '/api/v1/protests?status=PENDING', 'status'],
    ['a date filter that is not a date', '/api/v1/protests?from=tomorrow', 'from'],
    ['an application id that is not a UUID', '/api/v1/protests/PRT-2026-000001', 'id'],
  ])('refuses %s', async (_name, path, field) => {
    expectField(await t.http.get(path).auth(a.control, { type: 'bearer' }), 400, field);
  });
});
