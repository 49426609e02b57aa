// Small node:http helpers; the simulator deliberately has no framework, so that what goes on
// the wire (and what is withheld from it) is exactly what the code says.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { WireErrorResponse } from '../gateway/http-wire';

export type BodyResult =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads the whole body, giving up (but still draining the socket) past `limitBytes`. */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        size <= limitBytes
          ? { ok: true, bytes: Buffer.concat(chunks) }
          : { ok: false, reason: 'too-large' },
      ),
    );
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.on('close', () => resolve({ ok: false, reason: 'aborted' })); // no-op if already resolved
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
  onFlushed?: () => void,
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text, onFlushed);
}

export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  problems?: string[],
  headers?: OutgoingHttpHeaders,
): void {
  const body: WireErrorResponse = { error, message, ...(problems && { problems }) };
  sendJson(res, status, body, headers);
}

export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}
