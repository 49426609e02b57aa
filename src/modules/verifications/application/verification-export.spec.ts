import { csvCell } from './verification-export';

describe('verification list export', () => {
  it('quotes every cell and never lets one be read as a formula', () => {
    expect(csvCell('Sharma, "Raju"')).toBe('"Sharma, ""Raju"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-3')).toBe('"\'-3"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(12)).toBe('"12"');
  });
});
