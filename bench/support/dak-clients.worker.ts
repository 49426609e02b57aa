/**
 * The load generator of bench/audited-writes: a worker thread that sends dak receipts to the
 * API from N concurrent keep-alive clients and answers writes per second. It imports nothing
 * of the app, and one worker serves every round, so neither loading the app's modules nor a
 * fresh isolate's JIT competes with the server for the CPU while a round is timed.
 */
import http from 'node:http';
import { parentPort } from 'node:worker_threads';

export interface DakRound {
  base: string;
  accessToken: string;
  clients: number;
  writes: number;
}

let sent = 0;

/** Writes per second for `writes` dak receipts sent by `clients` concurrent clients. */
async function round({ base, accessToken, clients, writes }: DakRound): Promise<number> {
  // Plain http with keep-alive: lighter on the shared CPU than fetch.
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL(`${base}/dak`);
  const write = () =>
    new Promise<void>((resolve, reject) => {
      const i = sent++;
      const body = JSON.stringify({
        subject: `धरना-प्रदर्शन की अनुमति हेतु आवेदन ${i} / Application ${i}`,
        senderName: `Applicant ${i}`,
        intakeChannel: 'EMAIL',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${accessToken}` };
      const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 201 ? resolve() : reject(new Error(`dak create answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  let left = writes;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) await write();
    }),
  );
  const rate = writes / ((performance.now() - started) / 1000);
  agent.destroy();
  return rate;
}

parentPort!.on('message', (r: DakRound) => {
  round(r).then(
    (rate) => parentPort!.postMessage({ rate }),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
