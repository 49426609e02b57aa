import { firstQuietOverlap } from './quiet-hours';
import { parseIstDateTime } from '../../../platform/time';

const ist = parseIstDateTime;
const Q = [22 * 60, 6 * 60] as const;

describe('loudspeaker quiet hours', () => {
  it('allows 11:00–17:00', () => {
    expect(firstQuietOverlap(ist('2026-11-27T11:00'), ist('2026-11-27T17:00'), ...Q)).toBeNull();
  });

  it('allows a loudspeaker that stops exactly at 22:00 and one that starts exactly at 06:00', () => {
    expect(firstQuietOverlap(ist('2026-11-27T18:00'), ist('2026-11-27T22:00'), ...Q)).toBeNull();
    expect(firstQuietOverlap(ist('2026-11-28T06:00'), ist('2026-11-28T09:00'), ...Q)).toBeNull();
  });

  it('finds 22:00 when a loudspeaker runs to 22:30', () => {
    expect(firstQuietOverlap(ist('2026-11-27T20:00'), ist('2026-11-27T22:30'), ...Q)).toEqual(ist('2026-11-27T22:00'));
  });

  it('finds the early morning before 06:00', () => {
    expect(firstQuietOverlap(ist('2026-11-28T05:00'), ist('2026-11-28T07:00'), ...Q)).toEqual(ist('2026-11-28T05:00'));
  });

  it('handles a window that does not wrap midnight', () => {
    expect(firstQuietOverlap(ist('2026-11-27T13:00'), ist('2026-11-27T15:00'), 14 * 60, 16 * 60)).toEqual(ist('2026-11-27T14:00'));
  });
});
