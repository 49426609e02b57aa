import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation';

describe('flattenValidationErrors', () => {
  it('names nested fields with their full path', () => {
    const point = Object.assign(new ValidationError(), { property: 'lat', constraints: { max: 'lat must not be greater than 90' } });
    const index = Object.assign(new ValidationError(), { property: '2', children: [point] });
    const route = Object.assign(new ValidationError(), { property: 'route', children: [index] });
    expect(flattenValidationErrors([route])).toEqual([
      { field: 'route[2].lat', message: 'route[2].lat must not be greater than 90' },
    ]);
  });

  it('reports an unexpected property by its name', () => {
    const extra = Object.assign(new ValidationError(), {
      property: 'isAdmin',
      constraints: { whitelistValidation: 'property isAdmin should not exist' },
    });
    expect(flattenValidationErrors([extra])).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });
});
