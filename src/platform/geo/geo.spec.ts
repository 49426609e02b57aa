import { densifiedCount, densify, haversineMetres, insidePolygon, MAX_ROUTE_POINTS, routeLengthProblem } from './geo';

const ambedkarPark = { lat: 23.2335, lng: 77.407 };
const newMarket = { lat: 23.2335, lng: 77.4005 };

describe('geo', () => {
  it('measures Ambedkar Park to New Market as about 665 m', () => {
    expect(haversineMetres(ambedkarPark, newMarket)).toBeGreaterThan(650);
    expect(haversineMetres(ambedkarPark, newMarket)).toBeLessThan(680);
  });

  it('samples a route so no stretch between stored points is longer than 100 m', () => {
    const route = densify([newMarket, { lat: 23.2335, lng: 77.42 }]);
    expect(route[0]).toEqual(newMarket);
    expect(route.at(-1)).toEqual({ lat: 23.2335, lng: 77.42 });
    for (let i = 1; i < route.length; i++) expect(haversineMetres(route[i - 1]!, route[i]!)).toBeLessThanOrEqual(100);
  });

  it('keeps a single venue point as it is', () => {
    expect(densify([ambedkarPark])).toEqual([ambedkarPark]);
  });

  it('tells whether a point lies in a polygon', () => {
    const square = [
      { lat: 23.23, lng: 77.4 },
      { lat: 23.25, lng: 77.4 },
      { lat: 23.25, lng: 77.42 },
      { lat: 23.23, lng: 77.42 },
    ];
    expect(insidePolygon({ lat: 23.24, lng: 77.41 }, square)).toBe(true);
    expect(insidePolygon({ lat: 23.26, lng: 77.41 }, square)).toBe(false);
  });

  it('counts the points densify makes without making them, and refuses a route longer than the cap', () => {
    const route = [newMarket, { lat: 23.2335, lng: 77.42 }, { lat: 23.25, lng: 77.42 }];
    expect(densifiedCount(route)).toBe(densify(route).length);
    expect(routeLengthProblem(route)).toBeNull();
    // Corner to corner of the commissionerate and back: about 150 km.
    const zigzag = [{ lat: 23.1, lng: 77.22 }, { lat: 23.68, lng: 77.59 }, { lat: 23.1, lng: 77.22 }];
    expect(densifiedCount(zigzag)).toBeGreaterThan(MAX_ROUTE_POINTS);
    expect(routeLengthProblem(zigzag)).toMatch(/^is 1\d\d\.\d km long \(\d+ points at one every 100 m\); at most 49.9 km \(500 points\) is accepted$/);
  });

  it('keeps a two-end leg as its two ends when the spacing is unbounded', () => {
    expect(densify([newMarket, { lat: 23.68, lng: 77.59 }], Number.POSITIVE_INFINITY)).toEqual([newMarket, { lat: 23.68, lng: 77.59 }]);
  });
});

