import { formatIstDate } from './ist-date';

describe('formatIstDate', () => {
  it('prints dd-mm-yyyy in Asia/Kolkata whatever the server time zone', () => {
    expect(formatIstDate(new Date('2026-03-04T18:29:59Z'))).toBe('04-03-2026');
    expect(formatIstDate(new Date('2026-03-04T18:30:00Z'))).toBe('05-03-2026');
    expect(formatIstDate(new Date('2025-12-31T20:00:00Z'))).toBe('01-01-2026');
  });
});
