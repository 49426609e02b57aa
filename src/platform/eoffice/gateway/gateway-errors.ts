// The worker's only question about a failure: will the same item succeed if sent again later?
//
// The rule used by every adapter: an error is PERMANENT only when the far side judged THIS
// item unacceptable (malformed, too large, refused content), so retrying the same bytes cannot
// help and a human must look. Everything about the channel itself (unreachable, slow, 5xx,
// throttled, bad credentials, wrong URL) is TRANSIENT: it affects every item alike, the
// circuit breaker handles it, and the backlog drains by itself once the channel is fixed,
// instead of the whole backlog being marked FAILED by one misconfiguration.

export abstract class GatewayError extends Error {
  abstract readonly retryable: boolean;

  /**
   * @param code short machine-readable cause, e.g. `ECONNREFUSED`, `HTTP_422`, `SMTP_554`
   * @param message human-readable reason, fit to store on a FAILED outbox row
   */
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * What a channel failure says about e-Office itself, for the system status: it could not be
 * reached at all (refused, reset, DNS, TLS, no answer in time), it answered but is failing
 * (HTTP 5xx, a 2xx without a receipt, an SMTP deferral), or it answered and refuses our
 * credentials (HTTP 401/403/407, SMTP authentication).
 */
export const CHANNEL_FAULTS = ['UNREACHABLE', 'FAILING', 'CREDENTIALS_REFUSED'] as const;
export type ChannelFaultKind = (typeof CHANNEL_FAULTS)[number];

/** Retry later with the same idempotency key; the far side deduplicates. */
export class TransientGatewayError extends GatewayError {
  readonly retryable = true;
  /** Set when the far side said how long to wait (HTTP Retry-After). */
  readonly retryAfterMs?: number;
  readonly fault: ChannelFaultKind;
  /** The HTTP status e-Office answered with, when it answered over HTTP. */
  readonly httpStatus: number | null;

  constructor(
    code: string,
    message: string,
    options: { fault: ChannelFaultKind; httpStatus?: number; cause?: unknown; retryAfterMs?: number },
  ) {
    super(code, message, options);
    this.fault = options.fault;
    this.httpStatus = options.httpStatus ?? null;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Do not retry: mark the outbox row FAILED with `message` as the reason. */
export class PermanentGatewayError extends GatewayError {
  readonly retryable = false;
}

export function isTransientGatewayError(error: unknown): error is TransientGatewayError {
  return error instanceof TransientGatewayError;
}

export function isPermanentGatewayError(error: unknown): error is PermanentGatewayError {
  return error instanceof PermanentGatewayError;
}
