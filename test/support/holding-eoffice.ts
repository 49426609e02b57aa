import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HoldingEoffice {
  url: string;
  /** The settings that send every delivery (and probe) here, where it waits for an answer that never comes. */
  env: Record<string, string>;
  /** Drops every held connection and stops listening: the waiting deliveries fail and end. */
  close(): Promise<void>;
}

/**
 * An e-Office that takes every request and never answers, so that items bound for it stay
 * PENDING_SYNC with no error for as long as a test needs: what a record shows of its e-Office
 * state then cannot change between two reads.
 */
export async function holdingEoffice(): Promise<HoldingEoffice> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => undefined);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: { EOFFICE_ADAPTER: 'simulator', EOFFICE_URL: url, EOFFICE_TIMEOUT_MS: '300000' },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
