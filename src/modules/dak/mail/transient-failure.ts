/** SQLSTATE classes that say nothing about the message: the connection, resources, the server going down, a lost race. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57', '58', '40'];
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Whether a failure to diarise a message was the database's or the network's rather than the
 * message's: the message is then tried again without counting the attempt, however long the
 * outage, instead of being set aside as FAILED after a few.
 */
export function isTransientFailure(e: unknown): boolean {
  for (let err: unknown = e, depth = 0; err && typeof err === 'object' && depth < 5; depth++) {
    const { code, driverError, cause, message } = err as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (TRANSIENT_NODE_CODES.has(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
    }
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return true;
    err = driverError ?? cause;
  }
  return false;
}
