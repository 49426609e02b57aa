import { ApiError, ApiUnreachableError } from '../api/errors';

/**
 * What the outbox makes of a failed send (outbox.ts): refuse the item, for the user to fix, or
 * hold the queue and try again later. Pure, so that it is tested on its own (failures.spec.ts).
 */

/** Why an item is waiting or was refused. */
export interface QueuedProblem {
  /** `refused`: the server said no (fields say why); `unreachable`, `server`, `timeout`, `signed-out`: it will be tried again. */
  reason: 'refused' | 'unreachable' | 'server' | 'timeout' | 'signed-out' | 'attachment-refused' | 'interrupted' | 'made-unknown';
  status?: number;
  message?: string;
  fields?: Record<string, string>;
  /** The attachments the server would not take (the record itself was made). */
  files?: string[];
}

const MAX_BACKOFF_MS = 60_000;

/** How long to wait before the next try after `attempts` failed ones: 1 s doubling to 60 s, jittered into its upper half. */
export function backoff(attempts: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(attempts, 6));
  return base / 2 + Math.random() * (base / 2);
}

/** What to make of a failed call: refuse the item, or hold the queue and try again. */
export function classify(e: unknown): { retry: boolean; problem: QueuedProblem } {
  if (e instanceof ApiUnreachableError) return { retry: true, problem: { reason: 'unreachable' } };
  if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError')) return { retry: true, problem: { reason: 'timeout' } };
  if (e instanceof ApiError) {
    const problem: QueuedProblem = { reason: 'refused', status: e.status, message: e.message, fields: { ...e.fields } };
    if (e.status === 401) return { retry: true, problem: { reason: 'signed-out', status: 401 } };
    if (e.status >= 500 || e.status === 408 || e.status === 429 || inProgress(e)) return { retry: true, problem: { ...problem, reason: 'server' } };
    return { retry: false, problem };
  }
  return { retry: true, problem: { reason: 'server', message: e instanceof Error ? e.message : String(e) } };
}

/** The same key's first request is still being carried out (by another tab, or before a restart): ask again shortly. */
function inProgress(e: ApiError): boolean {
  return e.status === 409 && (e.body as { idempotency?: string } | undefined)?.idempotency === 'IN_PROGRESS';
}

/** The server carried the request out before, but its answer was lost: the record exists. */
export function committed(e: ApiError): { type: string; id: string } | undefined {
  const body = e.body as { idempotency?: string; resource?: { type: string; id: string } } | undefined;
  return body?.idempotency === 'COMMITTED' ? (body.resource ?? { type: '', id: '' }) : undefined;
}
