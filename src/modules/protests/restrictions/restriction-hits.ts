import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RestrictionOrder } from '../entities/restriction-order.entity';
import { GeoPoint, haversineMetres, insidePolygon } from '../../../platform/geo';
import type { RestrictionHit } from '../rules/protest-rules';

/** Does the order's area hold any of the points? */
export function covers(order: Pick<RestrictionOrder, 'areaKind' | 'centreLat' | 'centreLng' | 'radiusMetres' | 'polygon'>, points: readonly GeoPoint[]): boolean {
  if (order.areaKind === 'POLYGON') return points.some((p) => insidePolygon(p, order.polygon ?? []));
  const centre = { lat: order.centreLat!, lng: order.centreLng! };
  return points.some((p) => haversineMetres(p, centre) <= order.radiusMetres!);
}

/** The active orders whose window overlaps the event and whose area holds its venue or route. */
@Injectable()
export class RestrictionCheck {
  async hits(em: EntityManager, startsAt: Date, endsAt: Date, points: readonly GeoPoint[]): Promise<RestrictionHit[]> {
    // The time test runs in SQL on the GiST index; the few orders left are tested for area here.
    const orders = await em
      .getRepository(RestrictionOrder)
      .createQueryBuilder('r')
      .where('r.is_active')
      .andWhere(`r.during && tstzrange(:startsAt, :endsAt, '[)')`, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() })
      .orderBy('r.starts_at')
      .getMany();
    return orders
      .filter((o) => covers(o, points))
      .map((o) => ({ id: o.id, orderRef: o.orderRef, reason: o.reason, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() }));
  }
}
