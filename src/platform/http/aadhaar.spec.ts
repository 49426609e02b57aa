import { containsAadhaarNumber, verhoeffValid } from './aadhaar';

describe('Aadhaar detection', () => {
  // 2341 2341 2346 satisfies the Verhoeff check; it is a made-up number.
  const sample = '234123412346';

  it('validates the Verhoeff checksum', () => {
    expect(verhoeffValid(sample)).toBe(true);
    expect(verhoeffValid('234123412345')).toBe(false);
  });

  it('finds a full number written plainly, spaced or hyphenated inside text', () => {
    expect(containsAadhaarNumber(`Aadhaar ${sample} attached`)).toBe(true);
    expect(containsAadhaarNumber('आधार 2341 2341 2346 संलग्न')).toBe(true);
    expect(containsAadhaarNumber('2341-2341-2346')).toBe(true);
  });

  it('leaves mobiles, last-4 digits, dates and longer digit runs alone', () => {
    expect(containsAadhaarNumber('call 9876543210')).toBe(false);
    expect(containsAadhaarNumber('XXXX-XXXX-2346')).toBe(false);
    expect(containsAadhaarNumber('letter dated 25-11-2026')).toBe(false);
    expect(containsAadhaarNumber(`ref 9${sample}`)).toBe(false);
  });

  it('ignores 12-digit numbers that fail the checksum or start with 0 or 1', () => {
    expect(containsAadhaarNumber('234123412345')).toBe(false);
    expect(containsAadhaarNumber('123412341234')).toBe(false);
  });
});
