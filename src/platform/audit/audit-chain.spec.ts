import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

const row = {
  at: new Date('2026-11-25T10:00:00.123Z'),
  actorId: null,
  actorUsername: 'admin',
  action: 'protest.approve',
  entityType: 'protest_application',
  entityId: 'PRT/2026/000001',
  diff: { status: { from: 'THANA_REPORTED', to: 'APPROVED' } },
  ip: '127.0.0.1',
  requestId: 'r1',
};

describe('audit chain', () => {
  it('hashes the same row the same way whatever the key order of its diff', () => {
    const reordered = { ...row, diff: { status: { to: 'APPROVED', from: 'THANA_REPORTED' } } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, row));
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, row);
    expect(chainHash(GENESIS_HASH, { ...row, action: 'protest.reject' })).not.toBe(base);
    expect(chainHash('f'.repeat(64), row)).not.toBe(base);
  });

  it('writes canonical JSON with sorted keys and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});
