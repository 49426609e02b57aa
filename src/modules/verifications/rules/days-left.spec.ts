import { daysLeft, dueOn } from './days-left';

describe('Lok Seva days left', () => {
  it('counts the limit from the IST day of receipt, whatever the hour', () => {
    // 23:50 IST on 1 Dec and 00:10 IST on 2 Dec are different days.
    expect(dueOn(new Date('2026-12-01T18:20:00Z'), 45)).toBe('2027-01-15');
    expect(dueOn(new Date('2026-12-01T18:40:00Z'), 45)).toBe('2027-01-16');
  });

  it('drops by one at IST midnight, not at UTC midnight', () => {
    expect(daysLeft('2026-12-10', new Date('2026-12-01T18:29:00Z'))).toBe(9); // 23:59 IST, 1 Dec
    expect(daysLeft('2026-12-10', new Date('2026-12-01T18:31:00Z'))).toBe(8); // 00:01 IST, 2 Dec
    expect(daysLeft('2026-12-10', new Date('2026-12-10T06:00:00Z'))).toBe(0);
    expect(daysLeft('2026-12-10', new Date('2026-12-11T06:00:00Z'))).toBe(-1);
  });
});
