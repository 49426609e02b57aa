import { LIVE_STATUSES } from '../protest-workflow';
import type { ClashSubject } from './clash-source';

/**
 * The statuses that take part in clashes, as a SQL list. The partial GiST index on
 * protest_application(during, geo_box) carries the same predicate, so the planner can use it.
 */
export const LIVE_STATUS_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(',');

/** Where and when an event takes place, as SQL expressions, with the clash distance. */
type At = Omit<ClashSubject, 'id'> & { readonly metres: string };

/**
 * The one clash test between another application `o` and an event `at`, in its three parts:
 * `o` is live and overlaps in time (ranges are half-open, so an event ending at 12:00 does not
 * clash with one starting at 12:00); it is near (a bounding box within reach, for the GiST
 * index on (during, geo_box), then the distance); or it is booked at the same venue, wherever
 * its stored point. `PROTEST_CLASH_SQL` (one event) and `protestClashExists` (every row of a
 * list) are both written from it.
 */
function clashTest(o: string, at: At) {
  return {
    live: `${o}.status IN (${LIVE_STATUS_SQL}) AND ${o}.during && ${at.during}`,
    boxWithinReach: `${o}.geo_box && geo_box_grow(${at.geoBox}, ${at.metres})`,
    /** The closest approach if within reach, else NULL (geo_min_distance_within_m: linear in the points). */
    metres: `geo_min_distance_within_m(${o}.geo_points, ${at.geoPoints}, ${at.metres})`,
    sameVenue: `${o}.venue_id = ${at.venueId}`,
  };
}

const ONE_EVENT: At = {
  during: `tstzrange($1::timestamptz, $2::timestamptz, '[)')`,
  venueId: '$3::uuid',
  geoPoints: '$4::jsonb',
  geoBox: 'geo_bbox($4::jsonb)',
  metres: '$6::float8',
};
const c = clashTest('c', ONE_EVENT);
const p = clashTest('p', ONE_EVENT);

/**
 * Live protests overlapping [$1, $2) that are at venue $3 or within $6 metres of the points $4,
 * other than $5.
 *
 * Candidates come from the GiST index on (during, geo_box) alone, plus anything booked at the
 * same venue. Only for those is a distance worked out.
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
    SELECT (${p.sameVenue}) IS TRUE AS same_venue,
           CASE WHEN (${p.sameVenue}) IS TRUE THEN 0 ELSE ${p.metres} END AS metres
    OFFSET 0) d
  WHERE p.id IN (
      SELECT c.id FROM protest_application c WHERE ${c.live} AND ${c.boxWithinReach}
      UNION ALL
      SELECT c.id FROM protest_application c WHERE ${c.live} AND ${c.sameVenue})
    AND p.id IS DISTINCT FROM $5::uuid
    AND d.metres <= $6::float8
  ORDER BY p.starts_at, p.ref
  LIMIT 200`;

/**
 * The same test as a condition on every row of a list (`subject`, e.g. the application `p`):
 * some other live application `other_app` clashes with it (an alias of its own, as the list's
 * row may be `o` or `p`). `visible` is a condition on `other_app` (the
 * viewer's unit scope), so a clash the viewer may not see does not flag, nor filter, their
 * list. The box arm and the venue arm are two EXISTS, so each can use the (during, geo_box)
 * index.
 */
export const OTHER_APP = 'other_app';

export function protestClashExists(subject: ClashSubject, metres: string, visible = 'TRUE'): string {
  const o = clashTest(OTHER_APP, { ...subject, metres });
  const candidates = `SELECT 1 FROM protest_application ${OTHER_APP} WHERE ${o.live} AND ${OTHER_APP}.id <> ${subject.id} AND ${visible}`;
  return `(EXISTS (${candidates} AND ${o.boxWithinReach} AND ${o.metres} IS NOT NULL)
    OR EXISTS (${candidates} AND ${o.sameVenue}))`;
}
