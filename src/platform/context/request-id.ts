import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The request's id: the caller's `X-Request-Id` when it is a plain token, else a new UUID.
 * Set once on the request, so whoever asks first (the request context for the audit log, or
 * pino-http for the access log) gets the same id as everyone after.
 */
export function requestIdOf(req: IncomingMessage): string {
  const carrier = req as IncomingMessage & { id?: unknown };
  if (typeof carrier.id === 'string' && carrier.id !== '') return carrier.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  carrier.id = id;
  return id;
}
