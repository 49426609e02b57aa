/**
 * Clash-check latency with 100,000 historical protest events in the table (about 14 years of
 * Bhopal's 20 applications a day, a fifth of them processions with routes), measured through
 * the same ProtestClashSource the app uses. Prints p50 and p95 (goal: p95 < 20 ms).
 *
 * Then the worst input the limits allow (issue 11): 60 routes of MAX_ROUTE_POINTS points along
 * the southern edge of the commissionerate, one per half hour as a 60-leg VIP programme would
 * be, checked by 60 routes on top of them (what one programme's clash check does against
 * another's); and the same 60 all at once, checked by one such route.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '../src/app';
import { ProtestClashSource } from '../src/modules/protests/clash/protest-clash.source';
import type { ClashQuery } from '../src/modules/protests/clash/clash-source';
import { PROTEST_CLASH_SQL } from '../src/modules/protests/clash/protest-clash.sql';
import { densify, GeoPoint, MAX_ROUTE_POINTS } from '../src/platform/geo/geo';
import { BHOPAL_BOUNDS } from '../src/platform/geo/bounds';
import { parseVenueCsv } from '../src/modules/protests/venues/venue-csv';
import { dataSourceOptions } from '../src/platform/database/data-source.options';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';

const EVENTS = Number(process.env.BENCH_PROTEST_EVENTS ?? 100_000);
const CHECKS = Number(process.env.BENCH_CLASH_CHECKS ?? 500);
const DAY_MS = 86_400_000;

/** Deterministic, so two runs measure the same thing. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function seed(ds: DataSource, venueCount: number): Promise<void> {
  // Venues and one thana straight into the tables: the bench measures the query, not the API.
  await ds.query(`INSERT INTO unit (code, kind, name_en, name_hi, path) VALUES ('BPL', 'COMMISSIONERATE', 'Bhopal', 'भोपाल', 'BPL'), ('TT_NAGAR', 'THANA', 'TT Nagar', 'टीटी नगर', 'BPL.TT_NAGAR')`);
  const venues = parseVenueCsv(readFileSync(join(__dirname, '../src/cli/demo/data/bhopal-venues.csv'), 'utf8')).slice(0, venueCount);
  for (const v of venues) {
    await ds.query(`INSERT INTO protest_venue (code, name_en, name_hi, lat, lng, thana_unit_id) SELECT $1, $2, $3, $4, $5, id FROM unit WHERE code = 'TT_NAGAR'`, [v.code, v.nameEn, v.nameHi, v.lat, v.lng]);
  }
  // One event every ~2.5 hours going back from tomorrow; 1 in 5 is a procession along a
  // ~2 km route sampled every 100 m (21 points); statuses as history leaves them.
  await ds.query(
    `WITH v AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, id, lat, lng FROM protest_venue),
          g AS (SELECT i, now() + interval '1 day' - (i * interval '126 minutes') AS s, (i * 7919) % (SELECT count(*) FROM v) AS vn FROM generate_series(1, $1) i)
     INSERT INTO protest_application (ref, status, applicant_name_en, address, mobile, id_document_type, id_last4, sms_language,
       event_type, purpose, starts_at, ends_at, expected_participants, venue_id, route, geo_points, intake_channel, received_at,
       entered_by, thana_unit_id, lead_time_hours, is_late)
     SELECT 'PRT/' || extract(year FROM g.s) || '/' || lpad(g.i::text, 6, '0'),
            CASE WHEN g.s > now() THEN 'RECEIVED' WHEN g.i % 10 = 0 THEN 'REJECTED' WHEN g.i % 10 = 1 THEN 'WITHDRAWN' ELSE 'APPROVED' END,
            'Bench applicant', 'Bhopal', '9876543210', 'VOTER_ID', '1234', 'hi',
            CASE WHEN g.i % 5 = 0 THEN 'JULOOS' ELSE 'DHARNA' END, 'bench', g.s, g.s + ((1 + g.i % 4) * interval '1 hour'), 100,
            CASE WHEN g.i % 5 = 0 THEN NULL ELSE v.id END,
            CASE WHEN g.i % 5 = 0 THEN '[{"name":"a","lat":0,"lng":0},{"name":"b","lat":0,"lng":0}]'::jsonb END,
            CASE WHEN g.i % 5 = 0
              THEN (SELECT jsonb_agg(jsonb_build_object('lat', round((v.lat + k * 0.0009 * sin(g.i))::numeric, 6), 'lng', round((v.lng + k * 0.0009 * cos(g.i))::numeric, 6))) FROM generate_series(0, 20) k)
              ELSE jsonb_build_array(jsonb_build_object('lat', v.lat, 'lng', v.lng)) END,
            'WALK_IN', g.s - interval '3 days', gen_random_uuid(), (SELECT id FROM unit WHERE code = 'TT_NAGAR'), 72, false
     FROM g JOIN v ON v.n = g.vn`,
    [EVENTS],
  );
  await ds.query('ANALYZE protest_application');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-bench-clash-'));
  const db = new EmbeddedDatabase({ dataDir });
  const url = await db.start();
  const ds = new DataSource(dataSourceOptions(url, 2));
  try {
    await migrateDatabase(url, () => undefined);
    await ds.initialize();
    const seeded = performance.now();
    await seed(ds, 29);
    const venues: Array<{ id: string; lat: number; lng: number }> = await ds.query('SELECT id, lat, lng FROM protest_venue ORDER BY code');
    const rows = (await ds.query('SELECT count(*)::int AS n FROM protest_application'))[0].n as number;
    const seedSeconds = (performance.now() - seeded) / 1000;

    const source = new ProtestClashSource();
    const random = rng(42);
    const queryAt = (): ClashQuery => {
      // Anywhere in the table's history or the coming week, 1–4 h long; half at a venue, half a route.
      const start = new Date(Date.now() + 7 * DAY_MS - random() * (EVENTS / 11.4) * DAY_MS);
      const venue = venues[Math.floor(random() * venues.length)]!;
      const route: GeoPoint[] = densify([venue, { lat: venue.lat + 0.02 * (random() - 0.5), lng: venue.lng + 0.02 * (random() - 0.5) }]);
      const atVenue = random() < 0.5;
      return { startsAt: start, endsAt: new Date(start.getTime() + (1 + Math.floor(random() * 4)) * 3_600_000), venueId: atVenue ? venue.id : null, points: atVenue ? [venue] : route, distanceMetres: 500 };
    };
    for (let i = 0; i < 50; i++) await source.find(ds.manager, queryAt());
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < CHECKS; i++) {
      const q = queryAt();
      const t0 = performance.now();
      found += (await source.find(ds.manager, q)).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);

    // A crowded day: 300 live events (half of them processions) on one date, checked 200 times.
    const busy = new Date(Date.now() + 30 * DAY_MS);
    await ds.query(
      `INSERT INTO protest_application (ref, status, applicant_name_en, address, mobile, id_document_type, id_last4, sms_language, event_type, purpose,
         starts_at, ends_at, expected_participants, venue_id, route, geo_points, intake_channel, received_at, entered_by, thana_unit_id, lead_time_hours, is_late)
       SELECT 'PRT/BUSY/' || i, 'RECEIVED', 'x', 'x', '9876543210', 'PAN', '1234', 'hi', 'DHARNA', 'x', $1::timestamptz + (i % 10) * interval '1 hour',
              $1::timestamptz + (i % 10 + 2) * interval '1 hour', 50, CASE WHEN i % 2 = 0 THEN p.id END,
              CASE WHEN i % 2 = 1 THEN '[{"name":"a","lat":0,"lng":0},{"name":"b","lat":0,"lng":0}]'::jsonb END,
              CASE WHEN i % 2 = 1 THEN (SELECT jsonb_agg(jsonb_build_object('lat', p.lat + k * 0.0007, 'lng', p.lng + k * 0.0007)) FROM generate_series(0, 20) k)
                   ELSE jsonb_build_array(jsonb_build_object('lat', p.lat, 'lng', p.lng)) END,
              'POST', now(), gen_random_uuid(), p.thana_unit_id, 720, false
       FROM generate_series(1, 300) i JOIN LATERAL (SELECT * FROM protest_venue ORDER BY code OFFSET i % 29 LIMIT 1) p ON true`,
      [busy.toISOString()],
    );
    const busyTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const q = { ...queryAt(), startsAt: new Date(busy.getTime() + (i % 10) * 3_600_000) };
      const t0 = performance.now();
      await source.find(ds.manager, { ...q, endsAt: new Date(q.startsAt.getTime() + 3 * 3_600_000) });
      busyTimes.push(performance.now() - t0);
    }
    busyTimes.sort((a, b) => a - b);
    // The worst input the limits allow: 500-point routes along the southern edge.
    const b = BHOPAL_BOUNDS;
    const edge = densify([{ lat: b.minLat, lng: b.minLng }, { lat: b.minLat, lng: b.maxLng }, { lat: b.minLat + 0.0895, lng: b.maxLng }]).slice(0, MAX_ROUTE_POINTS);
    const worstDay = new Date(Date.now() + 60 * DAY_MS);
    const insertEdgeRoutes = (refPrefix: string, spacingMinutes: number) =>
      ds.query(
        `INSERT INTO protest_application (ref, status, applicant_name_en, address, mobile, id_document_type, id_last4, sms_language, event_type, purpose,
           starts_at, ends_at, expected_participants, route, geo_points, intake_channel, received_at, entered_by, thana_unit_id, lead_time_hours, is_late)
         SELECT $3 || i, 'RECEIVED', 'x', 'x', '9876543210', 'PAN', '1234', 'hi', 'JULOOS', 'x',
                $1::timestamptz + i * $4 * interval '1 minute', $1::timestamptz + (i * $4 + 30) * interval '1 minute', 50,
                '[{"name":"a","lat":0,"lng":0},{"name":"b","lat":0,"lng":0}]'::jsonb, $2::jsonb,
                'POST', now(), gen_random_uuid(), (SELECT id FROM unit WHERE code = 'TT_NAGAR'), 720, false
         FROM generate_series(0, 59) i`,
        [worstDay.toISOString(), JSON.stringify(edge), refPrefix, spacingMinutes],
      );
    await insertEdgeRoutes('PRT/EDGE/', 30);
    await insertEdgeRoutes('PRT/CROWD/', 0);
    await ds.query('ANALYZE protest_application');
    const edgeQuery = (i: number): ClashQuery => ({
      startsAt: new Date(worstDay.getTime() + i * 30 * 60_000),
      endsAt: new Date(worstDay.getTime() + (i * 30 + 30) * 60_000),
      venueId: null,
      points: edge,
      distanceMetres: 500,
    });
    // Timed windows of legs 1..59: each overlaps one EDGE route and, at i = 0 only, the crowd.
    const legTimes: number[] = [];
    const programmeStart = performance.now();
    for (let i = 1; i < 60; i++) {
      const t0 = performance.now();
      await source.find(ds.manager, edgeQuery(i));
      legTimes.push(performance.now() - t0);
    }
    const programmeMs = performance.now() - programmeStart;
    legTimes.sort((x, y) => x - y);
    const crowdTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await source.find(ds.manager, edgeQuery(0));
      crowdTimes.push(performance.now() - t0);
    }
    crowdTimes.sort((x, y) => x - y);
    const pair = async (fn: string) => {
      const t0 = performance.now();
      await ds.query(`SELECT ${fn} FROM (SELECT $1::jsonb AS a) x`, [JSON.stringify(edge)]);
      return performance.now() - t0;
    };
    const oldPairMs = await pair('geo_min_distance_m(a, a)');
    const newPairMs = await pair('geo_min_distance_within_m(a, a, 500)');

    const sample = queryAt();
    const params = [sample.startsAt.toISOString(), sample.endsAt.toISOString(), sample.venueId, JSON.stringify(sample.points), null, 500];
    const plan = (await ds.query(`EXPLAIN ${PROTEST_CLASH_SQL}`, params)) as Array<{ 'QUERY PLAN': string }>;
    const index = plan.map((r) => r['QUERY PLAN']).join(' ').match(/protest_application_\w+_idx/)?.[0] ?? 'none (sequential scan)';

    console.log(`protest.clash.events: ${rows} (seeded in ${seedSeconds.toFixed(1)} s; 20% routes of 21 points)`);
    console.log(`protest.clash.checks: ${CHECKS} (one SQL query each; ${(found / CHECKS).toFixed(1)} clashes found on average)`);
    console.log(`protest.clash.index: ${index}`);
    console.log(`protest.clash.p50.ms: ${percentile(times, 50).toFixed(2)}`);
    console.log(`protest.clash.p95.ms: ${percentile(times, 95).toFixed(2)} (goal < 20)`);
    console.log(`protest.clash.max.ms: ${times.at(-1)!.toFixed(2)}`);
    console.log(`protest.clash.busyDay.p95.ms: ${percentile(busyTimes, 95).toFixed(2)} (300 live events on one day)`);
    console.log(`protest.clash.worst.points: ${edge.length} per route (MAX_ROUTE_POINTS), along the edge of the bounds`);
    console.log(`protest.clash.worst.programme.ms: ${programmeMs.toFixed(0)} (59 checks of a 500-point route, each against one 500-point route on top of it; goal < 1000)`);
    console.log(`protest.clash.worst.leg.p95.ms: ${percentile(legTimes, 95).toFixed(2)}`);
    console.log(`protest.clash.worst.crowd.p50.ms: ${percentile(crowdTimes, 50).toFixed(0)} (one 500-point route against 60 on top of it at once)`);
    console.log(`protest.clash.worst.pair.ms: ${newPairMs.toFixed(1)} (two 500-point routes, grid join; every-pair cross join: ${oldPairMs.toFixed(1)})`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
