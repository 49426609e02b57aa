import { driveTo, istAt, protestActors, ProtestActors, seedVenues, step, view as protestView } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/** VIP programmes and protest permissions see each other: a clash shows up on both sides. */
describe('VIP programmes as a clash source for protests (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let protecteeId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
    protecteeId = (
      await t.http
        .post('/api/v1/protectees')
        .auth(a.control, { type: 'bearer' })
        .send({ nameEn: 'Governor', nameHi: 'राज्यपाल', designationEn: 'Governor of Madhya Pradesh', designationHi: 'राज्यपाल, मध्यप्रदेश', category: 'Z', listRank: 2 })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  // A road leg past Ambedkar Park, in the middle of the protest's 11:00–14:00 window three days ahead.
  const leg = (start: string, end: string) => ({
    start,
    end,
    from: { name: 'New Market', lat: 23.2335, lng: 77.4005 },
    to: { name: 'Board Office Square', lat: 23.2333, lng: 77.433 },
    mode: 'ROAD_CONVOY',
    route: [{ name: 'Tulsi Nagar', lat: 23.2336, lng: 77.4068 }],
    activity: 'TRANSIT',
  });

  it('shows the VIP desk the protests near a new leg, and the approver the VIP leg near a protest; revoking for VIP movement links the two', async () => {
    const protest = await driveTo(t, a, 'APPROVED');
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(a.control, { type: 'bearer' })
      .send({ protecteeId, title: 'राज्यपाल का भ्रमण / Governor visit', legs: [leg(istAt(3, '12:00'), istAt(3, '12:30'))] })
      .expect(201);
    const programme = created.body;
    expect(created.body.clashes).toHaveLength(1);
    expect(created.body.clashes[0].clashes.map((c: { source: string; ref: string }) => `${c.source}:${c.ref}`)).toEqual([`protest:${protest.ref}`]);

    // The approver looking at the protest sees the VIP leg (without who or how).
    const seen = await protestView(t, a.approver, protest.id);
    const vipClash = (seen.clashes as Array<{ source: string; ref: string; title: string }>).find((c) => c.source === 'vip-programme');
    expect(vipClash).toMatchObject({ ref: programme.ref, title: expect.stringContaining('VIP movement') });
    expect(JSON.stringify(seen)).not.toContain('Governor');

    // Revoked for VIP movement, naming the programme: the programme lists the protest.
    await step(t, a, seen, 'revoke', { linkedRecord: { type: 'VIP_PROGRAMME', ref: programme.ref } });
    const vip = (await t.http.get(`/api/v1/vip-programmes/${programme.id}`).auth(a.control, { type: 'bearer' }).expect(200)).body;
    expect(vip.revokedProtests.map((p: { ref: string }) => p.ref)).toEqual([protest.ref]);
    // A revoked protest no longer stands in the way.
    expect(vip.clashes).toEqual([]);
  });

  it('shows the clash when the programme is revised into a pending protest\'s window, and not when the times only touch', async () => {
    const pending = await driveTo(t, a, 'THANA_REPORTED');
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(a.control, { type: 'bearer' })
      .send({ protecteeId, title: 'दूसरा भ्रमण / Second visit', legs: [leg(istAt(3, '09:00'), istAt(3, '11:00'))] })
      .expect(201);
    expect(created.body.clashes).toEqual([]); // ends exactly when the protest starts
    const revised = await t.http
      .post(`/api/v1/vip-programmes/${created.body.id}/revisions`)
      .auth(a.control, { type: 'bearer' })
      .send({ revision: 1, legs: [{ ...leg(istAt(3, '10:30'), istAt(3, '11:15')), key: created.body.revision.legs[0].key }] })
      .expect(201);
    expect(revised.body.clashes[0].clashes.map((c: { ref: string }) => c.ref)).toContain(pending.ref);
  });
});
