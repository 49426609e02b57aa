import { AMBEDKAR_PARK, applicationBody, createApplication, istAt, protestActors, ProtestActors, ProtestView, seedVenues, step, STEP_BODIES, VIDHAN_SABHA, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface Rule {
  rule: string;
  ok: boolean;
  detail: string;
}
interface Clash {
  ref: string;
  kind: string;
  source: string;
  distanceMetres: number;
}

const failed = (app: ProtestView) => (app.rules as Rule[]).filter((r) => !r.ok).map((r) => r.rule);
const rule = (app: ProtestView, name: string) => (app.rules as Rule[]).find((r) => r.rule === name)!;
const clashRefs = (app: ProtestView) => (app.clashes as Clash[]).map((c) => c.ref);

describe('protest rules and clash detection (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  const apply = (over: Parameters<typeof applicationBody>[0]) => createApplication(t, a, applicationBody(over));

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
  });
  afterAll(() => t.close());

  describe('rules shown to the DCP', () => {
    it('passes an ordinary dharna at Ambedkar Park on every rule, saying what it compared', async () => {
      const app = await apply({ event: { startsAt: istAt(20, '11:00'), endsAt: istAt(20, '14:00'), loudspeaker: { from: istAt(20, '11:00'), to: istAt(20, '13:00') } } });
      expect(failed(app)).toEqual([]);
      expect((app.rules as Rule[]).map((r) => r.rule)).toEqual(['LEAD_TIME', 'LOUDSPEAKER_QUIET_HOURS', 'VENUE_CAPACITY', 'VENUE_HOURS', 'MAX_DURATION', 'RESTRICTION_ORDER']);
      expect(rule(app, 'VENUE_CAPACITY').detail).toContain('at most 1000');
    });

    it('flags an application received less than 48 hours before the event as late', async () => {
      const app = await apply({ event: { startsAt: istAt(1, '11:00'), endsAt: istAt(1, '14:00') } });
      expect(app.flags.late).toBe(true);
      expect(failed(app)).toEqual(['LEAD_TIME']);
      expect(rule(app, 'LEAD_TIME').detail).toMatch(/at least 48 h are required, so approving needs an override reason/);
    });

    it('counts the lead time from when the application reached us, even when entered later after an outage', async () => {
      const app = await apply({ event: { startsAt: istAt(1, '11:00'), endsAt: istAt(1, '14:00') }, intake: { channel: 'WHATSAPP', receivedAt: new Date(Date.now() - 4 * 86_400_000).toISOString() } });
      expect(app.flags.late).toBe(false);
    });

    it('flags a loudspeaker asked for inside the 22:00–06:00 quiet hours', async () => {
      const app = await apply({ event: { venueCode: 'NEW_MARKET', startsAt: istAt(21, '18:00'), endsAt: istAt(21, '23:00'), loudspeaker: { from: istAt(21, '20:00'), to: istAt(21, '22:30') } } });
      expect(failed(app)).toEqual(['LOUDSPEAKER_QUIET_HOURS']);
      expect(rule(app, 'LOUDSPEAKER_QUIET_HOURS').detail).toContain('22:00');
    });

    it('flags more participants than the venue takes', async () => {
      expect(failed(await apply({ event: { startsAt: istAt(22, '11:00'), endsAt: istAt(22, '14:00'), expectedParticipants: 1500 } }))).toEqual(['VENUE_CAPACITY']);
    });

    it('flags an event outside the venue\'s allowed hours', async () => {
      expect(failed(await apply({ event: { startsAt: istAt(23, '16:00'), endsAt: istAt(23, '18:00') } }))).toEqual(['VENUE_HOURS']);
    });

    it('flags a programme longer than one day', async () => {
      expect(failed(await apply({ event: { venueCode: 'NEW_MARKET', startsAt: istAt(24, '10:00'), endsAt: istAt(25, '12:00') } }))).toEqual(['MAX_DURATION']);
    });

    it('flags an event inside a restriction order\'s area and time, and stops once the order is lifted', async () => {
      const order = await t.http
        .post('/api/v1/protests/restriction-orders')
        .auth(a.admin, { type: 'bearer' })
        .send({ orderRef: '163/DCP-IS/2026/14', reason: 'Vidhan Sabha session: s.163 BNSS', areaKind: 'RADIUS', centre: VIDHAN_SABHA, radiusMetres: 500, startsAt: istAt(26, '00:00'), endsAt: istAt(28, '00:00') })
        .expect(201);
      const inside = await apply({ event: { venueCode: 'VIDHAN_SABHA', startsAt: istAt(27, '11:00'), endsAt: istAt(27, '14:00') } });
      expect(failed(inside)).toEqual(['RESTRICTION_ORDER']);
      expect(rule(inside, 'RESTRICTION_ORDER').detail).toContain('163/DCP-IS/2026/14');
      const elsewhere = await apply({ event: { startsAt: istAt(27, '11:00'), endsAt: istAt(27, '14:00') } });
      expect(failed(elsewhere)).toEqual([]);
      const afterwards = await apply({ event: { venueCode: 'VIDHAN_SABHA', startsAt: istAt(28, '11:00'), endsAt: istAt(28, '14:00') } });
      expect(failed(afterwards)).toEqual([]);

      await t.http.patch(`/api/v1/protests/restriction-orders/${order.body.id}`).auth(a.admin, { type: 'bearer' }).send({ version: order.body.version, isActive: false }).expect(200);
      expect(failed(await view(t, a.control, inside.id))).toEqual([]);
    });

    it('flags a route that passes through a restriction order\'s polygon', async () => {
      const square = [
        { lat: 23.230, lng: 77.430 },
        { lat: 23.236, lng: 77.430 },
        { lat: 23.236, lng: 77.436 },
        { lat: 23.230, lng: 77.436 },
      ];
      await t.http
        .post('/api/v1/protests/restriction-orders')
        .auth(a.admin, { type: 'bearer' })
        .send({ orderRef: 'BOS/2026/2', reason: 'Board Office Square closed to protests for two months', areaKind: 'POLYGON', polygon: square, startsAt: istAt(29, '00:00'), endsAt: istAt(31, '00:00') })
        .expect(201);
      const route = { thanaCode: 'MP_NAGAR', points: [{ name: 'Chinar Park', lat: 23.2355, lng: 77.4205 }, { name: 'Jyoti Talkies', lat: 23.2333, lng: 77.445 }] };
      const app = await apply({ event: { type: 'JULOOS', venueCode: undefined, route, startsAt: istAt(30, '11:00'), endsAt: istAt(30, '13:00') } });
      expect(failed(app)).toEqual(['RESTRICTION_ORDER']);
    });
  });

  it('refuses to approve a late application without an override reason, and records the reason when given', async () => {
    const late = await apply({ event: { startsAt: istAt(1, '12:00'), endsAt: istAt(1, '13:00') } });
    const ready = await step(t, a, await step(t, a, late, 'request-thana-report'), 'thana-report');
    const refused = await t.http.post(`/api/v1/protests/${late.id}/approve`).auth(a.approver, { type: 'bearer' }).send({ version: ready.version, ...STEP_BODIES.approve });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'lateOverrideReason' })]);
    expect((await view(t, a.control, late.id)).status).toBe('THANA_REPORTED');

    const approved = await step(t, a, ready, 'approve', { lateOverrideReason: 'Memorandum to the Collector only; 20 people; no traffic impact.' });
    expect(approved).toMatchObject({ status: 'APPROVED', decision: { lateOverrideReason: 'Memorandum to the Collector only; 20 people; no traffic impact.' } });
    expect((approved.decision as { rulesAtDecision: Rule[] }).rulesAtDecision.find((r) => r.rule === 'LEAD_TIME')!.ok).toBe(false);
  });

  describe('clashes', () => {
    it('finds two events at the same venue with overlapping times, each in the other\'s list', async () => {
      const first = await apply({ event: { venueCode: 'CHINAR_PARK', startsAt: istAt(40, '11:00'), endsAt: istAt(40, '14:00') } });
      const second = await apply({ event: { venueCode: 'CHINAR_PARK', startsAt: istAt(40, '13:00'), endsAt: istAt(40, '16:00') } });
      expect(second.clashes).toEqual([expect.objectContaining({ ref: first.ref, kind: 'SAME_VENUE', source: 'protest', distanceMetres: 0 })]);
      expect(clashRefs(await view(t, a.control, first.id))).toEqual([second.ref]);
    });

    it('finds no clash between events at one venue that only touch (one ends at 13:00, the next starts at 13:00)', async () => {
      const first = await apply({ event: { venueCode: 'CHINAR_PARK', startsAt: istAt(41, '11:00'), endsAt: istAt(41, '13:00') } });
      const second = await apply({ event: { venueCode: 'CHINAR_PARK', startsAt: istAt(41, '13:00'), endsAt: istAt(41, '15:00') } });
      expect(second.clashes).toEqual([]);
      expect((await view(t, a.control, first.id)).clashes).toEqual([]);
    });

    it('finds a procession whose route passes within 500 m of a venue in use, though no turn of the route is near it', async () => {
      const dharna = await apply({ event: { startsAt: istAt(42, '11:00'), endsAt: istAt(42, '14:00') } });
      // East along a line about 170 m north of Ambedkar Park; both ends are more than 1 km away from it.
      const route = { thanaCode: 'TT_NAGAR', points: [{ name: 'Roshanpura', lat: AMBEDKAR_PARK.lat + 0.0015, lng: 77.392 }, { name: 'Chinar Park', lat: AMBEDKAR_PARK.lat + 0.0015, lng: 77.42 }] };
      const juloos = await apply({ event: { type: 'JULOOS', venueCode: undefined, route, startsAt: istAt(42, '12:00'), endsAt: istAt(42, '13:00') } });
      const clash = (juloos.clashes as Clash[]).find((c) => c.ref === dharna.ref)!;
      expect(clash).toMatchObject({ kind: 'NEARBY' });
      expect(clash.distanceMetres).toBeGreaterThan(100);
      expect(clash.distanceMetres).toBeLessThan(250);
      expect(clashRefs(await view(t, a.control, dharna.id))).toContain(juloos.ref);

      const farRoute = { ...route, points: route.points.map((p) => ({ ...p, lat: p.lat + 0.03 })) };
      const far = await apply({ event: { type: 'JULOOS', venueCode: undefined, route: farRoute, startsAt: istAt(42, '12:00'), endsAt: istAt(42, '13:00') } });
      expect(far.clashes).toEqual([]);
      const window = `from=${encodeURIComponent(istAt(42, '00:00'))}&to=${encodeURIComponent(istAt(43, '00:00'))}`;
      const flagged = await t.http.get(`/api/v1/protests?${window}&clash=true`).auth(a.control, { type: 'bearer' }).expect(200);
      expect(flagged.body.items.map((i: { ref: string }) => i.ref).sort()).toEqual([dharna.ref, juloos.ref].sort());
    });

    it('drops an application from clashes once it is withdrawn, and flags clashes in the control room list', async () => {
      const first = await apply({ event: { venueCode: 'BOARD_OFFICE_SQUARE', startsAt: istAt(43, '11:00'), endsAt: istAt(43, '14:00') } });
      const second = await apply({ event: { venueCode: 'BOARD_OFFICE_SQUARE', startsAt: istAt(43, '12:00'), endsAt: istAt(43, '15:00') } });
      const list = await t.http.get(`/api/v1/protests?venue=BOARD_OFFICE_SQUARE&clash=true&from=${encodeURIComponent(istAt(43, '00:00'))}`).auth(a.control, { type: 'bearer' }).expect(200);
      expect(list.body.items.map((i: { ref: string }) => i.ref)).toEqual([first.ref, second.ref]);
      expect(list.body.items.every((i: { flags: { clash: boolean } }) => i.flags.clash)).toBe(true);

      await step(t, a, first, 'withdraw');
      expect((await view(t, a.control, second.id)).clashes).toEqual([]);
      const after = await t.http.get(`/api/v1/protests?venue=BOARD_OFFICE_SQUARE&clash=true&from=${encodeURIComponent(istAt(43, '00:00'))}`).auth(a.control, { type: 'bearer' }).expect(200);
      expect(after.body.items).toEqual([]);
    });
  });
});
