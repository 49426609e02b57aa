import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join } from 'node:path';
import pino from 'pino';

/**
 * What the e2e tests leave behind for the personal-data scan at the end of the run
 * (global-teardown.ts): every PDF the app served to a test, and the app's log lines.
 * Ignored by git; emptied by global-setup.ts at the start of each run.
 */
export const ARTIFACTS_DIR = join(__dirname, '..', 'artifacts');
export const PDF_DIR = join(ARTIFACTS_DIR, 'pdf');
export const LOG_DIR = join(ARTIFACTS_DIR, 'logs');

export function resetArtifacts(): void {
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(PDF_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
}

/** The app's log lines for one test app, in a file of its own (written synchronously: nothing to flush at the end). */
export function logStream(name: string): pino.DestinationStream {
  mkdirSync(LOG_DIR, { recursive: true });
  return pino.destination({ dest: join(LOG_DIR, `${name}.log`), sync: true, mkdir: true });
}

/** Wraps the app's request handler: each PDF answer is also written under test/artifacts/pdf. */
export function keepPdfs(handler: RequestListener, name: string): RequestListener {
  let n = 0;
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const isPdf = () => String(res.getHeader('content-type') ?? '').startsWith('application/pdf');
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || !isPdf()) return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      if (chunks.length) {
        mkdirSync(PDF_DIR, { recursive: true });
        writeFileSync(join(PDF_DIR, `${name}-${String(++n).padStart(4, '0')}.pdf`), Buffer.concat(chunks));
      }
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    handler(req, res);
  };
}
