import { devanagariSpelling } from './devanagari-spelling';
import { nameKey } from './name-key';

describe('a Latin name written in Devanagari', () => {
  it('writes conjuncts, vowel signs and a closing long a', () => {
    expect(devanagariSpelling('Sunita Sharma')).toBe('सुनिता शर्मा');
    expect(devanagariSpelling('Deepak')).toBe('दीपक');
    expect(devanagariSpelling('Vijay')).toBe('विजय');
    expect(devanagariSpelling('Kshitij')).toBe('क्षितिज');
    expect(devanagariSpelling('Mohd. Irfan')).toBe('मोह्द. इर्फ़न');
  });

  it('keys the same as the name it came from, so the records check reads both alike', () => {
    for (const name of ['Rajesh Kumar', 'Sunita Sharma', 'Mohan Lal Ahirwar', 'Pooja Yadav', 'Anil Verma', 'Deepak Chouhan', 'Kshitij Bhatt']) {
      expect({ name, key: nameKey(devanagariSpelling(name)) }).toEqual({ name, key: nameKey(name) });
    }
  });
});
