import { PermanentGatewayError, TransientGatewayError } from './gateway-errors';
import { classifyFetchFailure, classifyHttpStatus, parseRetryAfter } from './http-errors';

describe('HTTP error classification', () => {
  it.each([400, 410, 413, 415, 422])(
    'treats HTTP %i as a permanent problem with the item',
    (status) => {
      expect(classifyHttpStatus(status, '', null)).toBeInstanceOf(PermanentGatewayError);
    },
  );

  it.each([401, 403, 404, 408, 409, 425, 429, 500, 502, 503, 504])(
    'treats HTTP %i as a transient problem with the channel',
    (status) => {
      expect(classifyHttpStatus(status, '', null)).toBeInstanceOf(TransientGatewayError);
    },
  );

  it.each([
    [500, 'FAILING'],
    [502, 'FAILING'],
    [503, 'FAILING'],
    [404, 'FAILING'],
    [429, 'FAILING'],
    [401, 'CREDENTIALS_REFUSED'],
    [403, 'CREDENTIALS_REFUSED'],
    [407, 'CREDENTIALS_REFUSED'],
  ])('says what HTTP %i tells of e-Office: %s, with the status', (status, fault) => {
    expect(classifyHttpStatus(status, '', null)).toMatchObject({ fault, httpStatus: status });
  });

  it('calls a connection that never got an answer unreachable, with no HTTP status', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyFetchFailure(refused)).toMatchObject({ fault: 'UNREACHABLE', httpStatus: null });
    expect(classifyFetchFailure(timeout)).toMatchObject({ fault: 'UNREACHABLE', httpStatus: null });
  });

  it('carries Retry-After seconds from a 429', () => {
    const error = classifyHttpStatus(429, '', '120') as TransientGatewayError;
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('reads Retry-After given as an HTTP date', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('puts the server message and problems into the reason', () => {
    const body = JSON.stringify({
      error: 'UNPROCESSABLE',
      message: 'malformed receipt',
      problems: ['a', 'b'],
    });
    expect(classifyHttpStatus(422, body, null).message).toBe(
      'e-Office rejected the item (HTTP 422): malformed receipt: a; b',
    );
  });

  it('keeps a plain-text error body, cut to a sane length', () => {
    const message = classifyHttpStatus(502, `<html>${'x'.repeat(2000)}</html>`, null).message;
    expect(message.length).toBeLessThan(600);
    expect(message).toContain('<html>');
  });

  it('names a network failure by the socket error under fetch', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyFetchFailure(refused)).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
  });

  it('names our own timeout TIMEOUT', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyFetchFailure(timeout)).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });
});
