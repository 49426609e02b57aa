import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { BHOPAL_BOUNDS, CommissionerateBounds, coordinateProblem } from './bounds';

/**
 * The bounds every decorated coordinate is checked against. A decorator is evaluated when its
 * class is defined, before any config exists, so the bounds are read at validation time from
 * here; GeoModule sets them from COMMISSIONERATE_BOUNDS when the app boots (Bhopal until then).
 */
let active: CommissionerateBounds = BHOPAL_BOUNDS;

export function useCommissionerateBounds(bounds: CommissionerateBounds): void {
  active = bounds;
}

export function commissionerateBounds(): CommissionerateBounds {
  return active;
}

export interface InCommissionerateOptions extends ValidationOptions {
  /** The property holding the place's other coordinate; default `lng` for `lat` and `lat` for `lng`. */
  other?: string;
}

/**
 * A latitude or longitude (a number) of a place inside the commissionerate, and not one that
 * looks like lat and lng swapped. The 400 names the full path (`legs[0].route[2].lat`) through
 * the validation pipe, and the OpenAPI description says so. Combine with @IsOptional() for an
 * optional place.
 *
 *   @InCommissionerate('lat') lat!: number;
 *   @InCommissionerate('lng') lng!: number;
 */
export function InCommissionerate(axis: 'lat' | 'lng', options: InCommissionerateOptions = {}) {
  const { other = axis === 'lat' ? 'lng' : 'lat', ...validationOptions } = options;
  const problem = (args: ValidationArguments) => coordinateProblem(active, axis, args.value, (args.object as Record<string, unknown>)[other]);
  const documented = ApiProperty({
    type: Number,
    description:
      `Degrees ${axis === 'lat' ? 'north' : 'east'}, inside the commissionerate (COMMISSIONERATE_BOUNDS; Bhopal by default). ` +
      'A place outside, or one that looks like lat and lng swapped, is refused with 400 naming the field.',
  });
  return (target: object, propertyName: string) => {
    documented(target, propertyName);
    registerDecorator({
      name: 'inCommissionerate',
      target: target.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => problem(args) === null,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${problem(args) ?? 'must lie within the commissionerate'}`,
      },
    });
  };
}
