import { checkPointInstance } from '../checker/hand-made.fixture';
import { generateBandobast } from './generator';
import { validateInstance } from './validate';

const errorsOf = (raw: unknown) => {
  const result = validateInstance(raw);
  return result.ok ? [] : result.errors;
};

describe('instance validation', () => {
  it('accepts generated and hand-made instances', () => {
    expect(errorsOf(generateBandobast({ size: 'tiny' }).instance)).toEqual([]);
    expect(errorsOf(checkPointInstance())).toEqual([]);
  });

  it('names the field of a misspelt rank and suggests the right one', () => {
    const instance = checkPointInstance();
    (instance.officers[3] as { rank: string }).rank = 'CONSTABEL';
    expect(errorsOf(instance)).toEqual([
      'officers[3].rank: unknown rank "CONSTABEL" (did you mean "CONSTABLE"?)',
    ]);
  });

  it('names shift fields with a missing offset, a backwards window or a bad count', () => {
    const instance = checkPointInstance();
    const shift = instance.posts[0].shifts[1];
    shift.start = '2026-11-08T14:00:00';
    instance.posts[0].shifts[2].end = instance.posts[0].shifts[2].start;
    (shift.require.ranks as Record<string, unknown>).CONSTABLE = -1;
    expect(errorsOf(instance)).toEqual([
      'posts[0].shifts[1].start: "2026-11-08T14:00:00" has no UTC offset (write e.g. "2026-11-08T14:00:00+05:30")',
      'posts[0].shifts[1].require.ranks.CONSTABLE: must be a whole number ≥ 0, got -1',
      'posts[0].shifts[2].end: must be later than start (2026-11-08T22:00:00+05:30)',
    ]);
  });

  it('names duplicate ids, unknown genders and bad leave windows', () => {
    const instance = checkPointInstance();
    instance.officers[1].id = 'HC-1';
    (instance.officers[2] as { gender: string }).gender = 'male';
    instance.officers[4].unavailable = [{ from: 'tomorrow', to: '2026-11-09T00:00:00+05:30' }];
    expect(errorsOf(instance)).toEqual([
      'officers[1].id: duplicate officer id "HC-1" (also officers[0])',
      'officers[2].gender: must be one of F, M, X, got "male"',
      'officers[4].unavailable[0].from: "tomorrow" is not an ISO 8601 time with an offset',
    ]);
  });

  it('names pins that refer to nobody', () => {
    const instance = checkPointInstance();
    instance.pinned = [{ officerId: 'NOBODY', shiftId: 'NOWHERE' }];
    expect(errorsOf(instance)).toEqual([
      'pinned[0].officerId: no officer with id "NOBODY"',
      'pinned[0].shiftId: no shift with id "NOWHERE"',
    ]);
  });

  it('rejects something that is not an instance at all', () => {
    expect(errorsOf([])).toEqual(['instance: must be a JSON object']);
    expect(errorsOf({ officers: 'none' })).toEqual([
      'officers: must be an array',
      'posts: must be an array',
    ]);
  });
});
