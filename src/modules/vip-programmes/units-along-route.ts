import { densify, GeoPoint, haversineMetres } from '../../platform/geo';
import type { Unit } from '../../platform/units';
import { AIR_MODES, Leg, Place } from './leg';

/** A point further than this from every thana's centre is left for the desk to assign by hand. */
const MAX_KM = 8;

export interface ThanaPoint {
  id: string;
  code: string;
  lat: number;
  lng: number;
}

export function legPoints(leg: Pick<Leg, 'from' | 'to' | 'route'>): Place[] {
  return [leg.from, ...leg.route, leg.to];
}

/**
 * The points a leg is stored with in vip_leg and checked for clashes by: a road leg sampled
 * every 100 m along its route (so a venue beside the middle of a road is near it); a flown leg
 * only its two ends, since nothing on the ground under the flight path is in its way.
 */
export function legClashPoints(leg: Pick<Leg, 'from' | 'to' | 'route' | 'mode'>): GeoPoint[] {
  if (AIR_MODES.includes(leg.mode)) return densify([leg.from, leg.to], Number.POSITIVE_INFINITY);
  return densify(legPoints(leg));
}

/**
 * The thanas a leg touches: for each point of it, the thana whose centre is nearest. Thana
 * boundaries are not mapped, so centres stand in for them; the desk can add or drop units.
 */
export function thanasForLeg(leg: Pick<Leg, 'from' | 'to' | 'route'>, thanas: ThanaPoint[]): string[] {
  const ids = new Set<string>();
  for (const p of legPoints(leg)) {
    let best: ThanaPoint | undefined;
    let bestKm = Infinity;
    for (const t of thanas) {
      const km = haversineMetres(p, t) / 1000;
      if (km < bestKm) [best, bestKm] = [t, km];
    }
    if (best && bestKm <= MAX_KM) ids.add(best.id);
  }
  return [...ids];
}

/** The thanas whose centre is known, out of the unit tree. */
export function thanaPoints(units: readonly Unit[]): ThanaPoint[] {
  return units.flatMap((u) =>
    u.kind === 'THANA' && u.lat !== null && u.lng !== null ? [{ id: u.id, code: u.code, lat: u.lat, lng: u.lng }] : [],
  );
}
