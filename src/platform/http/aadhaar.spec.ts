import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { containsAadhaarNumber, findAadhaarNumbers, normaliseForAadhaar, verhoeffValid, withoutAadhaarNumbers } from './aadhaar';

/** The Verhoeff check digit that makes `digits` + it valid. */
function checkDigit(digits: string): string {
  for (let d = 0; d < 10; d++) if (verhoeffValid(`${digits}${d}`)) return String(d);
  throw new Error('unreachable');
}

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

  it.each([
    ['dots', '2341.2341.2346'],
    ['slashes', '2341/2341/2346'],
    ['backslashes', '2341\\2341\\2346'],
    ['no-break spaces', '2341\u00a02341\u00a02346'],
    ['narrow no-break and ideographic spaces', '2341\u202f2341\u30002346'],
    ['en and em dashes', '2341–2341—2346'],
    ['a minus sign', '2341\u22122341\u22122346'],
    ['double spaces', '2341  2341  2346'],
    ['line breaks', 'Aadhaar:\n2341\n2341\r\n2346'],
    ['tabs', '2341\t2341\t2346'],
    ['zero-width spaces inside the groups', '23\u200b41 23\u200d41 2\u200c346'],
    ['a soft hyphen and a BOM', '2341\u00ad2341\ufeff2346'],
    ['3-3-3-3 grouping', '234 123 412 346'],
    ['3-3-3-3 with dots', '234.123.412.346'],
    ['Devanagari digits', 'आधार २३४१ २३४१ २३४६'],
    ['Devanagari digits, unspaced', '२३४१२३४१२३४६'],
    ['full-width digits', '２３４１ ２３４１ ２３４６'],
    ['Bengali digits', '২৩৪১ ২৩৪১ ২৩৪৬'],
    ['Arabic-Indic digits', '٢٣٤١ ٢٣٤١ ٢٣٤٦'],
    ['Gujarati and Tamil digits mixed with ASCII', '૨૩૪૧ ௨௩௪௧ 2346'],
    ['mathematical bold digits', '𝟐𝟑𝟒𝟏 𝟐𝟑𝟒𝟏 𝟐𝟑𝟒𝟔'],
    ['a number followed by more figures', 'Aadhaar 2341 2341 2346 5 members'],
    ['after a label and a dot', 'No.2341 2341 2346'],
    ['inside quotes', '"234123412346"'],
  ])('finds one written with %s', (_name, text) => {
    expect(findAadhaarNumbers(text)).toEqual([sample]);
  });

  it('leaves mobiles, last-4 digits, dates and longer digit runs alone', () => {
    expect(containsAadhaarNumber('call 9876543210')).toBe(false);
    expect(containsAadhaarNumber('XXXX-XXXX-2346')).toBe(false);
    expect(containsAadhaarNumber('2346')).toBe(false);
    expect(containsAadhaarNumber('letter dated 25-11-2026')).toBe(false);
    expect(containsAadhaarNumber('on 27.11.2026 10.30 at the gate')).toBe(false);
    expect(containsAadhaarNumber(`ref 9${sample}`)).toBe(false);
    expect(containsAadhaarNumber('2026-11-27T10:30:00+05:30')).toBe(false);
    // Twelve digits in other groupings: a phone number with its country code, a reference and a count.
    for (const text of ['91 98765 43210', '91-9876543210', 'PRT/2026/000123\n27 persons', '46 2003 987654']) {
      const digits = text.replace(/\D/g, '');
      const valid = `${digits.slice(0, 11)}${checkDigit(digits.slice(0, 11))}`;
      let k = 0;
      const same = text.replace(/\d/g, () => valid[k++]!);
      expect(verhoeffValid(same.replace(/\D/g, ''))).toBe(true);
      expect(containsAadhaarNumber(same)).toBe(false);
    }
  });

  it('ignores 12-digit numbers that fail the checksum or start with 0 or 1', () => {
    expect(containsAadhaarNumber('234123412345')).toBe(false);
    expect(containsAadhaarNumber('123412341234')).toBe(false);
  });

  it('ignores international phone numbers, codes and hashes that hold 12 digits', () => {
    const mobile = `91987654321${checkDigit('91987654321')}`;
    expect(verhoeffValid(mobile)).toBe(true);
    expect(containsAadhaarNumber(`+${mobile}`)).toBe(false);
    expect(containsAadhaarNumber(`ab${sample}cd`)).toBe(false);
    expect(containsAadhaarNumber(`BPL${sample}`)).toBe(false);
    const inUuid = `23414123812${checkDigit('23414123812')}`;
    expect(containsAadhaarNumber(inUuid)).toBe(true);
    expect(containsAadhaarNumber(`c0ffee0a-${inUuid.slice(0, 4)}-${inUuid.slice(4, 8)}-${inUuid.slice(8)}-a0000000000a`)).toBe(false);
  });

  it('never mistakes a UUID for a number', () => {
    fc.assert(fc.property(fc.uuid(), (id) => !containsAadhaarNumber(id)), { numRuns: 2000 });
    for (let i = 0; i < 2000; i++) expect(containsAadhaarNumber(randomUUID())).toBe(false);
  });

  it('finds every valid number whatever the digits, script and separators', () => {
    const scripts = [0x30, 0x966, 0x9e6, 0xff10, 0x660, 0xae6, 0x1d7ce];
    const separators = [' ', '  ', '-', '–', '.', '/', '\u00a0', '\n', '\u200b', ' \u200b ', '\t'];
    const number = fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }))
      .map(([first, rest]) => {
        const eleven = `${first}${rest.join('')}`;
        return `${eleven}${checkDigit(eleven)}`;
      });
    const arbitrary = fc.record({
      number,
      script: fc.constantFrom(...scripts),
      separator: fc.constantFrom(...separators),
      grouping: fc.constantFrom([12], [4, 4, 4], [3, 3, 3, 3]),
      before: fc.constantFrom('', 'Aadhaar ', 'आधार: ', '(', 'no. '),
      after: fc.constantFrom('', ' attached', ' संलग्न', ')', '.'),
    });
    fc.assert(
      fc.property(arbitrary, ({ number: n, script, separator, grouping, before, after }) => {
        const digits = [...n].map((d) => String.fromCodePoint(script + Number(d))).join('');
        const chars = [...digits];
        const groups: string[] = [];
        let at = 0;
        for (const len of grouping) {
          groups.push(chars.slice(at, at + len).join(''));
          at += len;
        }
        return findAadhaarNumbers(`${before}${groups.join(separator)}${after}`).includes(n);
      }),
      { numRuns: 500 },
    );
  });

  it('reads compatibility digits and format characters away, and nothing else', () => {
    expect(normaliseForAadhaar('२३४१\u200b２３')).toBe('234123');
    expect(normaliseForAadhaar('राम कुमार')).toBe('राम कुमार');
  });

  it('masks the digits of a logged URL that holds a number, even encoded', () => {
    expect(withoutAadhaarNumbers('/api/v1/dak?q=2341%202341%202346', { url: true })).toBe('/api/vX/dak?q=XXXX XXXX XXXX');
    expect(withoutAadhaarNumbers('/api/v1/dak?q=2341+2341+2346', { url: true })).not.toMatch(/\d{4}/);
    expect(withoutAadhaarNumbers('/api/v1/dak?q=%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%A7%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%A7%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%AC', { url: true })).not.toMatch(/[0-9२-९]/);
    expect(withoutAadhaarNumbers('/api/v1/dak?limit=50')).toBe('/api/v1/dak?limit=50');
  });
});
