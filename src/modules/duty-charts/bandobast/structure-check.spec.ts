import { DivisionDto } from './bandobast.dto';
import { checkStructure, ExistingCodes } from './structure-check';

const none = (): ExistingCodes => ({
  divisions: new Set(),
  sectors: new Set(),
  posts: new Set(),
  shifts: new Set(),
});
const tree = (shift: Record<string, unknown>, postCode = 'P1'): DivisionDto[] =>
  [
    {
      code: 'D1',
      name: 'D',
      sectors: [
        {
          code: 'S1',
          name: 'S',
          posts: [
            {
              code: postCode,
              name: 'P',
              kind: 'FIXED_POINT',
              location: 'L',
              shifts: [
                {
                  code: 'P1-A',
                  start: '2026-12-01T22:00:00+05:30',
                  end: '2026-12-02T06:00:00+05:30',
                  ranks: { CONSTABLE: 2 },
                  ...shift,
                },
              ],
            },
          ],
        },
      ],
    },
  ] as never;

describe('checkStructure', () => {
  it('accepts a night shift that ends the next morning', () => {
    expect(checkStructure(tree({}), none())).toEqual([]);
  });

  it('refuses more women or skill holders than the shift has people', () => {
    const fields = checkStructure(tree({ minWomen: 3, skills: { armed: 3 } }), none()).map(
      (p) => p.field,
    );
    expect(fields).toEqual([
      'divisions[0].sectors[0].posts[0].shifts[0].minWomen',
      'divisions[0].sectors[0].posts[0].shifts[0].skills.armed',
    ]);
  });

  it('refuses a shift longer than a day, and one with nobody in it', () => {
    const long = checkStructure(tree({ end: '2026-12-03T06:00:00+05:30' }), none());
    expect(long[0]!.message).toContain('at most 24 hours');
    const empty = checkStructure(tree({ ranks: { CONSTABLE: 0 } }), none());
    expect(empty[0]!.message).toContain('at least one officer');
  });

  it('refuses a code already used by an earlier part of the same bandobast', () => {
    const existing = none();
    existing.posts.add('P1');
    expect(checkStructure(tree({}), existing)[0]!.message).toContain('post code P1 is used twice');
  });
});
