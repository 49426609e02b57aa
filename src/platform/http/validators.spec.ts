import { isWithinYears, maskMobile } from './validators';

describe('isWithinYears', () => {
  it.each(['2000-01-01', '2026-11-27T10:00:00+05:30', '2100-12-31T23:59:59Z'])('accepts %s', (value) => {
    expect(isWithinYears(value)).toBe(true);
  });

  it.each(['9999-12-31T10:00:00+05:30', '1999-12-31', '2101-01-01', '+002026-01-01', 'tomorrow', 20260101])('refuses %s', (value) => {
    expect(isWithinYears(value)).toBe(false);
  });
});

describe('maskMobile', () => {
  it('keeps the last 4 digits only', () => {
    expect(maskMobile('9876543210')).toBe('******3210');
    expect(maskMobile('+91 9876543210')).toBe('********3210');
    expect(maskMobile(null)).toBeNull();
  });
});
