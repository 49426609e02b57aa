import { MigrationInterface, QueryRunner } from 'typeorm';

const LIVE = `'RECEIVED','THANA_REPORT_REQUESTED','THANA_REPORTED','APPROVED'`;

/**
 * Clash checks find their candidates through a GiST index on time and bounding box together,
 * and only then work out distances; the distance itself no longer compares every point of one
 * route with every point of the other.
 *
 * - `geo_box_grow(box, metres)`: the box widened by that many metres on every side (the
 *   query's reach), for `geo_box && geo_box_grow(…)` against the index.
 * - `geo_min_distance_within_m(a, b, metres)`: the shortest haversine distance between two
 *   jsonb arrays of {lat, lng} if it is at most `metres`, else NULL. Points are put in grid
 *   cells at least `metres` wide and joined on neighbouring cells (a hash join), so the work is
 *   linear in the points, not their product; any pair within `metres` lies in neighbouring
 *   cells, so the answer is the same as comparing every pair.
 * - `vip_leg.geo_box`, like `protest_application.geo_box`, and both tables indexed on
 *   (during, geo_box) for the rows that take part in clashes; these replace the time-only indexes.
 */
export class ClashBoundingBoxes1796120228447 implements MigrationInterface {
  name = 'ClashBoundingBoxes1796120228447';

  async up(q: QueryRunner): Promise<void> {
    // Degrees per metre from the same mean radius as the haversine (6371008.8 m), 0.1 % wider to
    // be safe; a longitude degree is shorter away from the equator, taken at the box's
    // highest latitude (plus the reach) so it is never too narrow.
    await q.query(`
      CREATE FUNCTION geo_box_grow(b box, metres float8) RETURNS box
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT box(point((b[1])[0] - m.dlat / m.c, (b[1])[1] - m.dlat), point((b[0])[0] + m.dlat / m.c, (b[0])[1] + m.dlat))
        FROM (SELECT d.dlat, greatest(0.01, cos(radians(least(89.9, greatest(abs((b[0])[1]), abs((b[1])[1])) + d.dlat)))) AS c
              FROM (SELECT degrees(metres / 6371008.8) * 1.001 AS dlat) d) m
      $$`);
    await q.query(`
      CREATE FUNCTION geo_min_distance_within_m(a jsonb, b jsonb, metres float8) RETURNS double precision
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        WITH x AS (SELECT * FROM jsonb_to_recordset(a) AS x(lat float8, lng float8)),
             y AS (SELECT * FROM jsonb_to_recordset(b) AS y(lat float8, lng float8)),
             cell AS (
               SELECT d.dlat, d.dlat / greatest(0.01, cos(radians(least(89.9, max(abs(p.lat)) + d.dlat)))) AS dlng
               FROM (SELECT lat FROM x UNION ALL SELECT lat FROM y) p,
                    (SELECT degrees(metres / 6371008.8) * 1.001 AS dlat) d
               GROUP BY d.dlat),
             -- MATERIALIZED, so the planner joins on both cell coordinates at once rather than
             -- on one of them with the distance worked out for every pair in the same row of cells
             xc AS MATERIALIZED (SELECT x.lat, x.lng, floor(x.lat / c.dlat)::bigint AS i, floor(x.lng / c.dlng)::bigint AS j FROM x, cell c),
             -- each point of b in its own cell and the eight around it, so an equality join finds
             -- every pair in neighbouring cells exactly once
             yc AS MATERIALIZED (SELECT y.lat, y.lng, floor(y.lat / c.dlat)::bigint + di AS i, floor(y.lng / c.dlng)::bigint + dj AS j
                    FROM y, cell c, (VALUES (-1), (0), (1)) AS ri(di), (VALUES (-1), (0), (1)) AS rj(dj))
        SELECT min(d.m) FROM (
          SELECT 2 * 6371008.8 * asin(least(1, sqrt(
                   power(sin(radians(yc.lat - xc.lat) / 2), 2)
                 + cos(radians(xc.lat)) * cos(radians(yc.lat)) * power(sin(radians(yc.lng - xc.lng) / 2), 2)))) AS m
          FROM xc JOIN yc USING (i, j)) d
        WHERE d.m <= metres
      $$`);

    await q.query(`ALTER TABLE vip_leg ADD COLUMN geo_box box GENERATED ALWAYS AS (geo_bbox(points)) STORED`);
    await q.query(`CREATE INDEX vip_leg_current_during_box_idx ON vip_leg USING gist (during, geo_box) WHERE is_current`);
    await q.query(`DROP INDEX vip_leg_during_idx`);
    await q.query(`CREATE INDEX protest_application_live_during_box_idx ON protest_application USING gist (during, geo_box) WHERE status IN (${LIVE})`);
    await q.query(`DROP INDEX protest_application_live_during_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX protest_application_live_during_idx ON protest_application USING gist (during) WHERE status IN (${LIVE})`);
    await q.query(`DROP INDEX protest_application_live_during_box_idx`);
    await q.query(`CREATE INDEX vip_leg_during_idx ON vip_leg USING gist (during) WHERE is_current`);
    await q.query(`DROP INDEX vip_leg_current_during_box_idx`);
    await q.query(`ALTER TABLE vip_leg DROP COLUMN geo_box`);
    await q.query(`DROP FUNCTION geo_min_distance_within_m(jsonb, jsonb, float8)`);
    await q.query(`DROP FUNCTION geo_box_grow(box, float8)`);
  }
}
