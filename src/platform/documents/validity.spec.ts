import { verifyStatus } from './documents.service';
import { formatValidUntil, validUntilAfterMonths } from './validity';

describe('how long a paper valid for a time only is valid', () => {
  it('ends at 00:00 IST on the same day of the month six months on', () => {
    // 1 December 2026 10:00 IST.
    const until = validUntilAfterMonths(new Date('2026-12-01T04:30:00Z'), 6);
    expect(until.toISOString()).toBe('2027-05-31T18:30:00.000Z'); // 1 June 2027 00:00 IST
    expect(formatValidUntil(until)).toEqual({ en: 'up to and including 31-05-2027', hi: '31-05-2027 तक (सहित)' });
  });

  it('counts from the IST day of issue, not the UTC one', () => {
    // 31 December 2026 23:50 UTC is 1 January 2027 05:20 IST.
    expect(validUntilAfterMonths(new Date('2026-12-31T23:50:00Z'), 6).toISOString()).toBe(
      '2027-06-30T18:30:00.000Z',
    );
    // 30 June 2027 at 23:59 IST is still 30 June.
    expect(validUntilAfterMonths(new Date('2027-06-30T18:29:00Z'), 6).toISOString()).toBe(
      '2027-12-29T18:30:00.000Z',
    );
  });

  it('never gives more than the months: 31 August ends on the last day of February', () => {
    expect(validUntilAfterMonths(new Date('2027-08-31T06:00:00Z'), 6).toISOString()).toBe(
      '2028-02-28T18:30:00.000Z', // 29 February 2028 00:00 IST: valid through the 28th
    );
    expect(validUntilAfterMonths(new Date('2026-08-31T06:00:00Z'), 18).toISOString()).toBe(
      '2028-02-28T18:30:00.000Z',
    );
  });

  it('refuses a validity that is not a whole number of months', () => {
    expect(() => validUntilAfterMonths(new Date(), 0)).toThrow();
    expect(() => validUntilAfterMonths(new Date(), 1.5)).toThrow();
  });

  it('prints an end that is not at midnight with its time', () => {
    expect(formatValidUntil(new Date('2027-05-31T10:00:00Z'))).toEqual({
      en: 'until 31-05-2027 15:30',
      hi: '31-05-2027 15:30 तक',
    });
  });
});

describe('what the verify page says of a paper at a moment', () => {
  const until = new Date('2027-05-31T18:30:00Z');
  const at = (iso: string) => new Date(iso);

  it('is valid before its end and expired from the instant of it', () => {
    expect(verifyStatus({ status: 'VALID', validUntil: until }, at('2027-05-31T18:29:59.999Z'))).toBe('valid');
    expect(verifyStatus({ status: 'VALID', validUntil: until }, at('2027-05-31T18:30:00Z'))).toBe('expired');
  });

  it('keeps revoked and superseded as they are, and a paper without an end valid', () => {
    const later = at('2030-01-01T00:00:00Z');
    expect(verifyStatus({ status: 'REVOKED', validUntil: until }, later)).toBe('revoked');
    expect(verifyStatus({ status: 'SUPERSEDED', validUntil: until }, later)).toBe('superseded');
    expect(verifyStatus({ status: 'VALID', validUntil: null }, later)).toBe('valid');
  });
});
