// Classification of HTTP outcomes, following the rule in gateway-errors.ts: permanent only
// when the server judged this request's content; anything about the channel is transient.

import { GatewayError, PermanentGatewayError, TransientGatewayError } from './gateway-errors';

// 4xx answers that describe the channel or timing, not the item:
//   401/403/407 credentials or proxy; 404/405 wrong base URL; 408/425 timing;
//   409 "a request with this key is still in flight" (IETF idempotency-key draft);
//   423 locked; 429 throttled.
const TRANSIENT_4XX = new Set([401, 403, 404, 405, 407, 408, 409, 423, 425, 429]);
/** Of those, the ones that say e-Office (or a proxy before it) will not accept our credentials. */
const CREDENTIALS_REFUSED = new Set([401, 403, 407]);

const MAX_REASON_CHARS = 500;

export function classifyHttpStatus(
  status: number,
  responseText: string,
  retryAfter: string | null,
  now: Date = new Date(),
): GatewayError {
  const code = `HTTP_${status}`;
  const reason = describeErrorBody(responseText);
  if (status >= 400 && status < 500 && !TRANSIENT_4XX.has(status)) {
    return new PermanentGatewayError(
      code,
      `e-Office rejected the item (HTTP ${status}): ${reason}`,
    );
  }
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  return new TransientGatewayError(code, `e-Office answered HTTP ${status}: ${reason}`, {
    fault: CREDENTIALS_REFUSED.has(status) ? 'CREDENTIALS_REFUSED' : 'FAILING',
    httpStatus: status,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}

/**
 * fetch() itself failed: refused, reset, DNS, TLS, our timeout, or an unexpected redirect.
 * None of these say anything about the item. Note that a timeout or a reset after the request
 * was sent is ambiguous (the server may have done the work); the retry is still safe because
 * it carries the same Idempotency-Key.
 */
export function classifyFetchFailure(error: unknown): TransientGatewayError {
  if (isNamed(error, 'TimeoutError')) {
    return new TransientGatewayError('TIMEOUT', 'e-Office did not answer in time', {
      fault: 'UNREACHABLE',
      cause: error,
    });
  }
  const code = networkCode(error) ?? 'NETWORK';
  const detail = error instanceof Error ? describeCause(error) : String(error);
  return new TransientGatewayError(code, `e-Office unreachable (${code}): ${detail}`, {
    fault: 'UNREACHABLE',
    cause: error,
  });
}

/** Pulls a readable reason out of an error body: our `{message, problems}` shape or raw text. */
export function describeErrorBody(text: string): string {
  let reason = text.trim();
  try {
    const body = JSON.parse(text) as { message?: unknown; problems?: unknown };
    const problems = Array.isArray(body.problems) ? body.problems.join('; ') : '';
    const message = typeof body.message === 'string' ? body.message : '';
    reason = [message, problems].filter(Boolean).join(': ') || reason;
  } catch {
    // not JSON: keep the text
  }
  reason = reason || 'no details given';
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

// undici wraps socket errors: TypeError('fetch failed') with the real error as `cause`.
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(error: Error): string {
  const cause = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
