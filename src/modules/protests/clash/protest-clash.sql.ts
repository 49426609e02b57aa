import { LIVE_STATUSES } from '../protest-workflow';

/**
 * The statuses that take part in clashes, as a SQL list. The partial GiST index on
 * protest_application(during, geo_box) carries the same predicate, so the planner can use it.
 */
export const LIVE_STATUS_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(',');

/**
 * Live protests overlapping [$1, $2) that are at venue $3 or within $6 metres of the points $4,
 * other than $5. Ranges are half-open, so an event ending at 12:00 does not clash with one
 * starting at 12:00.
 *
 * Candidates come from the GiST index on (during, geo_box) alone: overlapping in time, with a
 * bounding box within reach of the points' box (geo_box_grow), plus anything booked at the same
 * venue (wherever its stored point). Only for those is a distance worked out, by
 * geo_min_distance_within_m, which is linear in the points (a grid join, not every pair).
 */
export const PROTEST_CLASH_SQL = `
  SELECT p.id, p.ref, p.status, p.event_type, p.organisation, p.starts_at, p.ends_at,
         v.name_en AS venue_name, p.route -> 0 ->> 'name' AS route_from, p.route -> -1 ->> 'name' AS route_to,
         d.same_venue, d.metres
  FROM protest_application p
  LEFT JOIN protest_venue v ON v.id = p.venue_id
  -- OFFSET 0 keeps this a subquery, so the distance is worked out once per candidate, and not at
  -- all at the same venue (metres is NULL when nothing is within reach).
  CROSS JOIN LATERAL (
    SELECT (p.venue_id = $3::uuid) IS TRUE AS same_venue,
           CASE WHEN (p.venue_id = $3::uuid) IS TRUE THEN 0
                ELSE geo_min_distance_within_m(p.geo_points, $4::jsonb, $6::float8)
           END AS metres
    OFFSET 0) d
  WHERE p.id IN (
      SELECT c.id FROM protest_application c
       WHERE c.status IN (${LIVE_STATUS_SQL})
         AND c.during && tstzrange($1::timestamptz, $2::timestamptz, '[)')
         AND c.geo_box && geo_box_grow(geo_bbox($4::jsonb), $6::float8)
      UNION ALL
      SELECT c.id FROM protest_application c
       WHERE c.status IN (${LIVE_STATUS_SQL})
         AND c.during && tstzrange($1::timestamptz, $2::timestamptz, '[)')
         AND c.venue_id = $3::uuid)
    AND p.id IS DISTINCT FROM $5::uuid
    AND d.metres <= $6::float8
  ORDER BY p.starts_at, p.ref
  LIMIT 200`;

/**
 * The same test as a correlated condition between two aliases, for the control-room list's
 * clash flag (protests against protests, always current). `visible` is a condition on the
 * other application `o` (the viewer's unit scope): a clash the viewer may not see does not
 * flag, nor filter, their list. The box arm and the venue arm are two EXISTS, so each can use
 * the (during, geo_box) index.
 */
export function protestClashExists(outer: string, distanceParam: string, visible = 'TRUE'): string {
  const metres = `CAST(${distanceParam} AS double precision)`;
  const candidates = `SELECT 1 FROM protest_application o
    WHERE o.status IN (${LIVE_STATUS_SQL}) AND ${outer}.status IN (${LIVE_STATUS_SQL}) AND ${visible}
      AND o.during && ${outer}.during AND o.id <> ${outer}.id`;
  return `(EXISTS (${candidates}
      AND o.geo_box && geo_box_grow(${outer}.geo_box, ${metres})
      AND geo_min_distance_within_m(o.geo_points, ${outer}.geo_points, ${metres}) IS NOT NULL)
    OR EXISTS (${candidates} AND o.venue_id = ${outer}.venue_id))`;
}
