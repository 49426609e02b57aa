import { containsAadhaarNumber, containsAadhaarShapedNumber } from './aadhaar';
import { aadhaarShapedField } from './aadhaar-shaped.pipe';

describe('Aadhaar-shaped numbers (the stricter reading)', () => {
  it('refuses 12 digits written as an Aadhaar number whether or not the check digit holds', () => {
    // 2341 2341 2346 is Verhoeff-valid; 2341 2341 2345 is not.
    expect(containsAadhaarNumber('2341 2341 2345')).toBe(false);
    for (const text of ['2341 2341 2345', '234123412345', '2341-2341-2345', '234 123 412 345', '२३४१ २३४१ २३४५', 'आधार ２３４１２３４１２３４５ है']) {
      expect({ text, found: containsAadhaarShapedNumber(text) }).toEqual({ text, found: true });
    }
  });

  it('lets phone numbers, dates, references and codes through', () => {
    for (const text of ['9876543210', '+91 98765 43210', '01-12-2026', 'CV/2026/000123', 'CH2026123412345', '1234 5678 9012', '12345678901']) {
      expect({ text, found: containsAadhaarShapedNumber(text) }).toEqual({ text, found: false });
    }
  });

  it('names the field where it was found, a list of texts by the list', () => {
    expect(aadhaarShapedField({ a: 'x', visit: { neighbours: [{ name: 'R' }, { statement: 'his card 5678 1234 9012' }] } })).toBe('visit.neighbours[1].statement');
    expect(aadhaarShapedField({ notes: ['ok', '567812349012'] })).toBe('notes');
    expect(aadhaarShapedField({ fine: 'nothing here' })).toBeNull();
  });
});
