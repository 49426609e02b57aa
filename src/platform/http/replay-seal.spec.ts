import { ReplaySeal } from './replay-seal';

describe('ReplaySeal', () => {
  const seal = new ReplaySeal('s'.repeat(48));
  const body = { ref: 'PRT/2026/000001', applicant: { name: 'Ramesh', mobile: '9876543210', address: '12 Arera Colony' } };

  it('keeps no personal data readable, and gives the answer back', () => {
    const stored = seal.seal(body, 'user-1\nkey-1');
    expect(JSON.stringify(stored)).not.toMatch(/9876543210|Arera|Ramesh/);
    expect(seal.open(stored, 'user-1\nkey-1')).toEqual(body);
  });

  it('refuses a row moved to another key or user, or sealed with another secret', () => {
    const stored = seal.seal(body, 'user-1\nkey-1');
    expect(() => seal.open(stored, 'user-2\nkey-1')).toThrow();
    expect(() => new ReplaySeal('t'.repeat(48)).open(stored, 'user-1\nkey-1')).toThrow();
    expect(() => seal.open(body, 'user-1\nkey-1')).toThrow(/not a sealed replay/);
  });

  it('hashes requests with a key, not a bare sha256 anyone can recompute', () => {
    expect(seal.requestHash('POST /x\n{}')).toBe(seal.requestHash('POST /x\n{}'));
    expect(seal.requestHash('POST /x\n{}')).not.toBe(new ReplaySeal('t'.repeat(48)).requestHash('POST /x\n{}'));
  });
});
