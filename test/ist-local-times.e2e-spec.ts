import { DataSource } from 'typeorm';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import {
  addDays,
  fixedClock,
  formatIstDate,
  istDateKey,
  parseIstDateTime,
} from '../src/platform/time';
import {
  bandobastBody,
  fetchBinary,
  newChart,
  publishChart,
  seedForce,
  shift,
  solveChart,
} from './support/duty-charts';
import {
  applicationBody,
  createApplication,
  driveTo,
  protestActors,
  ProtestActors,
  seedVenues,
} from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };

/**
 * Issue 12, item 1: a time written without an offset is the wall clock in Asia/Kolkata, and a
 * bare date is 00:00 IST, in every module: `2026-12-06T11:00:00` was stored as 16:30 IST, a
 * bare date as 05:30 IST, and a shift sent as 08:00:00 printed on the slip as 13:30.
 *
 * Dates are a month ahead of the machine's, and the app's clock stands on the first of them,
 * so the rules that refuse the past see what the test means whatever day it runs.
 */
const today = istDateKey(addDays(new Date(), 30));
const day = (n: number) => istDateKey(addDays(parseIstDateTime(today), n));
/** The UTC instant of an IST wall-clock time, as an oracle independent of the app's reading. */
const utc = (local: string) => parseIstDateTime(local).toISOString();

