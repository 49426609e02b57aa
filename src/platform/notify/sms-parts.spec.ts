import fc from 'fast-check';
import { encodingOf, isGsm7, smsSize, unitsOf } from './sms-parts';

const a = (n: number) => 'a'.repeat(n);
const ka = (n: number) => 'क'.repeat(n);

describe('SMS part counting', () => {
  it('fits 160 GSM-7 characters in one SMS and 153 a part beyond that', () => {
    expect(smsSize(a(160))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1, spare: 0 });
    expect(smsSize(a(161))).toMatchObject({ parts: 2, perPart: 153 });
    expect(smsSize(a(306)).parts).toBe(2);
    expect(smsSize(a(307)).parts).toBe(3);
  });

  it('counts the extension table (€ [ ] { } ^ ~ | \\) as two septets', () => {
    expect(unitsOf('€[]{}^~|\\', 'GSM-7')).toBe(18);
    expect(smsSize('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(smsSize('€'.repeat(81)).parts).toBe(2);
  });

  it('never splits an escape pair between two parts', () => {
    // 306 septets would be two parts, but the € cannot start in part 1 and end in part 2.
    const text = `${a(152)}€${a(152)}`;
    expect(unitsOf(text, 'GSM-7')).toBe(306);
    expect(smsSize(text).parts).toBe(3);
  });

  it('sends any Devanagari as UCS-2: 70 code units in one SMS, 67 a part beyond', () => {
    expect(smsSize(ka(70))).toMatchObject({ encoding: 'UCS-2', units: 70, parts: 1 });
    expect(smsSize(ka(71))).toMatchObject({ parts: 2, perPart: 67 });
    expect(smsSize(ka(134)).parts).toBe(2);
    expect(smsSize(ka(135)).parts).toBe(3);
    // One Hindi letter in an English text makes all of it UCS-2.
    expect(smsSize(`${a(100)}क`)).toMatchObject({ encoding: 'UCS-2', units: 101, parts: 2 });
  });

  it('counts UTF-16 code units, so a character outside the BMP takes two and is never split', () => {
    expect(smsSize('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, parts: 1 });
    expect(smsSize('😀'.repeat(36)).units).toBe(72);
    // 66 units and an emoji: the pair moves whole into part 2.
    expect(smsSize(`${ka(66)}😀${ka(66)}`).parts).toBe(3);
    expect(smsSize(`${ka(65)}😀${ka(67)}`).parts).toBe(2);
  });

  it('counts a Hindi word by its code units, conjuncts and matras included', () => {
    expect(unitsOf('ड्यूटी', 'UCS-2')).toBe(6);
    expect(unitsOf('क्षत्रिय', 'UCS-2')).toBe(8);
  });

  it('knows the GSM-7 alphabet: £ é Ä are in it, ç ₹ – ’ are not', () => {
    expect(isGsm7('£é Ä@_\n')).toBe(true);
    for (const c of ['ç', '₹', '–', '’', '…']) expect(encodingOf(`Slip ${c}`)).toBe('UCS-2');
  });

  describe('properties', () => {
    const gsmChar = fc.constantFrom(...'abcXYZ 019.,-@£€[]{}^~|\\'.split(''));
    const anyChar = fc.oneof(gsmChar, fc.constantFrom('क', '्', 'ष', 'ा', 'ि', 'ं', '।', '😀', '₹'));

    /** A reference that builds the parts one by one, as a gateway would. */
    function referenceParts(text: string): number {
      const enc = encodingOf(text);
      const [single, part] = enc === 'GSM-7' ? [160, 153] : [70, 67];
      const chars = [...text].map((c) => unitsOf(c, enc));
      if (chars.reduce((s, c) => s + c, 0) <= single) return 1;
      const parts: number[][] = [[]];
      for (const c of chars) {
        const last = parts[parts.length - 1]!;
        if (last.reduce((s, x) => s + x, 0) + c > part) parts.push([c]);
        else last.push(c);
      }
      return parts.length;
    }

    it('agrees with a part-by-part reference for any text', () => {
      fc.assert(
        fc.property(fc.array(anyChar, { maxLength: 700 }), (chars) => {
          const text = chars.join('');
          expect(smsSize(text).parts).toBe(referenceParts(text));
        }),
      );
    });

    it('never needs fewer parts for a longer text', () => {
      fc.assert(
        fc.property(fc.array(gsmChar, { maxLength: 500 }), gsmChar, (chars, extra) => {
          const text = chars.join('');
          expect(smsSize(text + extra).parts).toBeGreaterThanOrEqual(smsSize(text).parts);
        }),
      );
    });

    it('leaves as many spare units as fit without another part', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', 'क'), { maxLength: 400 }), (chars) => {
          const text = chars.join('');
          const size = smsSize(text);
          const filler = size.encoding === 'GSM-7' ? 'a' : 'क';
          expect(smsSize(text + filler.repeat(size.spare)).parts).toBe(size.parts);
          expect(smsSize(text + filler.repeat(size.spare + 1)).parts).toBeGreaterThan(size.parts);
        }),
      );
    });
  });
});
