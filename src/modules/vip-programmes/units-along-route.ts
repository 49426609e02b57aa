import { EntityManager } from 'typeorm';
import { haversineMetres } from '../../platform/geo';
import { Leg, Place } from './leg';

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

export async function loadThanaPoints(em: EntityManager): Promise<ThanaPoint[]> {
  return em.query(`SELECT id, code, lat, lng FROM unit WHERE kind = 'THANA' AND lat IS NOT NULL AND lng IS NOT NULL`);
}
