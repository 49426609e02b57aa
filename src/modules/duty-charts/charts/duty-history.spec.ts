import { isNightDuty } from './duty-history';

const ist = (s: string) => new Date(`${s}+05:30`);

describe('night duty in the 30-day history', () => {
  it('counts a duty as a night when at least half of it lies between 22:00 and 06:00 IST', () => {
    expect(isNightDuty(ist('2026-11-27T22:00:00'), ist('2026-11-28T06:00:00'))).toBe(true);
    expect(isNightDuty(ist('2026-11-27T18:00:00'), ist('2026-11-28T02:00:00'))).toBe(true);
    expect(isNightDuty(ist('2026-11-27T14:00:00'), ist('2026-11-27T23:00:00'))).toBe(false);
  });

  it('reads the IST clock, not UTC: 16:30–00:30 UTC is 22:00–06:00 IST', () => {
    expect(isNightDuty(new Date('2026-11-27T16:30:00Z'), new Date('2026-11-28T00:30:00Z'))).toBe(
      true,
    );
    expect(isNightDuty(new Date('2026-11-27T22:00:00Z'), new Date('2026-11-28T06:00:00Z'))).toBe(
      false,
    );
  });
});
