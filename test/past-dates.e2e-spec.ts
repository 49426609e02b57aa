import { DataSource } from 'typeorm';
import { addDays, fixedClock, istDateKey, parseIstDateTime } from '../src/platform/time';
import { bandobastBody, seedForce, shift } from './support/duty-charts';
import { applicationBody, protestActors, ProtestActors, seedVenues } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };

/**
 * Issue 12, item 16: new work is not dated in the past, by the app's clock read in IST. A
 * bandobast dated 2020 was accepted, and so were past VIP legs, shifts and leave. Back-entry
 * stays where the workflow needs it (dak and protest receipts: any past moment, not the future).
 *
 * The clock stands at 00:15 IST (18:45 UTC the day before, so the UTC date is still
 * yesterday's) and at 23:45 IST, a month ahead of the machine's date.
 */
const today = istDateKey(addDays(new Date(), 30));
const day = (n: number) => istDateKey(addDays(parseIstDateTime(today), n));
const justAfterMidnight = parseIstDateTime(`${today}T00:15`);
const justBeforeMidnight = parseIstDateTime(`${day(-1)}T23:45`);

type Problem = { field: string; message: string };
const fieldsOf = (body: { fields?: Problem[] }) => (body.fields ?? []).map((f) => f.field);

describe('new work dated in the past is refused, naming the field (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let duty: string;
  let desk: string;
  let protecteeId: string;
  const clock = fixedClock(justAfterMidnight);

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    a = await protestActors(t);
    duty = await t.tokenFor(['DUTY_OFFICER'], 'ZONE_1');
    desk = await t.tokenFor(['CONTROL_ROOM']);
    await seedVenues(t, a.admin);
    protecteeId = (
      await t.http
        .post('/api/v1/protectees')
        .auth(desk, bearer)
        .send({
          nameEn: 'Chief Minister',
          nameHi: 'मुख्यमंत्री',
          designationEn: 'Chief Minister, Madhya Pradesh',
          designationHi: 'मुख्यमंत्री, मध्यप्रदेश',
          category: 'Z+',
          listRank: 1,
        })
        .expect(201)
    ).body.id;
  });
  beforeEach(() => clock.set(justAfterMidnight));
  afterAll(() => t.close());

  describe('bandobast shifts', () => {
    const post = (start: string, end: string) =>
      t.http
        .post('/api/v1/bandobasts')
        .auth(duty, bearer)
        .send(
          bandobastBody('Past check', [
            { code: 'P1', shifts: [shift('P1-A', start, end, { CONSTABLE: 1 })] },
          ]),
        );
    const START = 'divisions[0].sectors[0].posts[0].shifts[0].start';

    it('refuses a bandobast dated 2020', async () => {
      const res = await post('2020-11-08T18:00:00+05:30', '2020-11-09T02:00:00+05:30').expect(400);
      expect(fieldsOf(res.body)).toEqual([START]);
      expect(res.body.fields[0].message).toContain('in the past');
    });

    it('reads "now" in IST across midnight: at 00:15 IST a shift at 00:10 has begun, one at 00:20 has not', async () => {
      expect(
        fieldsOf((await post(`${today}T00:10:00`, `${today}T08:00:00`).expect(400)).body),
      ).toEqual([START]);
      // A bare date is 00:00 IST: past at 00:15 IST, though the UTC date is still yesterday's.
      expect(fieldsOf((await post(today, `${today}T08:00:00`).expect(400)).body)).toEqual([START]);
      await post(`${today}T00:20:00`, `${today}T08:00:00`).expect(201);
      clock.set(justBeforeMidnight);
      await post(today, `${today}T08:00:00`).expect(201);
      await post(`${day(-1)}T23:50:00+05:30`, `${today}T06:00:00+05:30`).expect(201);
    });

    it('refuses a past shift added to an existing bandobast, and writes nothing', async () => {
      const id = (await post(`${day(1)}T06:00:00`, `${day(1)}T14:00:00`).expect(201)).body.id;
      const division = (code: string, start: string, end: string) => ({
        code: `D-${code}`,
        name: 'Division 2',
        sectors: [
          {
            code: `S-${code}`,
            name: 'Sector',
            posts: [
              {
                code: `P-${code}`,
                name: 'Point',
                kind: 'FIXED_POINT',
                location: 'Gate',
                shifts: [shift(`P-${code}-A`, start, end, { CONSTABLE: 1 })],
              },
            ],
          },
        ],
      });
      const refused = await t.http
        .post(`/api/v1/bandobasts/${id}/divisions`)
        .auth(duty, bearer)
        .send({ divisions: [division('X', `${day(-1)}T22:00:00`, `${today}T06:00:00`)] })
        .expect(400);
      expect(fieldsOf(refused.body)).toEqual(['divisions[0].sectors[0].posts[0].shifts[0].start']);
      const [{ n }] = await t.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM bandobast_division WHERE bandobast_id = $1`, [id]);
      expect(n).toBe(1);
      await t.http
        .post(`/api/v1/bandobasts/${id}/divisions`)
        .auth(duty, bearer)
        .send({ divisions: [division('Y', `${day(1)}T06:00:00`, `${day(1)}T14:00:00`)] })
        .expect(201);
    });
  });

  describe('VIP programme legs', () => {
    const leg = (start: string, end: string, key?: string) => ({
      ...(key ? { key } : {}),
      start,
      end,
      from: { name: 'State Hangar, Bhopal', lat: 23.2875, lng: 77.3374 },
      to: { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 },
      mode: 'ROAD_CONVOY',
      route: [],
      activity: 'TRANSIT',
    });
    const create = (legs: object[]) =>
      t.http
        .post('/api/v1/vip-programmes')
        .auth(desk, bearer)
        .send({ protecteeId, title: 'मुख्यमंत्री का भ्रमण / CM visit', legs });

    it('refuses a new programme whose leg has begun, across IST midnight', async () => {
      const res = await create([leg(`${today}T00:10:00`, `${today}T00:40:00`)]).expect(400);
      expect(fieldsOf(res.body)).toEqual(['legs[0].start']);
      expect(res.body.fields[0].message).toContain('in the past');
      await create([leg(`${today}T00:20:00`, `${today}T00:40:00`)]).expect(201);
    });

    it('lets a revision keep a leg already under way, but not move one into the past nor add a past one', async () => {
      const issued = (
        await create([
          leg(`${today}T01:00:00`, `${today}T02:00:00`),
          leg(`${today}T03:00:00`, `${today}T04:00:00`),
        ]).expect(201)
      ).body;
      const [first, second] = issued.revision.legs as Array<{
        key: string;
        start: string;
        end: string;
      }>;
      const id = issued.id;
      clock.set(parseIstDateTime(`${today}T01:30`));
      const revise = (revision: number, legs: object[]) =>
        t.http
          .post(`/api/v1/vip-programmes/${id}/revisions`)
          .auth(desk, bearer)
          .send({ revision, legs, reason: 'Timings changed' });

      // The first leg is under way: its start may stay, or its end move later, but not earlier than now.
      expect(
        fieldsOf(
          (
            await revise(1, [
              leg(`${today}T01:10:00`, `${today}T02:00:00`, first!.key),
              leg(second!.start, second!.end, second!.key),
            ]).expect(400)
          ).body,
        ),
      ).toEqual(['legs[0].start']);
      expect(
        fieldsOf(
          (
            await revise(1, [
              leg(first!.start, `${today}T01:20:00`, first!.key),
              leg(second!.start, second!.end, second!.key),
            ]).expect(400)
          ).body,
        ),
      ).toEqual(['legs[0].end']);
      // A new leg in the past is refused; so is the leg under way sent again without its key (a new leg).
      expect(
        fieldsOf(
          (
            await revise(1, [
              leg(`${today}T00:30:00`, `${today}T00:50:00`),
              leg(first!.start, first!.end, first!.key),
              leg(second!.start, second!.end, second!.key),
            ]).expect(400)
          ).body,
        ),
      ).toEqual(['legs[0].start']);
      expect(
        fieldsOf(
          (
            await revise(1, [
              leg(first!.start, first!.end),
              leg(second!.start, second!.end, second!.key),
            ]).expect(400)
          ).body,
        ),
      ).toEqual(['legs[0].start']);
      // Kept as it was, the leg under way stays, its end may move later, and later legs move freely.
      const revised = await revise(1, [
        leg(first!.start, `${today}T02:05:00`, first!.key),
        leg(`${today}T03:30:00`, `${today}T04:00:00`, second!.key),
      ]).expect(201);
      expect(revised.body.revision.legs[0]).toMatchObject({
        key: first!.key,
        start: first!.start,
        end: parseIstDateTime(`${today}T02:05`).toISOString(),
      });
    });

    it('drafts a bandobast for a programme under way with no shift starting in the past', async () => {
      const issued = (
        await create([
          leg(`${today}T00:30:00`, `${today}T01:00:00`),
          leg(`${today}T05:00:00`, `${today}T06:00:00`),
        ]).expect(201)
      ).body;
      clock.set(parseIstDateTime(`${today}T00:45`));
      const { bandobastId } = (
        await t.http
          .post(`/api/v1/vip-programmes/${issued.id}/bandobast-draft`)
          .auth(desk, bearer)
          .expect(201)
      ).body;
      const shifts: Array<{ starts_at: Date; ends_at: Date }> = await t.app
        .get(DataSource)
        .query(
          `SELECT starts_at, ends_at FROM bandobast_shift WHERE bandobast_id = $1 ORDER BY starts_at`,
          [bandobastId],
        );
      expect(shifts.length).toBeGreaterThan(0);
      for (const s of shifts) expect(s.starts_at.getTime()).toBeGreaterThan(clock.now().getTime());
      // The leg under way is staffed from the next minute, the later one from an hour before it.
      expect(shifts[0]!.starts_at.toISOString()).toBe(
        parseIstDateTime(`${today}T00:46`).toISOString(),
      );
      expect(shifts.at(-1)!.starts_at.toISOString()).toBe(
        parseIstDateTime(`${today}T04:00`).toISOString(),
      );
      // Once every leg is over there is nothing to staff.
      clock.set(parseIstDateTime(`${today}T07:00`));
      const over = await t.http
        .post(`/api/v1/vip-programmes/${issued.id}/bandobast-draft`)
        .auth(desk, bearer)
        .expect(400);
      expect(fieldsOf(over.body)).toEqual(['legs']);
    });
  });

  describe('leave and other availability', () => {
    let officer: string;
    beforeAll(async () => {
      [officer] = [
        ...(
          await seedForce(t, { unitCode: 'TT_NAGAR', prefix: 'PD', ranks: { CONSTABLE: 1 } })
        ).values(),
      ] as [string];
    });
    const record = (from: string, to: string) =>
      t.http
        .post(`/api/v1/officers/${officer}/availability`)
        .auth(duty, bearer)
        .send({ kind: 'LEAVE', from, to });

    it('accepts an entry from today in IST, and refuses one from yesterday, on either side of IST midnight', async () => {
      // 00:15 IST: "yesterday" in IST is the UTC date of the clock, and it is refused.
      const res = await record(day(-1), today).expect(400);
      expect(fieldsOf(res.body)).toEqual(['from']);
      expect(res.body.fields[0].message).toContain('before today');
      await record(today, day(1)).expect(201);
      await record(`${today}T00:00:00`, `${today}T00:10:00`).expect(201);
      // 23:45 IST the day before: that day is still today.
      clock.set(justBeforeMidnight);
      await record(day(-1), today).expect(201);
      expect(fieldsOf((await record(day(-2), day(-1)).expect(400)).body)).toEqual(['from']);
    });
  });

  describe('protest events and receipts', () => {
    it('refuses an event that has begun by the app clock in IST', async () => {
      const event = (startsAt: string, endsAt: string) =>
        t.http
          .post('/api/v1/protests')
          .auth(a.control, bearer)
          .send(
            applicationBody({
              event: { startsAt, endsAt },
              intake: { receivedAt: `${day(-1)}T23:00:00` },
            }),
          );
      const res = await event(`${today}T00:10:00`, `${today}T03:00:00`).expect(400);
      expect(fieldsOf(res.body)).toEqual(['event.startsAt']);
      await event(`${today}T00:20:00`, `${today}T03:00:00`).expect(201);
    });

    it('allows a receipt back-entered in the past but not one stamped in the future', async () => {
      const receive = (receivedAt: string) =>
        t.http
          .post('/api/v1/protests')
          .auth(a.control, bearer)
          .send(
            applicationBody({
              event: { startsAt: `${day(3)}T11:00:00`, endsAt: `${day(3)}T14:00:00` },
              intake: { receivedAt },
            }),
          );
      await receive(`${day(-20)}T11:00:00`).expect(201);
      // A few minutes ahead is a clock's skew; a quarter of an hour is a typing slip.
      await receive(`${today}T00:18:00`).expect(201);
      expect(fieldsOf((await receive(`${today}T00:30:00`).expect(400)).body)).toEqual([
        'intake.receivedAt',
      ]);
    });
  });

  describe('dak received-at (back-entry)', () => {
    const receive = (receivedAt: string) =>
      t.http
        .post('/api/v1/dak')
        .auth(desk, bearer)
        .send({
          subject: 'Letter from the Collectorate',
          senderName: 'Collector, Bhopal',
          intakeChannel: 'POST',
          receivedAt,
        });

    it('allows any past moment, and refuses one ahead of the app clock', async () => {
      await receive(`${day(-45)}T10:30:00`).expect(201);
      await receive(`${day(-1)}T23:59:00`).expect(201);
      await receive(`${today}T00:18:00`).expect(201);
      const res = await receive(`${today}T00:30:00`).expect(400);
      expect(fieldsOf(res.body)).toEqual(['receivedAt']);
      clock.set(parseIstDateTime(`${today}T00:30`));
      await receive(`${today}T00:30:00`).expect(201);
    });
  });
});
