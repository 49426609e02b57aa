import { slaState } from './sla';

describe('Lok Seva state', () => {
  // Received 1 Nov, 45 days: due 16 Dec.
  const due = '2026-12-16';
  it('warns from the 30th day and breaches after the 45th, by IST days', () => {
    expect(slaState(due, new Date('2026-11-30T18:29:00Z'), 15)).toBe('ON_TIME'); // 23:59 IST 30 Nov: 16 days left
    expect(slaState(due, new Date('2026-11-30T18:30:00Z'), 15)).toBe('NEAR_BREACH'); // 00:00 IST 1 Dec: 15 left
    expect(slaState(due, new Date('2026-12-16T18:29:00Z'), 15)).toBe('NEAR_BREACH'); // the last day, 23:59 IST
    expect(slaState(due, new Date('2026-12-16T18:30:00Z'), 15)).toBe('BREACHED'); // 00:00 IST 17 Dec
  });
});
