import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/context';
import { istEndOfHour, istStartOfHour } from '../../platform/time';
import type { SqlCondition } from '../../platform/units';
import { Clash, ClashQuery, ClashSource, ClashSourceProvider, ClashSubject, ShownClash, shownInFull } from '../protests';
import { isDesk } from './vip-access';

/**
 * The one test of a current leg `l` of an issued programme `p` against an event (SQL
 * expressions for its time range, points, their box and the distance): overlapping in time,
 * the bounding box within reach (the GiST index on (during, geo_box) of current legs), then the
 * distance to the leg's densified points (NULL when nothing is within reach). `VIP_CLASH_SQL`
 * (one event) and `shownExists` (every row of a list) are both written from it.
 */
function legClashTest(l: string, p: string, at: { during: string; geoPoints: string; geoBox: string; metres: string }) {
  return {
    candidate: `${l}.is_current AND ${p}.status = 'ISSUED' AND ${l}.during && ${at.during} AND ${l}.geo_box && geo_box_grow(${at.geoBox}, ${at.metres})`,
    metres: `geo_min_distance_within_m(${l}.points, ${at.geoPoints}, ${at.metres})`,
  };
}

const ONE_EVENT = legClashTest('l', 'p', { during: `tstzrange($1::timestamptz, $2::timestamptz, '[)')`, geoPoints: '$3::jsonb', geoBox: 'geo_bbox($3::jsonb)', metres: '$4::float8' });

/** Current legs of issued programmes overlapping [$1, $2) within $4 metres of the points $3, other than programme $5's. */
export const VIP_CLASH_SQL = `
  SELECT p.id, p.ref, p.status, l.leg_key, lower(l.during) AS starts_at, upper(l.during) AS ends_at, d.metres
    FROM vip_leg l
    JOIN vip_programme p ON p.id = l.programme_id
    -- OFFSET 0: the distance once per candidate leg, after the index has chosen it
    CROSS JOIN LATERAL (SELECT ${ONE_EVENT.metres} AS metres OFFSET 0) d
   WHERE ${ONE_EVENT.candidate}
     AND ($5::uuid IS NULL OR l.programme_id <> $5::uuid)
     AND d.metres IS NOT NULL
   ORDER BY starts_at, p.ref, l.leg_key`;

interface Row {
  id: string;
  ref: string;
  status: string;
  leg_key: string;
  starts_at: Date;
  ends_at: Date;
  metres: number;
}

/**
 * Current VIP legs as a clash source for protest permissions: candidates from the GiST index on
 * (during, geo_box) of the current legs (overlapping in time, bounding box within reach), then
 * the distance to each candidate's densified points (geo_min_distance_within_m, linear in the
 * points). The programme being checked is left out, so no leg is compared with itself. The
 * title says only that a VIP moves there: who and how stays with the VIP desk.
 */
@ClashSourceProvider()
@Injectable()
export class VipClashSource implements ClashSource {
  readonly name = 'vip-programme';

  async find(em: EntityManager, q: ClashQuery): Promise<Clash[]> {
    const rows: Row[] = await em.query(VIP_CLASH_SQL, [
      q.startsAt.toISOString(),
      q.endsAt.toISOString(),
      JSON.stringify(q.points),
      q.distanceMetres,
      uuidOrNull(q.excludeId),
    ]);
    return rows.map((r) => ({
      source: this.name,
      kind: 'NEARBY' as const,
      id: r.id,
      ref: r.ref,
      title: 'अति विशिष्ट व्यक्ति भ्रमण / VIP movement',
      status: r.status,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      distanceMetres: Math.round(r.metres),
    }));
  }

  /**
   * The VIP desk (the approver among it) sees which programme and when. Anyone else learns only
   * that a VIP movement restricts the place in that IST hour: no reference, no status, no
   * distance (which would trace the route), one line per hour however many legs pass.
   */
  async shownTo(_em: EntityManager, viewer: Actor, clashes: readonly Clash[]): Promise<ShownClash[]> {
    if (isDesk(viewer)) return clashes.map(shownInFull);
    const hours = new Map<string, ShownClash>();
    for (const c of clashes) {
      const startsAt = istStartOfHour(new Date(c.startsAt)).toISOString();
      const endsAt = istEndOfHour(new Date(c.endsAt)).toISOString();
      hours.set(`${startsAt}/${endsAt}`, {
        source: this.name,
        kind: 'NEARBY',
        id: null,
        ref: null,
        title: RESTRICTED_TITLE,
        status: null,
        startsAt,
        endsAt,
        distanceMetres: null,
        detailsWithheld: true,
      });
    }
    return [...hours.values()];
  }

  /**
   * `find`'s test against every row of a list. `shownTo` shows every viewer something of each
   * clash (the desk in full, anyone else the withheld hour), so whether a row has one does not
   * depend on the viewer; what it is stays behind `shownTo` on the record itself.
   */
  shownExists(subject: ClashSubject, metres: string, _viewer: Actor): SqlCondition {
    // Aliases of their own: the list's row may well be called `p` or `l`.
    const t = legClashTest('vip_leg_', 'vip_programme_', { during: subject.during, geoPoints: subject.geoPoints, geoBox: subject.geoBox, metres });
    return {
      sql: `EXISTS (SELECT 1 FROM vip_leg vip_leg_ JOIN vip_programme vip_programme_ ON vip_programme_.id = vip_leg_.programme_id
        WHERE ${t.candidate} AND ${t.metres} IS NOT NULL)`,
      params: {},
    };
  }
}

const RESTRICTED_TITLE = 'अति विशिष्ट व्यक्ति भ्रमण के कारण इस समय यह स्थान प्रतिबंधित / A VIP movement restricts this place in this hour';

const uuidOrNull = (id?: string) => (id && /^[0-9a-f-]{36}$/i.test(id) ? id : null);
