import { fixedClock } from '../src/platform/time';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };

describe('the roll and officers’ availability (e2e)', () => {
  let t: TestApp;
  let duty: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // The entries below are dated early December 2026; the app's clock stands before them,
    // since a new entry may not begin before today.
    t = await bootTestApp({}, undefined, { clock: fixedClock('2026-12-01T10:00:00+05:30') });
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    for (const [belt, unitCode] of [
      ['TT-1', 'TT_NAGAR'],
      ['TT-2', 'TT_NAGAR'],
      ['KN-1', 'KAMLA_NAGAR'],
    ] as const) {
      const res = await t.http
        .post('/api/v1/officers')
        .auth(duty, auth)
        .send({
          beltNo: belt.toLowerCase(),
          nameEn: `Officer ${belt}`,
          nameHi: `अधिकारी ${belt}`,
          rank: 'CONSTABLE',
          gender: 'F',
          unitCode,
          mobile: '+919826012345',
          skills: ['armed'],
        })
        .expect(201);
      ids[belt] = res.body.id;
    }
  });
  afterAll(() => t.close());

  it('stores belt numbers in upper case and mobiles as ten digits', async () => {
    const res = await t.http.get(`/api/v1/officers/${ids['TT-1']}`).auth(duty, auth).expect(200);
    expect(res.body).toMatchObject({ beltNo: 'TT-1', mobile: '9826012345', skills: ['armed'] });
  });

  it('refuses a second officer with the same belt number', async () => {
    await t.http
      .post('/api/v1/officers')
      .auth(duty, auth)
      .send({
        beltNo: 'TT-1',
        nameEn: 'Dup',
        nameHi: 'डुप',
        rank: 'SI',
        gender: 'M',
        unitCode: 'TT_NAGAR',
      })
      .expect(409);
  });

  it('updates an officer only with the version last read', async () => {
    const current = (
      await t.http.get(`/api/v1/officers/${ids['TT-2']}`).auth(duty, auth).expect(200)
    ).body;
    await t.http
      .patch(`/api/v1/officers/${ids['TT-2']}`)
      .auth(duty, auth)
      .send({ version: current.version, skills: ['driver', 'wireless'] })
      .expect(200);
    await t.http
      .patch(`/api/v1/officers/${ids['TT-2']}`)
      .auth(duty, auth)
      .send({ version: current.version, rank: 'SI' })
      .expect(409);
  });

  it('refuses an unknown skill, naming the known ones', async () => {
    const res = await t.http
      .post('/api/v1/officers')
      .auth(duty, auth)
      .send({
        beltNo: 'TT-9',
        nameEn: 'X Y',
        nameHi: 'एक्स',
        rank: 'SI',
        gender: 'M',
        unitCode: 'TT_NAGAR',
        skills: ['juggling'],
      })
      .expect(400);
    expect(res.body.fields[0].field).toBe('skills');
  });

  it('records leave, court and weekly offs as dated entries', async () => {
    const add = (belt: string, kind: string, from: string, to: string) =>
      t.http
        .post(`/api/v1/officers/${ids[belt]}/availability`)
        .auth(duty, auth)
        .send({ kind, from, to })
        .expect(201);
    ids.off1 = (
      await add('TT-1', 'WEEKLY_OFF', '2026-12-04T00:00:00+05:30', '2026-12-05T00:00:00+05:30')
    ).body.id;
    ids.off2 = (
      await add('KN-1', 'WEEKLY_OFF', '2026-12-04T00:00:00+05:30', '2026-12-05T00:00:00+05:30')
    ).body.id;
    ids.offLater = (
      await add('TT-2', 'WEEKLY_OFF', '2026-12-06T00:00:00+05:30', '2026-12-07T00:00:00+05:30')
    ).body.id;
    ids.leave = (
      await add('TT-2', 'LEAVE', '2026-12-03T00:00:00+05:30', '2026-12-05T00:00:00+05:30')
    ).body.id;
    const bad = await t.http
      .post(`/api/v1/officers/${ids['TT-1']}/availability`)
      .auth(duty, auth)
      .send({ kind: 'COURT', from: '2026-12-04T12:00:00+05:30', to: '2026-12-04T10:00:00+05:30' })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('to');
  });

  it('cancels the weekly offs of a VIP movement day, and nothing else', async () => {
    const res = await t.http
      .post('/api/v1/availability/weekly-offs/cancel')
      .auth(duty, auth)
      .send({
        from: '2026-12-04T06:00:00+05:30',
        to: '2026-12-04T20:00:00+05:30',
        unitCode: 'ACP_TT_NAGAR',
        reason: 'VIP movement: Hon. CM',
      })
      .expect(201);
    expect(res.body.cancelled).toBe(2);
    expect(new Set(res.body.entryIds)).toEqual(new Set([ids.off1, ids.off2]));
    const tt2 = (
      await t.http.get(`/api/v1/officers/${ids['TT-2']}/availability`).auth(duty, auth).expect(200)
    ).body;
    expect(tt2.every((e: { cancelledAt: string | null }) => e.cancelledAt === null)).toBe(true);
  });

  it('keeps weekly-off cancellation within the duty officer’s own unit', async () => {
    const zone2 = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_2');
    const res = await t.http
      .post('/api/v1/availability/weekly-offs/cancel')
      .auth(zone2, auth)
      .send({
        from: '2026-12-06T00:00:00+05:30',
        to: '2026-12-07T00:00:00+05:30',
        unitCode: 'TT_NAGAR',
        reason: 'VIP movement',
      })
      .expect(400);
    expect(res.body.fields[0].field).toBe('unitCode');
    const none = await t.http
      .post('/api/v1/availability/weekly-offs/cancel')
      .auth(zone2, auth)
      .send({
        from: '2026-12-06T00:00:00+05:30',
        to: '2026-12-07T00:00:00+05:30',
        reason: 'VIP movement',
      })
      .expect(201);
    expect(none.body.cancelled).toBe(0);
  });

  it('cancels a single entry once, and says so the second time', async () => {
    await t.http
      .post(`/api/v1/availability/${ids.leave}/cancel`)
      .auth(duty, auth)
      .send({ reason: 'Recalled for duty' })
      .expect(201);
    await t.http
      .post(`/api/v1/availability/${ids.leave}/cancel`)
      .auth(duty, auth)
      .send({ reason: 'Recalled for duty' })
      .expect(409);
  });
});
