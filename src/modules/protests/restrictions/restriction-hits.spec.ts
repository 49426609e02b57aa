import { covers } from './restriction-hits';

const vidhanSabha = { lat: 23.2403, lng: 77.4135 };
const ambedkarPark = { lat: 23.2335, lng: 77.407 };

describe('restriction order areas', () => {
  it('covers a point inside its radius and not one outside', () => {
    const ban = { areaKind: 'RADIUS' as const, centreLat: vidhanSabha.lat, centreLng: vidhanSabha.lng, radiusMetres: 1000, polygon: null };
    expect(covers(ban, [{ lat: 23.2410, lng: 77.4140 }])).toBe(true);
    expect(covers(ban, [ambedkarPark])).toBe(false);
  });

  it('covers a route that passes through its polygon', () => {
    const square = [
      { lat: 23.236, lng: 77.41 },
      { lat: 23.244, lng: 77.41 },
      { lat: 23.244, lng: 77.418 },
      { lat: 23.236, lng: 77.418 },
    ];
    const ban = { areaKind: 'POLYGON' as const, centreLat: null, centreLng: null, radiusMetres: null, polygon: square };
    expect(covers(ban, [ambedkarPark, vidhanSabha])).toBe(true);
    expect(covers(ban, [ambedkarPark])).toBe(false);
  });
});