describe('times written without an offset are IST, everywhere (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let poppler: Poppler;
  const clock = fixedClock(parseIstDateTime(`${today}T10:00`));

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' }, undefined, { clock });
    a = await protestActors(t);
    poppler = await Poppler.create();
    await seedVenues(t, a.admin);
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
  });

  const pdfText = async (path: string, token: string) =>
    (
      await poppler.pagesText(
        (await fetchBinary(t.http.get(path).auth(token, bearer)).expect(200)).body as Buffer,
      )
    ).join('\n');

  it('stores a protest event sent as 11:00:00 at 11:00 IST, lists it by IST filters and prints 11:00 on the permission', async () => {
    const event = day(5);
    const app = await createApplication(
      t,
      a,
      applicationBody({
        event: {
          startsAt: `${event}T11:00:00`,
          endsAt: `${event}T14:00:00`,
          loudspeaker: { from: `${event}T11:00`, to: `${event}T13:00` },
        },
        intake: { receivedAt: `${today}T09:30:00` },
      }),
    );
    expect(app.event).toMatchObject({
      startsAt: utc(`${event}T11:00`),
      endsAt: utc(`${event}T14:00`),
      loudspeaker: { from: utc(`${event}T11:00`), to: utc(`${event}T13:00`) },
    });
    expect(app.intake).toMatchObject({ receivedAt: utc(`${today}T09:30`) });

    // List filters are read the same way: a bare date is that IST day, a local time IST.
    const listed = async (query: Record<string, string>) =>
      (
        (await t.http.get('/api/v1/protests').query(query).auth(a.control, bearer).expect(200)).body
          .items as Array<{ id: string }>
      ).some((p) => p.id === app.id);
    expect(await listed({ from: event, to: day(6) })).toBe(true);
    expect(await listed({ from: day(6) })).toBe(false);
    expect(await listed({ from: `${event}T13:59:00` })).toBe(true);
    expect(await listed({ from: `${event}T14:00:00` })).toBe(false);
    expect(await listed({ to: `${event}T11:01` })).toBe(true);
    expect(await listed({ to: `${event}T11:00` })).toBe(false);

    const approved = await driveTo(t, a, 'APPROVED', app);
    const text = await pdfText(`/api/v1/protests/${approved.id}/letters/permission`, a.control);
    const date = formatIstDate(parseIstDateTime(event));
    expect(text).toContain(`${date} 11:00`);
    expect(text).toContain(`${date} 14:00`);
    expect(text).not.toContain('16:30');
  });

  it('puts a VIP leg written at 23:30 on that IST day, and prints it at 23:30', async () => {
    const desk = await t.tokenFor(['CONTROL_ROOM']);
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, bearer)
      .send({
        nameEn: 'Governor',
        nameHi: 'राज्यपाल',
        designationEn: 'Governor, Madhya Pradesh',
        designationHi: 'राज्यपाल, मध्यप्रदेश',
        category: 'Z+',
        listRank: 2,
      })
      .expect(201);
    const leg = (start: string, end: string) => ({
      start,
      end,
      from: { name: 'New Market', lat: 23.2335, lng: 77.4005 },
      to: { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 },
      mode: 'ROAD_CONVOY',
      route: [],
      activity: 'NIGHT_HALT',
    });
    const v = day(3);
    const issued = await t.http
      .post('/api/v1/vip-programmes')
      .auth(desk, bearer)
      .send({
        protecteeId: protectee.body.id,
        title: 'राज्यपाल का भोपाल भ्रमण / Governor visit to Bhopal',
        legs: [leg(`${v}T23:30:00`, `${v}T23:59:00`)],
      })
      .expect(201);
    // Read as UTC, 23:30 fell on the next IST day (05:00).
    expect(issued.body.firstDay).toBe(v);
    expect(issued.body.lastDay).toBe(v);
    expect(issued.body.revision.legs[0]).toMatchObject({
      start: utc(`${v}T23:30`),
      end: utc(`${v}T23:59`),
    });
    const text = await pdfText(
      `/api/v1/vip-programmes/${issued.body.id}/revisions/1/pdf`,
      desk,
    );
    expect(text).toContain(`${formatIstDate(parseIstDateTime(v))} 23:30`);
    expect(text).toContain('23:59');
  });

  it('stores shifts sent as 00:00:00 and 08:00:00 at IST midnight and 08:00, and prints 08:00 on the slip, not 13:30', async () => {
    const duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    await seedForce(t, { unitCode: 'KAMLA_NAGAR', prefix: 'LT', ranks: { CONSTABLE: 3 } });
    const d = day(4);
    const body = bandobastBody(
      'Local times',
      [
        { code: 'P1', shifts: [shift('P1-N', `${d}T00:00:00`, `${d}T08:00:00`, { CONSTABLE: 1 })] },
        {
          code: 'P2',
          shifts: [
            shift(
              'P2-A',
              `${d}T08:00:00`,
              `${d}T16:00`,
              { CONSTABLE: 1 },
              { reportAt: `${d}T07:30:00` },
            ),
          ],
        },
      ],
      { unitCode: 'KAMLA_NAGAR' },
    );
    const bandobastId: string = (
      await t.http.post('/api/v1/bandobasts').auth(duty, bearer).send(body).expect(201)
    ).body.id;
    const stored: Array<{ code: string; starts_at: Date; ends_at: Date; report_at: Date | null }> =
      await t.app
        .get(DataSource)
        .query(
          `SELECT code, starts_at, ends_at, report_at FROM bandobast_shift WHERE bandobast_id = $1 ORDER BY code`,
          [bandobastId],
        );
    expect(
      stored.map((s) => [
        s.code,
        s.starts_at.toISOString(),
        s.ends_at.toISOString(),
        s.report_at?.toISOString() ?? null,
      ]),
    ).toEqual([
      // IST midnight is 18:30 UTC of the day before.
      ['P1-N', utc(`${d}T00:00`), utc(`${d}T08:00`), null],
      ['P2-A', utc(`${d}T08:00`), utc(`${d}T16:00`), utc(`${d}T07:30`)],
    ]);

    const chartId = await newChart(t, duty, bandobastId);
    expect((await solveChart(t, duty, chartId)).solveResult).toBe('OK');
    await publishChart(t, duty, chartId);
    const slips: Array<{ document_id: string }> = await t.app
      .get(DataSource)
      .query(`SELECT document_id FROM duty_slip WHERE chart_id = $1`, [chartId]);
    expect(slips).toHaveLength(2);
    const texts: string[] = [];
    for (const s of slips)
      texts.push(await pdfText(`/api/v1/documents/${s.document_id}/pdf`, a.admin));
    const date = formatIstDate(parseIstDateTime(d));
    const day2 = texts.find((x) => x.includes('P2-A'))!;
    expect(day2).toContain(`${date} 08:00–16:00`);
    expect(day2).toContain(`${date} 07:30`);
    expect(day2).not.toContain('13:30');
    expect(texts.find((x) => x.includes('P1-N'))).toContain(`${date} 00:00–08:00`);
  });

  it('reads leave given as bare dates as whole IST days, and a window ending 23:59 IST', async () => {
    const personnel = await t.tokenFor(['ADMIN']);
    const [officer] = await seedForce(t, {
      unitCode: 'TT_NAGAR',
      prefix: 'LV',
      ranks: { CONSTABLE: 1 },
    }).then((m) => [...m.values()]);
    const d = day(2);
    const leave = await t.http
      .post(`/api/v1/officers/${officer}/availability`)
      .auth(personnel, bearer)
      .send({ kind: 'LEAVE', from: d, to: day(3) })
      .expect(201);
    expect([leave.body.startsAt, leave.body.endsAt]).toEqual([
      utc(`${d}T00:00`),
      utc(`${day(3)}T00:00`),
    ]);
    const court = await t.http
      .post(`/api/v1/officers/${officer}/availability`)
      .auth(personnel, bearer)
      .send({ kind: 'COURT', from: `${day(4)}T23:00:00`, to: `${day(4)}T23:59:00` })
      .expect(201);
    // 23:59 IST is 18:29 UTC: still the same IST day.
    expect(court.body.endsAt).toBe(utc(`${day(4)}T23:59`));
    const list = async (query: Record<string, string>) =>
      (
        (
          await t.http
            .get(`/api/v1/officers/${officer}/availability`)
            .query(query)
            .auth(personnel, bearer)
            .expect(200)
        ).body as Array<{ kind: string }>
      ).map((e) => e.kind);
    expect(await list({ from: `${day(4)}T23:58`, to: day(5) })).toEqual(['COURT']);
    expect(await list({ from: `${day(4)}T23:59` })).toEqual([]);
    expect(await list({ from: d, to: `${d}T00:01` })).toEqual(['LEAVE']);
  });

  it('stores dak received at 00:00:00 at IST midnight, numbered and listed by its IST day', async () => {
    const control = await t.tokenFor(['CONTROL_ROOM']);
    const dak = await t.http
      .post('/api/v1/dak')
      .auth(control, bearer)
      .send({
        subject: 'Letter from the Collectorate',
        senderName: 'Collector, Bhopal',
        intakeChannel: 'POST',
        receivedAt: `${today}T00:00:00`,
        letterDate: day(-1),
      })
      .expect(201);
    expect(dak.body.receivedAt).toBe(utc(`${today}T00:00`));
    expect(dak.body.letterDate).toBe(day(-1));
    const listed = async (query: Record<string, string>) =>
      (
        (await t.http.get('/api/v1/dak').query(query).auth(control, bearer).expect(200)).body
          .items as Array<{ id: string }>
      ).some((x) => x.id === dak.body.id);
    expect(await listed({ from: today, to: day(1) })).toBe(true);
    expect(await listed({ from: day(-1), to: today })).toBe(false);
    expect(await listed({ from: `${day(-1)}T23:59:59`, to: `${today}T00:00:01` })).toBe(true);
  });

  it("keeps a venue's hours on the IST clock as HH:mm", async () => {
    const venue = await t.http
      .post('/api/v1/protests/venues')
      .auth(a.admin, bearer)
      .send({
        code: 'LOCAL_HOURS_GROUND',
        nameEn: 'Local hours ground',
        nameHi: 'स्थानीय समय मैदान',
        lat: 23.2336,
        lng: 77.4006,
        thanaCode: 'TT_NAGAR',
        opensAt: '10:00:00',
        closesAt: '17:00',
      })
      .expect(201);
    expect([venue.body.opensAt, venue.body.closesAt]).toEqual(['10:00', '17:00']);
  });
});
