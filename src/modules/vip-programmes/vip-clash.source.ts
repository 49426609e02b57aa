import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clash, ClashQuery, ClashSource, ClashSourceProvider } from '../protests';

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
 * Current VIP legs as a clash source for protest permissions: one query over the GiST index on
 * leg time ranges, then distance to the leg's densified points. The title says only that a VIP
 * moves there: who and how stays with the VIP desk.
 */
@ClashSourceProvider()
@Injectable()
export class VipClashSource implements ClashSource {
  readonly name = 'vip-programme';

  async find(em: EntityManager, q: ClashQuery): Promise<Clash[]> {
    const rows: Row[] = await em.query(
      `SELECT p.id, p.ref, p.status, l.leg_key, lower(l.during) AS starts_at, upper(l.during) AS ends_at,
              geo_min_distance_m(l.points, $3::jsonb) AS metres
         FROM vip_leg l JOIN vip_programme p ON p.id = l.programme_id
        WHERE l.is_current AND p.status = 'ISSUED'
          AND l.during && tstzrange($1::timestamptz, $2::timestamptz, '[)')
          AND ($5::uuid IS NULL OR p.id <> $5::uuid)
          AND geo_min_distance_m(l.points, $3::jsonb) <= $4
        ORDER BY starts_at`,
      [q.startsAt.toISOString(), q.endsAt.toISOString(), JSON.stringify(q.points), q.distanceMetres, uuidOrNull(q.excludeId)],
    );
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
}

const uuidOrNull = (id?: string) => (id && /^[0-9a-f-]{36}$/i.test(id) ? id : null);
