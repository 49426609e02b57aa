export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** Mean Earth radius (IUGG), metres. The SQL functions geo_min_distance_m, geo_min_distance_within_m and geo_box_grow use the same value. */
export const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Routes are stored as points no further apart than this, so that a point-to-point distance
 * check (which is all the clash query does) also catches a venue beside the middle of a long
 * segment: it is then off by at most half the spacing.
 */
export const ROUTE_SAMPLE_SPACING_M = 100;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The most points one route or leg is stored (and checked for clashes) with: 50 km of road at
 * ROUTE_SAMPLE_SPACING_M. The commissionerate is about 65 × 40 km, so a longer stretch is a
 * typing error rather than a procession or a convoy, and the cap keeps both the stored jsonb
 * (≈ 20 KB) and the clash check's work per leg bounded. A longer route is refused, not sampled
 * more coarsely: coarser spacing would quietly let a venue beside a long segment slip past the
 * clash distance, which is the one thing the densifying is for.
 */
export const MAX_ROUTE_POINTS = 500;

/** How many points densify() gives for these points, without making them. */
export function densifiedCount(points: readonly GeoPoint[], spacing = ROUTE_SAMPLE_SPACING_M): number {
  let n = points.length === 0 ? 0 : 1;
  for (let i = 1; i < points.length; i++) n += Math.max(1, Math.ceil(haversineMetres(points[i - 1]!, points[i]!) / spacing));
  return n;
}

/** Length along the points, metres. */
export function routeLengthMetres(points: readonly GeoPoint[]): number {
  let m = 0;
  for (let i = 1; i < points.length; i++) m += haversineMetres(points[i - 1]!, points[i]!);
  return m;
}

/** Why a route is too long to store, or null (see MAX_ROUTE_POINTS). */
export function routeLengthProblem(points: readonly GeoPoint[]): string | null {
  const n = densifiedCount(points);
  if (n <= MAX_ROUTE_POINTS) return null;
  const km = (routeLengthMetres(points) / 1000).toFixed(1);
  const maxKm = ((MAX_ROUTE_POINTS - 1) * ROUTE_SAMPLE_SPACING_M) / 1000;
  return `is ${km} km long (${n} points at one every ${ROUTE_SAMPLE_SPACING_M} m); at most ${maxKm} km (${MAX_ROUTE_POINTS} points) is accepted`;
}

/** The route's points plus evenly spaced points on each segment (straight lines at city scale). */
export function densify(points: readonly GeoPoint[], spacing = ROUTE_SAMPLE_SPACING_M): GeoPoint[] {
  if (points.length === 0) return [];
  const out: GeoPoint[] = [round(points[0]!)];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const steps = Math.max(1, Math.ceil(haversineMetres(a, b) / spacing));
    for (let s = 1; s <= steps; s++) out.push(round({ lat: a.lat + ((b.lat - a.lat) * s) / steps, lng: a.lng + ((b.lng - a.lng) * s) / steps }));
  }
  return out;
}

/** Six decimals is about 0.1 m: enough, and it keeps the stored jsonb small. */
function round(p: GeoPoint): GeoPoint {
  return { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
}

/** Ray casting on lat/lng; exact enough for areas a few kilometres across. */
export function insidePolygon(p: GeoPoint, polygon: readonly GeoPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng) inside = !inside;
  }
  return inside;
}
