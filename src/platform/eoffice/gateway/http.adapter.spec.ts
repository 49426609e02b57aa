import { EofficeSimulator, startEofficeSimulator } from '../simulator/simulator';
import { GatewayError, PermanentGatewayError, TransientGatewayError } from './gateway-errors';
import { HttpGatewayAdapter } from './http.adapter';
import { SimulatorGatewayAdapter } from './simulator.adapter';
import { sampleRequest } from './testing/fixtures';

const RECEIPT_NO = /^\d+\/\d{4}\/POLICE-BPL$/;

let sim: EofficeSimulator;
let gateway: SimulatorGatewayAdapter;

beforeEach(async () => {
  sim = await startEofficeSimulator();
  gateway = new SimulatorGatewayAdapter({ url: sim.url, timeoutMs: 500 });
});

afterEach(async () => {
  await gateway.close();
  await sim.close();
});

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a GatewayError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('HTTP gateway adapter against the simulator', () => {
  it('reports DIARISED with the receipt number when e-Office is up', async () => {
    const result = await gateway.diarise(sampleRequest());
    expect(result).toEqual({ status: 'DIARISED', eofficeRef: expect.stringMatching(RECEIPT_NO) });
  });

  it('gets the same receipt number back when the same item is sent again', async () => {
    const request = sampleRequest();
    const first = await gateway.diarise(request);
    const second = await gateway.diarise(request);
    expect(second).toEqual(first);
    expect(sim.ledger().receipts).toHaveLength(1);
  });

  it('passes the probe when e-Office is up', async () => {
    await expect(gateway.probe()).resolves.toBeUndefined();
  });

  it('names itself after the channel in use', () => {
    expect(gateway.channel).toBe('simulator');
    expect(new HttpGatewayAdapter({ baseUrl: sim.url }).channel).toBe('http');
  });

  describe('classifies', () => {
    it('a refused connection (down) as transient, for diarise and probe alike', async () => {
      await sim.setMode({ mode: 'down' });
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('ECONNREFUSED');
      expect(await failure(gateway.probe())).toBeInstanceOf(TransientGatewayError);
    });

    it('a slow answer within the timeout as success', async () => {
      await sim.setMode({ mode: 'slow', delayMs: 100 });
      expect((await gateway.diarise(sampleRequest())).status).toBe('DIARISED');
    });

    it('a slow answer past the timeout as a transient TIMEOUT', async () => {
      await sim.setMode({ mode: 'slow', delayMs: 1000 });
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('TIMEOUT');
    });

    it('a flaky 500 as transient', async () => {
      await sim.setMode({ mode: 'flaky', percent: 100, seed: 1 });
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('HTTP_500');
    });

    it('a server that never answers as a transient TIMEOUT, for diarise and probe alike', async () => {
      await sim.setMode({ mode: 'timeout' });
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('TIMEOUT');
      expect((await failure(gateway.probe())).code).toBe('TIMEOUT');
    });

    it('a lost acknowledgement as transient, and the retry finds the receipt already made', async () => {
      await sim.setMode({ mode: 'ack-lost', percent: 100, seed: 1 });
      const request = sampleRequest();
      expect(await failure(gateway.diarise(request))).toBeInstanceOf(TransientGatewayError);
      const [made] = sim.ledger().receipts;

      await sim.setMode({ mode: 'up' });
      expect(await gateway.diarise(request)).toEqual({
        status: 'DIARISED',
        eofficeRef: made.receiptNo,
      });
      expect(sim.ledger().receipts).toEqual([expect.objectContaining({ timesReceived: 2 })]);
    });

    it('a malformed item (422) as permanent, with the server reasons in the message', async () => {
      const request = sampleRequest();
      const corrupt = { ...request, document: { ...request.document!, sha256: 'f'.repeat(64) } };
      const error = await failure(gateway.diarise(corrupt));
      expect(error).toBeInstanceOf(PermanentGatewayError);
      expect(error.code).toBe('HTTP_422');
      expect(error.message).toContain('document.sha256 does not match the document bytes');
    });

    it('an item that cannot be encoded as JSON as permanent, without sending it', async () => {
      const error = await failure(gateway.diarise(sampleRequest({ metadata: { big: BigInt(1) } })));
      expect(error).toBeInstanceOf(PermanentGatewayError);
      expect(sim.ledger().received).toEqual({});
    });

    it('a refused bearer token (401) as transient, since it concerns every item alike', async () => {
      await sim.close();
      sim = await startEofficeSimulator({ token: 'right' });
      const wrong = new HttpGatewayAdapter({ baseUrl: sim.url, token: 'wrong', timeoutMs: 500 });
      const error = await failure(wrong.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('HTTP_401');

      const right = new HttpGatewayAdapter({ baseUrl: sim.url, token: 'right', timeoutMs: 500 });
      expect((await right.diarise(sampleRequest())).status).toBe('DIARISED');
    });

    it('a wrong base URL (404) as transient', async () => {
      const misrouted = new HttpGatewayAdapter({
        baseUrl: `${sim.url}/no-such-prefix`,
        timeoutMs: 500,
      });
      const error = await failure(misrouted.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('HTTP_404');
    });
  });

  it('resolves API paths under a base URL that has a path of its own', async () => {
    // The simulator serves no prefix, so its 404 names the path that was actually requested;
    // a base without a trailing slash must not lose its last segment.
    const prefixed = new HttpGatewayAdapter({ baseUrl: `${sim.url}/bridge/v1`, timeoutMs: 500 });
    const error = await failure(prefixed.probe());
    expect(error.message).toContain('no route for /bridge/v1/api/health');
  });
});
