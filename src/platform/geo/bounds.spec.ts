import { validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { ValidateNested, IsOptional } from 'class-validator';
import { flattenValidationErrors } from '../http/validation';
import { BHOPAL_BOUNDS, coordinateProblem, formatBounds, parseBounds } from './bounds';
import { InCommissionerate, useCommissionerateBounds } from './in-commissionerate';

const newMarket = { lat: 23.2335, lng: 77.4005 };

class Place {
  @InCommissionerate('lat') lat!: number;
  @InCommissionerate('lng') lng!: number;
}
class MaybePlace {
  @IsOptional() @InCommissionerate('lat') lat?: number;
  @IsOptional() @InCommissionerate('lng') lng?: number;
}
class Leg {
  @ValidateNested({ each: true }) @Type(() => Place) route!: Place[];
}

const problems = <T extends object>(cls: new () => T, plain: unknown) =>
  flattenValidationErrors(validateSync(plainToInstance(cls, plain) as object));

describe('commissionerate bounds', () => {
  it('holds every thana and venue of the Bhopal demo data, with margin', () => {
    // The extremes of src/cli/demo/data/bhopal-units.csv (venues lie inside them).
    for (const [lat, lng] of [[23.145, 77.272], [23.6313, 77.54], [23.2875, 77.3374]] as const) {
      expect(coordinateProblem(BHOPAL_BOUNDS, 'lat', lat, lng)).toBeNull();
      expect(coordinateProblem(BHOPAL_BOUNDS, 'lng', lng, lat)).toBeNull();
    }
  });

  it('reads and writes minLat,minLng,maxLat,maxLng', () => {
    expect(parseBounds(formatBounds(BHOPAL_BOUNDS))).toEqual(BHOPAL_BOUNDS);
    expect(parseBounds('1,2,3')).toMatch(/four numbers/);
    expect(parseBounds('3,2,1,4')).toMatch(/below/);
    expect(parseBounds('-91,2,3,4')).toMatch(/-90\.\.90/);
  });

  it('tells a swapped place from one that is just outside', () => {
    expect(coordinateProblem(BHOPAL_BOUNDS, 'lat', 77.4005, 23.2335)).toMatch(/^and lng look swapped/);
    expect(coordinateProblem(BHOPAL_BOUNDS, 'lng', 23.2335, 77.4005)).toBeNull(); // said once, on lat
    expect(coordinateProblem(BHOPAL_BOUNDS, 'lat', -23.2335, 77.4005)).toMatch(/^must lie within the commissionerate \(lat 23.09 to 23.69\)/);
    expect(coordinateProblem(BHOPAL_BOUNDS, 'lng', '77.4', 23.2)).toMatch(/^must be a number/);
  });
});

describe('@InCommissionerate()', () => {
  afterEach(() => useCommissionerateBounds(BHOPAL_BOUNDS));

  it('accepts a place in Bhopal and refuses one on the other side of the planet, naming the field', () => {
    expect(problems(Place, newMarket)).toEqual([]);
    const found = problems(Leg, { route: [newMarket, newMarket, { lat: -23.2335, lng: -102.5995 }] });
    expect(found.map((p) => p.field)).toEqual(['route[2].lat', 'route[2].lng']);
    expect(found[0]!.message).toMatch(/^route\[2\]\.lat must lie within the commissionerate/);
  });

  it('refuses lat and lng given the wrong way round, once, on lat', () => {
    const found = problems(Leg, { route: [{ lat: newMarket.lng, lng: newMarket.lat }] });
    expect(found).toEqual([{ field: 'route[0].lat', message: expect.stringMatching(/^route\[0\]\.lat and lng look swapped/) }]);
  });

  it('refuses strings, NaN and Infinity: a coordinate is a number', () => {
    for (const lat of ['23.2335', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(problems(Place, { lat, lng: newMarket.lng }).map((p) => p.field)).toEqual(['lat']);
    }
  });

  it('lets an optional place be left out, but not half-wrong', () => {
    expect(problems(MaybePlace, {})).toEqual([]);
    expect(problems(MaybePlace, { lat: 28.6, lng: 77.3 }).map((p) => p.field)).toEqual(['lat']);
  });

  it('checks against the configured bounds (Indore here), read at validation time', () => {
    useCommissionerateBounds({ minLat: 22.6, minLng: 75.7, maxLat: 22.85, maxLng: 76 });
    expect(problems(Place, { lat: 22.7196, lng: 75.8577 })).toEqual([]);
    expect(problems(Place, newMarket).map((p) => p.field)).toEqual(['lat', 'lng']);
  });
});
