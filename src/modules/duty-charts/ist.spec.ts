import { isNightDuty, istIso, istWindow } from './ist';

describe('IST helpers', () => {
  it('writes instants with the +05:30 offset the solver reads nights from', () => {
    expect(istIso(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-27T22:00:00+05:30');
  });

  it('shows a shift that crosses midnight with both dates', () => {
    expect(
      istWindow(new Date('2026-11-27T22:00:00+05:30'), new Date('2026-11-28T06:00:00+05:30')),
    ).toBe('27-11-2026 22:00 – 28-11-2026 06:00');
    expect(
      istWindow(new Date('2026-11-27T06:00:00+05:30'), new Date('2026-11-27T14:00:00+05:30')),
    ).toBe('27-11-2026 06:00–14:00');
  });

  it('counts a duty as a night when at least half of it lies between 22:00 and 06:00', () => {
    expect(
      isNightDuty(new Date('2026-11-27T22:00:00+05:30'), new Date('2026-11-28T06:00:00+05:30')),
    ).toBe(true);
    expect(
      isNightDuty(new Date('2026-11-27T18:00:00+05:30'), new Date('2026-11-28T02:00:00+05:30')),
    ).toBe(true);
    expect(
      isNightDuty(new Date('2026-11-27T14:00:00+05:30'), new Date('2026-11-27T23:00:00+05:30')),
    ).toBe(false);
  });
});
