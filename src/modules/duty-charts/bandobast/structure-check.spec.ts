import { DivisionDto } from './bandobast.dto';
import { checkStructure, ExistingCodes } from './structure-check';

/** 10:00 IST on 1 December 2026, before the night shift of the fixture. */
const NOW = new Date('2026-12-01T10:00:00+05:30');
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
    expect(checkStructure(tree({}), none(), NOW)).toEqual([]);
  });

  it('refuses more women or skill holders than the shift has people', () => {
    const fields = checkStructure(tree({ minWomen: 3, skills: { armed: 3 } }), none(), NOW).map(
      (p) => p.field,
    );
    expect(fields).toEqual([
      'divisions[0].sectors[0].posts[0].shifts[0].minWomen',
      'divisions[0].sectors[0].posts[0].shifts[0].skills.armed',
    ]);
  });

  it('refuses a shift longer than a day, and one with nobody in it', () => {
    const long = checkStructure(tree({ end: '2026-12-03T06:00:00+05:30' }), none(), NOW);
    expect(long[0]!.message).toContain('at most 24 hours');
    const empty = checkStructure(tree({ ranks: { CONSTABLE: 0 } }), none(), NOW);
    expect(empty[0]!.message).toContain('at least one officer');
  });

  it('refuses a code already used by an earlier part of the same bandobast', () => {
    const existing = none();
    existing.posts.add('P1');
    expect(checkStructure(tree({}), existing, NOW)[0]!.message).toContain(
      'post code P1 is used twice',
    );
  });

  it('refuses a shift that starts in the past, naming its start', () => {
    const past = checkStructure(
      tree({ start: '2020-12-01T22:00:00+05:30', end: '2020-12-02T06:00:00+05:30' }),
      none(),
      NOW,
    );
    expect(past.map((p) => p.field)).toEqual(['divisions[0].sectors[0].posts[0].shifts[0].start']);
    expect(past[0]!.message).toContain('in the past (now 01-12-2026 10:00 IST)');
    // A shift starting this very minute is still to come; one a minute ago is not.
    expect(checkStructure(tree({ start: '2026-12-01T10:00:00+05:30' }), none(), NOW)).toEqual([]);
    expect(checkStructure(tree({ start: '2026-12-01T09:59:00+05:30' }), none(), NOW)).toHaveLength(
      1,
    );
  });

  it('reads a shift written without an offset as IST, across IST midnight', () => {
    // 00:15 IST on 6 December is 18:45 UTC on the 5th: the UTC date is still the 5th.
    const now = new Date('2026-12-05T18:45:00Z');
    const at = (start: string, end: string) =>
      checkStructure(tree({ start, end }), none(), now).map((p) => p.field);
    expect(at('2026-12-06T00:10:00', '2026-12-06T08:00:00')).toEqual([
      'divisions[0].sectors[0].posts[0].shifts[0].start',
    ]);
    expect(at('2026-12-06T00:20:00', '2026-12-06T08:00:00')).toEqual([]);
    // A bare date is 00:00 IST that day: already past at 00:15 IST.
    expect(at('2026-12-06', '2026-12-06T08:00:00')).toEqual([
      'divisions[0].sectors[0].posts[0].shifts[0].start',
    ]);
    expect(at('2026-12-07', '2026-12-07T08:00:00')).toEqual([]);
  });
});
