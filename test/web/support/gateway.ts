import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer in front of the app for the offline tests: the browser keeps one origin (its
 * service worker, IndexedDB and cookies are the origin's) while the app behind it is killed and
 * started again. With no app behind it, it answers 502, as nginx does. `loseNextAnswer` passes
 * one matching request to the app, waits for its answer, runs `then` (kill the app there) and
 * drops the connection: the server committed, the browser never saw the answer.
 */
export interface Gateway {
  url: string;
  setUpstream(url: string | undefined): void;
  loseNextAnswer(matches: (req: IncomingMessage) => boolean, then: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startGateway(): Promise<Gateway> {
  let upstream: string | undefined;
  let lose: { matches: (req: IncomingMessage) => boolean; then: () => Promise<void>; done: () => void } | undefined;
  const server: Server = createServer((req, res) => {
    if (!upstream) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway: no app behind me');
      return;
    }
    const target = new URL(req.url ?? '/', upstream);
    const losing = lose?.matches(req) ? lose : undefined;
    if (losing) lose = undefined;
    const forward = request(target, { method: req.method, headers: req.headers }, (answer) => {
      if (losing) {
        answer.resume();
        answer.once('end', () => {
          void losing.then().finally(() => {
            req.socket.destroy();
            losing.done();
          });
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
      else res.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setUpstream(url) {
      upstream = url;
    },
    loseNextAnswer(matches, then) {
      return new Promise<void>((resolve) => {
        lose = { matches, then, done: resolve };
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
