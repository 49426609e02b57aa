import { findRequestProblems } from './diarisation-request.validation';
import { DiarisationRequest } from './eoffice-gateway.port';
import { sampleRequest } from './testing/fixtures';

function problemsWith(overrides: Record<string, unknown>): string[] {
  return findRequestProblems(sampleRequest(overrides as Partial<DiarisationRequest>));
}

describe('diarisation request validation', () => {
  it('finds nothing wrong with a complete item', () => {
    expect(findRequestProblems(sampleRequest())).toEqual([]);
  });

  it('accepts an item with no dak fields and no document', () => {
    const { intakeChannel: _c, receivedAt: _r, document: _d, ...bare } = sampleRequest();
    expect(findRequestProblems(bare)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a key that is not a UUID', { idempotencyKey: 'row-17' }, /^idempotencyKey/],
    ['a blank kind', { kind: ' ' }, /^kind/],
    ['a reference with spaces', { sourceRef: 'PRT 2026 1' }, /^sourceRef/],
    ['Top Secret grading', { grading: 'TOP_SECRET' }, /^grading/],
    ['a receipt time without an offset', { receivedAt: '2026-03-02T10:15:00' }, /^receivedAt/],
    ['metadata that is a list', { metadata: [1, 2] }, /^metadata/],
    ['metadata JSON cannot carry', { metadata: { n: BigInt(1) } }, /^metadata/],
  ])('rejects %s', (_label, overrides, problem) => {
    expect(problemsWith(overrides)).toEqual([expect.stringMatching(problem)]);
  });

  it('rejects a document file name that is a path', () => {
    const document = { ...sampleRequest().document!, filename: '../etc/passwd' };
    expect(problemsWith({ document })).toEqual(['document.filename must be a plain file name']);
  });

  it('rejects an empty document', () => {
    const document = { ...sampleRequest().document!, bytes: Buffer.alloc(0) };
    expect(problemsWith({ document })).toEqual(['document.bytes must not be empty']);
  });
});
