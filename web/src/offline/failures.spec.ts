import fc from 'fast-check';
import { ApiError, ApiUnreachableError } from '../api/errors';
import { backoff, classify, committed } from './failures';

const refusal = (status: number, body: Record<string, unknown> = {}) => new ApiError(status, { statusCode: status, ...body });

describe('what the outbox makes of a failed send', () => {
  it('holds the queue and tries again when the server is away, slow, busy or broken', () => {
    expect(classify(new ApiUnreachableError(new TypeError('Failed to fetch')))).toEqual({ retry: true, problem: { reason: 'unreachable' } });
    expect(classify(new DOMException('signal timed out', 'TimeoutError'))).toMatchObject({ retry: true, problem: { reason: 'timeout' } });
    for (const status of [500, 502, 503, 504, 408, 429]) expect(classify(refusal(status))).toMatchObject({ retry: true, problem: { reason: 'server', status } });
    // The same key still being carried out (another tab, or before a restart).
    expect(classify(refusal(409, { idempotency: 'IN_PROGRESS' }))).toMatchObject({ retry: true });
  });

  it('waits for a new login on 401, without refusing the item', () => {
    expect(classify(refusal(401))).toEqual({ retry: true, problem: { reason: 'signed-out', status: 401 } });
  });

  it('hands a refusal back to the user with the field errors, a version conflict included', () => {
    const e = refusal(400, { message: 'event.venueCode NEELAM_PARK is no longer in use', fields: [{ field: 'event.venueCode', message: 'event.venueCode NEELAM_PARK is no longer in use' }] });
    expect(classify(e)).toEqual({
      retry: false,
      problem: { reason: 'refused', status: 400, message: e.message, fields: { 'event.venueCode': 'event.venueCode NEELAM_PARK is no longer in use' } },
    });
    expect(classify(refusal(409, { message: 'The record changed meanwhile' }))).toMatchObject({ retry: false, problem: { reason: 'refused', status: 409 } });
    expect(classify(refusal(422))).toMatchObject({ retry: false });
  });

  it('knows a replay the server carried out before, and the record it names', () => {
    expect(committed(refusal(409, { idempotency: 'COMMITTED', resource: { type: 'dak_receipt', id: 'a1' } }))).toEqual({ type: 'dak_receipt', id: 'a1' });
    expect(committed(refusal(409, { idempotency: 'COMMITTED' }))).toEqual({ type: '', id: '' });
    expect(committed(refusal(409, { idempotency: 'IN_PROGRESS' }))).toBeUndefined();
    expect(committed(refusal(400))).toBeUndefined();
  });

  it('backs off from about a second, doubling, never past a minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (attempts) => {
        const wait = backoff(attempts);
        const base = Math.min(60_000, 1_000 * 2 ** Math.min(attempts, 6));
        return wait >= base / 2 && wait <= base;
      }),
    );
    expect(backoff(0)).toBeLessThanOrEqual(1_000);
    expect(backoff(10)).toBeGreaterThanOrEqual(30_000);
  });
});
