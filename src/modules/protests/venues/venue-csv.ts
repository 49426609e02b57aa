import { csvRecords, parseCsvText } from '../../../platform/csv';
import { GeoPoint, haversineMetres } from '../../../platform/geo';

/** A row of src/cli/demo/data/bhopal-venues.csv, ready to register (its thana still to be chosen). */
export interface VenueSeed extends GeoPoint {
  readonly code: string;
  readonly nameEn: string;
  readonly nameHi: string;
  readonly kind: string;
}

/** `Ambedkar Park (TT Nagar / Tulsi Nagar)` → `AMBEDKAR_PARK`: the name without its gloss. */
export function venueCode(nameEn: string): string {
  return nameEn.replace(/\(.*?\)/g, '').trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
}

/** Reads the venue CSV (name_en, name_hi, lat, lng, kind, source_url; quoted cells may hold commas). */
export function parseVenueCsv(text: string): VenueSeed[] {
  return csvRecords(parseCsvText(text)).map((row) => ({ code: venueCode(row.name_en!), nameEn: row.name_en!, nameHi: row.name_hi!, lat: Number(row.lat), lng: Number(row.lng), kind: row.kind! }));
}

/**
 * The CSV names no thana; the nearest placed thana is a starting point an admin then checks
 * (thana centroids in the units CSV are approximate).
 */
export function nearestThana<T extends GeoPoint & { code: string }>(venue: GeoPoint, thanas: readonly T[]): T {
  return thanas.reduce((best, t) => (haversineMetres(venue, t) < haversineMetres(venue, best) ? t : best));
}
