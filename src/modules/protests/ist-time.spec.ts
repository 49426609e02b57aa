import { formatIst, istDateKey, istMinuteOfDay, istStartOfDay } from './ist-time';

describe('IST clock', () => {
  it('reads the time of day in Asia/Kolkata whatever the server zone', () => {
    expect(istMinuteOfDay(new Date('2026-11-27T16:30:00Z'))).toBe(22 * 60);
    expect(istMinuteOfDay(new Date('2026-11-27T18:29:00Z'))).toBe(23 * 60 + 59);
    expect(istMinuteOfDay(new Date('2026-11-27T18:30:00Z'))).toBe(0);
  });

  it('finds IST midnight of the day an instant falls on', () => {
    expect(istStartOfDay(new Date('2026-11-27T18:29:00Z')).toISOString()).toBe('2026-11-26T18:30:00.000Z');
    expect(istStartOfDay(new Date('2026-11-27T18:30:00Z')).toISOString()).toBe('2026-11-27T18:30:00.000Z');
  });

  it('prints dates as Indian papers do', () => {
    expect(formatIst(new Date('2026-11-27T05:30:00Z'))).toBe('27-11-2026 11:00');
    expect(istDateKey(new Date('2026-11-27T19:00:00Z'))).toBe('2026-11-28');
  });
});
