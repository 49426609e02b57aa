import fc from 'fast-check';
import { keyName } from './name-key';
import { compareNames, jaroWinkler, partSimilarity } from './name-similarity';
import { tokenOf } from './name-key';

const compare = (a: string, b: string) => compareNames(keyName(a), keyName(b))!;

describe('name similarity', () => {
  it('computes Jaro-Winkler as published', () => {
    // Winkler's examples.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('a'.repeat(40), 'a'.repeat(39) + 'b')).toBeGreaterThan(0.95);
  });

  it('grades parts: the same key, the same skeleton, an initial that fits, or merely similar', () => {
    expect(partSimilarity(tokenOf('rajes'), tokenOf('rajes'))).toEqual({
      similarity: 1,
      agreement: 'SAME',
    });
    expect(partSimilarity(tokenOf('ramacharan'), tokenOf('ramcharan')).agreement).toBe('SKELETON');
    expect(partSimilarity(tokenOf('r'), tokenOf('rajes')).agreement).toBe('INITIAL');
    expect(partSimilarity(tokenOf('k'), tokenOf('rajes')).agreement).toBe('NONE');
    const rakesh = partSimilarity(tokenOf('rajes'), tokenOf('rakes'));
    expect(rakesh.agreement).toBe('SIMILAR');
    expect(rakesh.similarity).toBeLessThan(0.85);
  });

  it('does not care about the order of the parts', () => {
    const c = compare('Sharma Rajesh Kumar', 'राजेश कुमार शर्मा');
    expect(c.similarity).toBe(1);
    expect(c.reordered).toBe(true);
  });

  it('joins parts the other name writes as one word', () => {
    expect(compare('Ram Charan Lodhi', 'रामचरण लोधी').similarity).toBe(1);
    expect(compare('Raj Kumar', 'राजकुमार').similarity).toBe(1);
  });

  it('costs little for a left-out Kumar, Bai or Mohammad, more for a left-out surname', () => {
    expect(compare('Rajesh', 'Rajesh Kumar').similarity).toBeGreaterThan(0.9);
    expect(compare('Kamla', 'Kamla Bai').similarity).toBeGreaterThan(0.9);
    expect(compare('Rafiq', 'Mohd. Rafiq').similarity).toBeGreaterThan(0.85);
    const surname = compare('Sunita', 'Sunita Ahirwar');
    expect(surname.similarity).toBeCloseTo(0.85, 2);
    expect(surname.onlyB.map((t) => t.key)).toEqual(['ahirvar']);
  });

  it('scores initials that fit close, and different first names apart', () => {
    expect(compare('R. K. Sharma', 'Rajesh Kumar Sharma').similarity).toBeGreaterThan(0.9);
    expect(compare('Rakesh Kumar Sharma', 'Rajesh Kumar Sharma').similarity).toBeLessThan(0.93);
    expect(compare('Ramesh Sharma', 'Suresh Sharma').similarity).toBeLessThan(0.8);
  });

  it('compares the best alternative when a record gives an alias', () => {
    expect(compare('Pappu Yadav', 'Ramesh Yadav urf Pappu').similarity).toBe(1);
  });

  it('is symmetric', () => {
    const names = fc.constantFrom(
      'Rajesh Kumar',
      'राजेश',
      'R. K. Sharma',
      'Mohd. Irfan Khan',
      'Irfan',
      'Kamla Bai',
      'Ram Charan',
      'रामचरण लोधी',
      'Sunita Ahirwar',
      'Pappu urf Ramesh',
    );
    fc.assert(
      fc.property(
        names,
        names,
        (a, b) => Math.abs(compare(a, b).similarity - compare(b, a).similarity) < 1e-9,
      ),
    );
  });
});
