import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sampleRequest } from '../gateway/testing/fixtures';
import { toWireRequest } from '../gateway/http-wire';
import { DiarisationRequest } from '../gateway/eoffice-gateway.port';
import { EofficeSimulator, startEofficeSimulator } from './simulator';

const RECEIPT_NO = /^\d+\/\d{4}\/POLICE-BPL$/;

let sim: EofficeSimulator;

afterEach(async () => {
  await sim?.close();
});

function post(
  request: DiarisationRequest,
  init: { key?: string | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const key = init.key === undefined ? request.idempotencyKey : init.key;
  return fetch(`${sim.url}/api/receipts`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key !== null && { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(toWireRequest(request)),
    signal: init.signal,
  });
}

/** The socket-level code under fetch's TypeError('fetch failed'), e.g. ECONNREFUSED. */
async function networkFailure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name;
}

/** Resolves with the error code of a raw TCP connect, or 'connected'. */
function tcpConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('e-Office simulator', () => {
  describe('when up', () => {
    beforeEach(async () => {
      sim = await startEofficeSimulator();
    });

    it('diarises a receipt and answers with an e-Office style receipt number', async () => {
      const request = sampleRequest();
      const response = await post(request);
      expect(response.status).toBe(201);
      const body = (await response.json()) as { receiptNo: string; idempotencyKey: string };
      expect(body.receiptNo).toMatch(RECEIPT_NO);
      expect(body.idempotencyKey).toBe(request.idempotencyKey);
      expect(sim.ledger().receipts).toEqual([
        expect.objectContaining({
          receiptNo: body.receiptNo,
          idempotencyKey: request.idempotencyKey,
          timesReceived: 1,
        }),
      ]);
    });

    it('answers the health check', async () => {
      const response = await fetch(`${sim.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('returns the same receipt number for the same key and never creates a second ledger entry', async () => {
      const request = sampleRequest();
      const first = (await (await post(request)).json()) as { receiptNo: string };
      const again = await post(request);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await again.json()) as { receiptNo: string }).receiptNo).toBe(first.receiptNo);
      expect(sim.ledger().receipts).toHaveLength(1);
      expect(sim.ledger().receipts[0].timesReceived).toBe(2);
    });

    it('numbers receipts one after another', async () => {
      const a = (await (await post(sampleRequest())).json()) as { receiptNo: string };
      const b = (await (await post(sampleRequest())).json()) as { receiptNo: string };
      expect(Number(b.receiptNo.split('/')[0])).toBe(Number(a.receiptNo.split('/')[0]) + 1);
    });

    it('refuses a request without an Idempotency-Key with 400', async () => {
      const response = await post(sampleRequest(), { key: null });
      expect(response.status).toBe(400);
      expect(sim.ledger().receipts).toHaveLength(0);
    });

    it('refuses a body that is not JSON with 400', async () => {
      const response = await fetch(`${sim.url}/api/receipts`, {
        method: 'POST',
        headers: { 'Idempotency-Key': randomUUID() },
        body: '{not json',
      });
      expect(response.status).toBe(400);
    });

    it('refuses a malformed receipt with 422 and lists every problem', async () => {
      const request = sampleRequest({ subject: '  ', grading: 'TOP_SECRET' as never });
      const response = await post(request);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { problems: string[] };
      expect(body.problems).toEqual([
        expect.stringMatching(/^subject/),
        expect.stringMatching(/^grading/),
      ]);
      expect(sim.ledger().receipts).toHaveLength(0);
    });

    it('refuses a document whose sha256 does not match its bytes with 422', async () => {
      const request = sampleRequest();
      const response = await post({
        ...request,
        document: { ...request.document!, sha256: '0'.repeat(64) },
      });
      expect(response.status).toBe(422);
    });

    it('refuses a key reused for a different item with 422', async () => {
      const request = sampleRequest();
      await post(request);
      const response = await post({ ...request, sourceRef: 'PRT/2026/000999' });
      expect(response.status).toBe(422);
      expect(sim.ledger().receipts).toHaveLength(1);
    });

    it('refuses a body key that differs from the header key with 422', async () => {
      const response = await post(sampleRequest(), { key: randomUUID() });
      expect(response.status).toBe(422);
    });

    it('empties the ledger on reset', async () => {
      await post(sampleRequest());
      const response = await fetch(`${sim.url}/admin/reset`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(sim.ledger()).toEqual({ receipts: [], received: {} });
    });
  });

  it('numbers receipts by the year in India, not in UTC', async () => {
    // 19:00 UTC on 31 December is 00:30 IST on 1 January.
    sim = await startEofficeSimulator({ now: () => new Date('2025-12-31T19:00:00Z') });
    const body = (await (await post(sampleRequest())).json()) as { receiptNo: string };
    expect(body.receiptNo).toBe('1/2026/POLICE-BPL');
  });

  it('requires the bearer token when one is configured', async () => {
    sim = await startEofficeSimulator({ token: 's3cret' });
    expect((await post(sampleRequest())).status).toBe(401);
  });

  describe('when down', () => {
    it('refuses connections on its port, and comes back on the same port when up', async () => {
      sim = await startEofficeSimulator();
      const port = sim.port;
      await sim.setMode({ mode: 'down' });
      expect(await tcpConnect(port)).toBe('ECONNREFUSED');
      expect(await networkFailure(post(sampleRequest()))).toBe('ECONNREFUSED');

      await sim.setMode({ mode: 'up' });
      expect(sim.port).toBe(port);
      expect((await post(sampleRequest())).status).toBe(201);
    });

    it('resets requests that were in flight when it went down', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'timeout' } });
      const inFlight = networkFailure(post(sampleRequest()));
      await until(() => Object.keys(sim.ledger().received).length === 1);
      await sim.setMode({ mode: 'down' });
      expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await inFlight);
    });

    it('can start down and still come up on the port it was given', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'down' } });
      expect(await tcpConnect(sim.port)).toBe('ECONNREFUSED');
      await sim.setMode({ mode: 'up' });
      expect(await tcpConnect(sim.port)).toBe('connected');
    });

    it('can be switched down and up over HTTP through the admin listener', async () => {
      sim = await startEofficeSimulator();
      const down = await fetch(`${sim.url}/admin/mode`, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'down' }),
      });
      expect(down.status).toBe(200);
      await until(async () => (await tcpConnect(sim.port)) === 'ECONNREFUSED');

      const mode = await fetch(`${sim.adminUrl}/admin/mode`);
      expect(await mode.json()).toEqual({ mode: 'down' });
      const up = await fetch(`${sim.adminUrl}/admin/mode`, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'up' }),
      });
      expect(up.status).toBe(200);
      expect((await fetch(`${sim.url}/api/health`)).status).toBe(200);
    });
  });

  describe('when slow', () => {
    it('answers only after the configured delay', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'slow', delayMs: 300 } });
      const started = performance.now();
      const response = await post(sampleRequest());
      expect(response.status).toBe(201);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290); // timer granularity
    });

    it('delays the health check too', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'slow', delayMs: 300 } });
      const started = performance.now();
      await fetch(`${sim.url}/api/health`);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    });
  });

  describe('when flaky', () => {
    async function statuses(seed: number, count: number): Promise<number[]> {
      sim = await startEofficeSimulator({ mode: { mode: 'flaky', percent: 50, seed } });
      const result: number[] = [];
      for (let i = 0; i < count; i++) result.push((await post(sampleRequest())).status);
      await sim.close();
      return result;
    }

    it('fails the same requests for the same seed', async () => {
      const first = await statuses(42, 12);
      const second = await statuses(42, 12);
      expect(second).toEqual(first);
      expect(first).toContain(500);
      expect(first).toContain(201);
    });

    it('creates no receipt for a request it failed', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'flaky', percent: 100, seed: 1 } });
      const request = sampleRequest();
      expect((await post(request)).status).toBe(500);
      expect(sim.ledger()).toEqual({ receipts: [], received: { [request.idempotencyKey]: 1 } });
    });

    it('never fails at 0 percent', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'flaky', percent: 0, seed: 7 } });
      for (let i = 0; i < 5; i++) expect((await post(sampleRequest())).status).toBe(201);
    });

    it('reports the seed it drew when none was given, so the run can be replayed', async () => {
      sim = await startEofficeSimulator();
      const mode = sim.mode();
      expect(mode).toEqual({ mode: 'up' });
      const flaky = await sim.setMode({ mode: 'flaky', percent: 30 });
      expect(flaky).toEqual({ mode: 'flaky', percent: 30, seed: expect.any(Number) });
    });
  });

  describe('when reachable but failing (error mode)', () => {
    it('answers the health check and every receipt request with the status, creating no receipt', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'error' } });
      expect(sim.mode()).toEqual({ mode: 'error', status: 500 });
      expect((await fetch(`${sim.url}/api/health`)).status).toBe(500);
      const request = sampleRequest();
      const res = await post(request);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { message: string }).message).toMatch(/HTTP 500/);
      expect(sim.ledger()).toEqual({ receipts: [], received: { [request.idempotencyKey]: 1 } });

      await sim.setMode({ mode: 'error', status: 401 });
      expect((await fetch(`${sim.url}/api/health`)).status).toBe(401);
      await sim.setMode({ mode: 'up' });
      expect((await post(request)).status).toBe(201);
    });

    it('refuses a status that is not an error', async () => {
      sim = await startEofficeSimulator();
      const res = await fetch(`${sim.adminUrl}/admin/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'error', status: 200 }) });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { problems: string[] }).problems).toEqual(['status must be an integer 400-599']);
    });
  });

  describe('when timing out', () => {
    it('reads the request and never answers', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'timeout' } });
      const request = sampleRequest();
      const failure = await networkFailure(post(request, { signal: AbortSignal.timeout(300) }));
      expect(failure).toBe('TimeoutError');
      expect(sim.ledger()).toEqual({ receipts: [], received: { [request.idempotencyKey]: 1 } });
    });
  });

  describe('when acks are lost', () => {
    it('records the receipt, drops the connection, and answers the retry with the same number', async () => {
      sim = await startEofficeSimulator({ mode: { mode: 'ack-lost', percent: 100, seed: 1 } });
      const request = sampleRequest();
      expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(await networkFailure(post(request)));
      const [recorded] = sim.ledger().receipts;
      expect(recorded.idempotencyKey).toBe(request.idempotencyKey);

      await sim.setMode({ mode: 'up' });
      const retry = (await (await post(request)).json()) as { receiptNo: string };
      expect(retry.receiptNo).toBe(recorded.receiptNo);
      expect(sim.ledger().receipts).toEqual([
        expect.objectContaining({ receiptNo: recorded.receiptNo, timesReceived: 2 }),
      ]);
    });
  });

  describe('admin API', () => {
    beforeEach(async () => {
      sim = await startEofficeSimulator();
    });

    it('reports and changes the mode', async () => {
      const put = await fetch(`${sim.url}/admin/mode`, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'ack-lost', percent: 25, seed: 9 }),
      });
      expect(await put.json()).toEqual({ mode: 'ack-lost', percent: 25, seed: 9 });
      expect(await (await fetch(`${sim.url}/admin/mode`)).json()).toEqual({
        mode: 'ack-lost',
        percent: 25,
        seed: 9,
      });
    });

    it('refuses an unknown mode with 422', async () => {
      const put = await fetch(`${sim.url}/admin/mode`, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'sideways' }),
      });
      expect(put.status).toBe(422);
      expect(sim.mode()).toEqual({ mode: 'up' });
    });

    it('lists receipts with their keys and how often each key was received', async () => {
      const request = sampleRequest();
      await post(request);
      await post(request);
      const ledger = (await (await fetch(`${sim.url}/admin/ledger`)).json()) as {
        receipts: unknown[];
      };
      expect(ledger).toEqual({
        receipts: [
          expect.objectContaining({ idempotencyKey: request.idempotencyKey, timesReceived: 2 }),
        ],
        received: { [request.idempotencyKey]: 2 },
      });
    });

    it('serves only /admin on the admin listener', async () => {
      expect((await fetch(`${sim.adminUrl}/api/health`)).status).toBe(404);
    });
  });
});

/** Polls a condition on the event loop; for state that has no event to await. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
