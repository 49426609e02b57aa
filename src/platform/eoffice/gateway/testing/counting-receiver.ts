// A bare receiver of the HTTP contract (http-wire.ts) that does NOT honour the idempotency key:
// every POST it takes gets a new receipt number, and every POST is kept. Unlike the simulator,
// it therefore shows exactly what our side sends: a duplicate on our side is a duplicate here.

import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEALTH_PATH, IDEMPOTENCY_KEY_HEADER, RECEIPTS_PATH, WireReceiptResponse } from '../http-wire';

export interface ReceivedPost {
  /** The Idempotency-Key header. */
  readonly key: string | undefined;
  readonly body: string;
  readonly sourceRef: string | undefined;
  /** The receipt number this POST was given, whether or not the answer reached the sender. */
  readonly receiptNo: string;
  readonly answered: boolean;
}

export interface CountingReceiver {
  /** Base URL for EOFFICE_URL; stable across stop()/start(). */
  readonly url: string;
  readonly posts: ReceivedPost[];
  /** Takes the next POST (makes its receipt), then drops the connection before answering. */
  loseNextAck(): void;
  /** Closes the listener, as e-Office going away would (connections are refused). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface CountingReceiverOptions {
  /** Time taken over each POST before answering, so deliveries overlap dispatch and reconcile runs. */
  delayMs?: number;
}

export async function startCountingReceiver(options: CountingReceiverOptions = {}): Promise<CountingReceiver> {
  const posts: ReceivedPost[] = [];
  let serial = 0;
  let loseNext = false;
  let server: Server | undefined;
  let port = 0;

  const listen = async () => {
    const s = createServer((req, res) => {
      void handle(req).then(
        (answer) => {
          if (!answer) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        },
        () => req.socket.destroy(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };

  const handle = async (req: IncomingMessage): Promise<{ status: number; body: unknown } | undefined> => {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (req.method === 'GET' && path === `/${HEALTH_PATH}`) return { status: 200, body: { status: 'ok' } };
    if (req.method !== 'POST' || path !== `/${RECEIPTS_PATH}`) return { status: 404, body: { error: 'NOT_FOUND', message: path } };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    const key = typeof header === 'string' ? header : undefined;
    const receiptNo = `${++serial}/2026/RECEIVER`;
    const answered = !loseNext;
    loseNext = false;
    let sourceRef: string | undefined;
    try {
      sourceRef = (JSON.parse(body) as { sourceRef?: string }).sourceRef;
    } catch {
      sourceRef = undefined;
    }
    posts.push({ key, body, sourceRef, receiptNo, answered });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (!answered) return undefined;
    const answer: WireReceiptResponse = { receiptNo, idempotencyKey: key ?? '', createdAt: new Date().toISOString() };
    return { status: 201, body: answer };
  };

  const stop = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    loseNextAck: () => {
      loseNext = true;
    },
    stop,
    start: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}
