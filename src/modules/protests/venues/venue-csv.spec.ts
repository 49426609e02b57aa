import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nearestThana, parseVenueCsv, venueCode } from './venue-csv';

const csv = readFileSync(join(__dirname, '../../../cli/demo/data/bhopal-venues.csv'), 'utf8');

describe('venue CSV', () => {
  it('reads every Bhopal venue with a unique code, including names with commas', () => {
    const venues = parseVenueCsv(csv);
    expect(venues.length).toBeGreaterThan(20);
    expect(new Set(venues.map((v) => v.code)).size).toBe(venues.length);
    expect(venues.find((v) => v.code === 'VIDHAN_SABHA')).toMatchObject({ nameHi: 'विधानसभा भवन', lat: 23.2403, lng: 77.4135 });
    expect(venues.find((v) => v.code === 'AMBEDKAR_PARK')?.kind).toBe('designated_protest_ground');
  });

  it('makes codes from the English name without its gloss', () => {
    expect(venueCode('Board Office Square (MP Nagar / Jyoti Talkies)')).toBe('BOARD_OFFICE_SQUARE');
  });

  it('suggests the nearest thana', () => {
    const thanas = [
      { code: 'TT_NAGAR', lat: 23.2345, lng: 77.4 },
      { code: 'MP_NAGAR', lat: 23.2325, lng: 77.4285 },
    ];
    expect(nearestThana({ lat: 23.2335, lng: 77.407 }, thanas).code).toBe('TT_NAGAR');
    expect(nearestThana({ lat: 23.2333, lng: 77.433 }, thanas).code).toBe('MP_NAGAR');
  });
});
