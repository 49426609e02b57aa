/**
 * The commissionerate's extent as a latitude/longitude box. Every place the app is told about
 * (venues, routes, VIP legs, bandobast points) must lie inside it: a point outside is a typing
 * error (or lat and lng swapped), and a leg "to the other side of the planet" would otherwise
 * be densified into tens of thousands of points.
 */
export interface CommissionerateBounds {
  readonly minLat: number;
  readonly minLng: number;
  readonly maxLat: number;
  readonly maxLng: number;
}

/**
 * Bhopal: the thana centres in src/cli/demo/data/bhopal-units.csv span 23.145–23.631 N and
 * 77.272–77.540 E (the venues lie inside that); about 6 km of margin on every side, so the
 * edge of the outer thanas and Raja Bhoj airport are well within it.
 */
export const BHOPAL_BOUNDS: CommissionerateBounds = { minLat: 23.09, minLng: 77.21, maxLat: 23.69, maxLng: 77.6 };

/** `minLat,minLng,maxLat,maxLng` as in COMMISSIONERATE_BOUNDS. */
export function formatBounds(b: CommissionerateBounds): string {
  return `${b.minLat},${b.minLng},${b.maxLat},${b.maxLng}`;
}

/** Reads `minLat,minLng,maxLat,maxLng`; answers the bounds, or what is wrong with the text. */
export function parseBounds(text: string): CommissionerateBounds | string {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return 'must be four numbers: minLat,minLng,maxLat,maxLng';
  const [minLat, minLng, maxLat, maxLng] = parts.map(Number) as [number, number, number, number];
  if (minLat < -90 || maxLat > 90) return 'latitudes must lie within -90..90';
  if (minLng < -180 || maxLng > 180) return 'longitudes must lie within -180..180';
  if (!(minLat < maxLat) || !(minLng < maxLng)) return 'minLat must be below maxLat and minLng below maxLng';
  return { minLat, minLng, maxLat, maxLng };
}

export const inBounds = (b: CommissionerateBounds, lat: number, lng: number): boolean =>
  lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;

/**
 * What is wrong with one coordinate of a place, or null. `axis` is the one being checked;
 * `other` is the place's other coordinate as given (it may be anything). A swap is told apart
 * from a plain mistake when the two numbers, exchanged, make a place inside; it is reported
 * once, on the latitude.
 */
export function coordinateProblem(b: CommissionerateBounds, axis: 'lat' | 'lng', value: unknown, other: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number (degrees ${axis === 'lat' ? 'north' : 'east'})`;
  const [lat, lng] = axis === 'lat' ? [value, other] : [other, value];
  if (typeof lat === 'number' && typeof lng === 'number' && !inBounds(b, lat, lng) && inBounds(b, lng, lat)) {
    return axis === 'lat' ? `and lng look swapped: (${lat}, ${lng}) lies outside the commissionerate, (${lng}, ${lat}) inside; lat is degrees north, lng degrees east` : null;
  }
  const [lo, hi] = axis === 'lat' ? [b.minLat, b.maxLat] : [b.minLng, b.maxLng];
  if (value < lo || value > hi) return `must lie within the commissionerate (${axis} ${lo} to ${hi}); ${value} is outside`;
  return null;
}
