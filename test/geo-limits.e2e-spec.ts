import { DataSource } from 'typeorm';
import { ClashDetector } from '../src/modules/protests';
import { LIVE_STATUS_SQL, PROTEST_CLASH_SQL } from '../src/modules/protests/clash/protest-clash.sql';
import { VIP_CLASH_SQL } from '../src/modules/vip-programmes/vip-clash.source';
import { BHOPAL_BOUNDS, densifiedCount, densify, EARTH_RADIUS_M, GeoPoint, MAX_ROUTE_POINTS, ROUTE_SAMPLE_SPACING_M } from '../src/platform/geo';
import { withClient } from './support/databases';
import { applicationBody, createApplication, istAt, protestActors, ProtestActors, seedVenues } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * Issue 11, item 1: one request must not be able to take the app down. Every place lies inside
 * the commissionerate and never with lat and lng swapped; road legs and routes are densified up
 * to a cap, flown legs are their two ends; clash checks find candidates through the
 * (during, geo_box) GiST indexes; the app's statements have a time limit.
 */
describe('places and the cost of clash checks (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let protecteeId: string;

  const newMarket = { name: 'New Market', lat: 23.2335, lng: 77.4005 };
  const ttNagarStadium = { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 };
  const hangar = { name: 'State Hangar, Bhopal', lat: 23.2875, lng: 77.3374 };
  const lalParade = { name: 'Lal Parade Ground', lat: 23.2609, lng: 77.4106 };
  const leg = (over: Record<string, unknown> = {}) => ({
    start: istAt(20, '10:00'),
    end: istAt(20, '10:40'),
    from: newMarket,
    to: ttNagarStadium,
    mode: 'ROAD_CONVOY',
    route: [],
    activity: 'TRANSIT',
    ...over,
  });
  const postProgramme = (legs: object[], title = 'भ्रमण / Visit') =>
    t.http.post('/api/v1/vip-programmes').auth(a.control, { type: 'bearer' }).send({ protecteeId, title, legs, addUnits: ['TT_NAGAR'] });
  const refusedFields = async (res: PromiseLike<{ status: number; body: { fields?: Array<{ field: string; message: string }> } }>) => {
    const r = await res;
    expect(r.status).toBe(400);
    return r.body.fields!;
  };
  const storedPoints = (programmeId: string) =>
    withClient(t.databaseUrl, async (c) =>
      (await c.query(`SELECT leg_key, jsonb_array_length(points) AS n FROM vip_leg WHERE programme_id = $1 AND is_current ORDER BY lower(during)`, [programmeId])).rows as Array<{ leg_key: string; n: number }>,
    );

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

  it('refuses a VIP leg to the other side of the planet, naming the fields', async () => {
    const saoPaulo = { name: 'São Paulo', lat: -23.55, lng: -46.63 };
    const fields = await refusedFields(postProgramme([leg({ to: saoPaulo })]));
    expect(fields.map((f) => f.field)).toEqual(['legs[0].to.lat', 'legs[0].to.lng']);
    expect(fields[0]!.message).toMatch(/^legs\[0\]\.to\.lat must lie within the commissionerate \(lat 23\.09 to 23\.69\)/);
    const viaDelhi = await refusedFields(postProgramme([leg({ route: [newMarket, ttNagarStadium, { name: 'Delhi', lat: 28.61, lng: 77.21 }] })]));
    expect(viaDelhi.map((f) => f.field)).toEqual(['legs[0].route[2].lat']);
  });

  it('refuses lat and lng given the wrong way round, wherever a place is given', async () => {
    const swapped = { name: 'Roshanpura Square', lat: 77.3985, lng: 23.2392 };
    const vip = await refusedFields(postProgramme([leg({ route: [newMarket, swapped] })]));
    expect(vip).toEqual([{ field: 'legs[0].route[1].lat', message: expect.stringMatching(/^legs\[0\]\.route\[1\]\.lat and lng look swapped/) }]);

    const route = { thanaCode: 'TT_NAGAR', points: [{ name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 }, swapped] };
    const protest = await refusedFields(t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(applicationBody({ event: { venueCode: undefined, type: 'JULOOS', route } })));
    expect(protest.map((f) => f.field)).toEqual(['event.route.points[1].lat']);

    const venue = { code: 'SWAPPED_GROUND', nameEn: 'Swapped Ground', nameHi: 'मैदान', lat: 77.407, lng: 23.2335, thanaCode: 'TT_NAGAR' };
    expect((await refusedFields(t.http.post('/api/v1/protests/venues').auth(a.admin, { type: 'bearer' }).send(venue))).map((f) => f.field)).toEqual(['lat']);

    const order = { orderRef: 'X/1', reason: 'Swapped centre', areaKind: 'RADIUS', centre: { lat: 77.41, lng: 23.24 }, radiusMetres: 500, startsAt: istAt(1, '00:00'), endsAt: istAt(2, '00:00') };
    expect((await refusedFields(t.http.post('/api/v1/protests/restriction-orders').auth(a.admin, { type: 'bearer' }).send(order))).map((f) => f.field)).toEqual(['centre.lat']);
  });

  it('stores a flown leg as its two ends, and a road leg sampled every 100 m', async () => {
    const flown = leg({ from: hangar, to: lalParade, mode: 'HELICOPTER', registration: 'VT-MPG', route: [{ name: 'Over Upper Lake', lat: 23.25, lng: 77.36 }] });
    const road = leg({ start: istAt(20, '11:00'), end: istAt(20, '11:40'), from: lalParade, to: newMarket, route: [ttNagarStadium] });
    const created = await postProgramme([flown, road]).expect(201);
    const points = await storedPoints(created.body.id);
    expect(points.map((p) => p.n)).toEqual([2, densifiedCount([lalParade, ttNagarStadium, newMarket])]);
    expect(points[1]!.n).toBeGreaterThan(20);
  });

  it('refuses a road leg or a procession route longer than the cap, naming it', async () => {
    // Corner to corner of the commissionerate and back: about 150 km of road.
    const sw = { name: 'South-west corner', lat: BHOPAL_BOUNDS.minLat, lng: BHOPAL_BOUNDS.minLng };
    const ne = { name: 'North-east corner', lat: BHOPAL_BOUNDS.maxLat, lng: BHOPAL_BOUNDS.maxLng };
    const vip = await refusedFields(postProgramme([leg({ from: sw, route: [ne], to: sw })]));
    expect(vip).toEqual([{ field: 'legs[0].route', message: expect.stringMatching(/^legs\[0\]\.route is 1\d\d\.\d km long .*at most 49\.9 km \(500 points\)/) }]);
    // Flown, the same ends are two points and fine.
    await postProgramme([leg({ from: sw, route: [], to: ne, mode: 'AIRCRAFT', start: istAt(21, '10:00'), end: istAt(21, '11:00') })]).expect(201);

    const route = { thanaCode: 'TT_NAGAR', points: [sw, ne, sw] };
    const protest = await refusedFields(t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(applicationBody({ event: { venueCode: undefined, type: 'JULOOS', route } })));
    expect(protest.map((f) => f.field)).toEqual(['event.route.points']);
  });

  it('runs the app (not the migrations) with a statement timeout', async () => {
    const [{ statement_timeout }] = await t.app.get(DataSource).query('SHOW statement_timeout');
    expect(statement_timeout).toBe('5s');
  });

  describe('the worst input the limits allow', () => {
    const LEGS = 60; // ArrayMaxSize of ProgrammeBody.legs
    const degreesNorth = (metres: number) => (metres / EARTH_RADIUS_M) * (180 / Math.PI);
    /**
     * A road leg of exactly MAX_ROUTE_POINTS points along the edge of the bounds: the whole
     * southern (or northern) edge, then up (or down) the side as far as the cap allows.
     */
    const edgeLeg = (i: number) => {
      const b = BHOPAL_BOUNDS;
      const south = i % 2 === 0;
      const lat = south ? b.minLat : b.maxLat;
      const from = { name: `Edge ${i} start`, lat, lng: south ? b.minLng : b.maxLng };
      const corner = { name: `Edge ${i} corner`, lat, lng: south ? b.maxLng : b.minLng };
      const along = densifiedCount([from, corner]) - 1;
      const up = degreesNorth((MAX_ROUTE_POINTS - 1 - along) * ROUTE_SAMPLE_SPACING_M - 50);
      const to = { name: `Edge ${i} end`, lat: Math.round((south ? lat + up : lat - up) * 1e6) / 1e6, lng: corner.lng };
      const start = new Date(Date.parse(istAt(30, '00:00')) + i * 30 * 60_000);
      return leg({ start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString(), from, route: [corner], to });
    };
    const legs = Array.from({ length: LEGS }, (_, i) => edgeLeg(i));
    let first: string;
    let second: string;
    let protestId: string;

    beforeAll(async () => {
      for (const l of legs) expect(densifiedCount([l.from as GeoPoint, ...(l.route as GeoPoint[]), l.to as GeoPoint])).toBe(MAX_ROUTE_POINTS);
      first = (await postProgramme(legs, 'पहला भ्रमण / First visit').expect(201)).body.id;
      // The same legs again at the same times: every leg of one is on top of a leg of the other.
      second = (await postProgramme(legs, 'दूसरा भ्रमण / Second visit').expect(201)).body.id;
      // And a procession of 50 turns along the southern edge over the same day.
      const b = BHOPAL_BOUNDS;
      const points = Array.from({ length: 50 }, (_, k) => ({ name: `Turn ${k + 1}`, lat: b.minLat + (k % 2) * 0.0004, lng: b.minLng + k * 0.0078 }));
      expect(densifiedCount(points)).toBeLessThanOrEqual(MAX_ROUTE_POINTS);
      const route = { thanaCode: 'TT_NAGAR', points };
      protestId = (await createApplication(t, a, applicationBody({ event: { venueCode: undefined, type: 'JULOOS', route, startsAt: istAt(30, '06:00'), endsAt: istAt(30, '18:00') } }))).id;
    });

    it('stores at most the cap per leg', async () => {
      for (const id of [first, second]) {
        const points = await storedPoints(id);
        expect(points).toHaveLength(LEGS);
        expect(points.every((p) => p.n === MAX_ROUTE_POINTS)).toBe(true);
      }
    });

    it('finds the candidates of both clash sources through the (during, geo_box) indexes', async () => {
      const ds = t.app.get(DataSource);
      const l = legs[12]!;
      const points = JSON.stringify(densify([l.from as GeoPoint, ...(l.route as GeoPoint[]), l.to as GeoPoint]));
      await ds.query('ANALYZE vip_leg; ANALYZE protest_application');
      /** Every index scan in the plan: which index, on what condition. */
      const indexScans = async (sql: string, params: unknown[]) => {
        const scans: Array<{ index: string; cond: string }> = [];
        const walk = (node: { 'Index Name'?: string; 'Index Cond'?: string; Plans?: unknown[] }) => {
          if (node['Index Name']) scans.push({ index: node['Index Name'], cond: node['Index Cond'] ?? '' });
          for (const child of node.Plans ?? []) walk(child as typeof node);
        };
        // Whether the index can serve the condition, not how the planner weighs a few hundred
        // test rows (a sequential scan of them costs about the same, and won one CI run): with
        // sequential scans priced out, a condition the index cannot take still shows no index scan.
        const [row] = await ds.transaction(async (em) => {
          await em.query('SET LOCAL enable_seqscan = off');
          return em.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        });
        walk(row['QUERY PLAN'][0].Plan);
        return scans;
      };
      const boxScan = { cond: expect.stringMatching(/^\(\(during && .*\) AND \(geo_box && '\(.*\)'::box\)\)$/) };
      expect(await indexScans(VIP_CLASH_SQL, [l.start, l.end, points, 500, second])).toContainEqual({ index: 'vip_leg_current_during_box_idx', ...boxScan });
      expect(await indexScans(PROTEST_CLASH_SQL, [l.start, l.end, null, points, null, 500])).toContainEqual({ index: 'protest_application_live_during_box_idx', ...boxScan });

      // The list's clash flag, for every row at once: each source's arm takes its candidates
      // from the same index, against the row's own range and box.
      const listed = t.app.get(ClashDetector).shownExists({ id: 'p.id', during: 'p.during', venueId: 'p.venue_id', geoPoints: 'p.geo_points', geoBox: 'p.geo_box' }, { id: 'x', username: 'x', roles: ['CONTROL_ROOM'], unitId: 'x', unitPath: 'BPL' });
      const [listSql, listParams] = ds
        .createQueryBuilder()
        .select('p.id')
        .from('protest_application', 'p')
        .where(`p.status IN (${LIVE_STATUS_SQL}) AND ${listed.sql}`, listed.params)
        .getQueryAndParameters();
      const rowScan = { cond: expect.stringMatching(/^\(\(during && p\.during\) AND \(geo_box && geo_box_grow\(p\.geo_box, .*\)\)\)$/) };
      const scans = await indexScans(listSql, listParams);
      expect(scans).toContainEqual({ index: 'vip_leg_current_during_box_idx', ...rowScan });
      expect(scans).toContainEqual({ index: 'protest_application_live_during_box_idx', ...rowScan });
    });

    it('answers the clash checks of 60 long legs with /health/ready green meanwhile', async () => {
      const ready = async () => (await t.http.get('/health/ready')).status;
      /** The answer, with /health/ready asked while it runs. Speed is `npm run bench`'s to measure, not a test's. */
      const answered = async (path: string) => {
        const [res, health] = await Promise.all([t.http.get(path).auth(a.control, { type: 'bearer' }), ready()]);
        expect(res.status).toBe(200);
        expect(health).toBe(200);
        return { res };
      };
      // Each of the 60 legs is checked against both sources: 120 queries over 500-point legs.
      const vip = await answered(`/api/v1/vip-programmes/${second}`);
      const clashes = vip.res.body.clashes as Array<{ legKey: string; clashes: Array<{ source: string; distanceMetres: number }> }>;
      expect(clashes).toHaveLength(LEGS);
      expect(clashes.every((c) => c.clashes.some((x) => x.source === 'vip-programme' && x.distanceMetres === 0))).toBe(true);
      expect(clashes.filter((c) => c.clashes.some((x) => x.source === 'protest'))).toHaveLength(12); // the southern legs between 06:00 and 18:00

      const protest = await answered(`/api/v1/protests/${protestId}`);
      expect((protest.res.body.clashes as Array<{ source: string }>).filter((c) => c.source === 'vip-programme')).toHaveLength(24);
      expect(await ready()).toBe(200);
    });
  });
});
