// Generic REST adapter, for a future NIC or state e-Office API (none is published today) and
// for our simulator. One POST per item; the outbox id rides in the Idempotency-Key header so a
// retry after a timeout or a lost answer gets the same receipt instead of a second one.

import {
  DiarisationRequest,
  DiarisationResult,
  EofficeGateway,
  GatewayChannel,
} from './eoffice-gateway.port';
import { GatewayError, PermanentGatewayError, TransientGatewayError } from './gateway-errors';
import { classifyFetchFailure, classifyHttpStatus } from './http-errors';
import {
  HEALTH_PATH,
  IDEMPOTENCY_KEY_HEADER,
  RECEIPTS_PATH,
  WireReceiptResponse,
  toWireRequest,
} from './http-wire';

export interface HttpGatewayConfig {
  /** e.g. `https://eoffice-bridge.mp.gov.in/police/`; the API paths are resolved under it. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  readonly token?: string;
  /** Whole-request budget (connect, send, answer, body). Default 15 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class HttpGatewayAdapter implements EofficeGateway {
  readonly channel: GatewayChannel = 'http';
  private readonly baseUrl: URL;
  private readonly timeoutMs: number;

  constructor(private readonly config: HttpGatewayConfig) {
    // A trailing slash makes relative API paths append to the base path instead of replacing it.
    this.baseUrl = new URL(config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  // The request is not validated here: the remote API is the authority on what it accepts,
  // and its 400/422 reaches the worker as a PermanentGatewayError in the server's own words.
  async diarise(request: DiarisationRequest): Promise<DiarisationResult> {
    const body = encode(request);
    const text = await this.send('POST', RECEIPTS_PATH, body, {
      'Content-Type': 'application/json',
      [IDEMPOTENCY_KEY_HEADER]: request.idempotencyKey,
    });
    return { status: 'DIARISED', eofficeRef: readReceiptNo(text) };
  }

  async probe(): Promise<void> {
    await this.send('GET', HEALTH_PATH);
  }

  async close(): Promise<void> {
    // fetch keeps no per-adapter resources.
  }

  /** Returns the body of a 2xx answer; throws a classified GatewayError otherwise. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<string> {
    try {
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        body,
        headers: { Accept: 'application/json', ...this.authHeader(), ...headers },
        // Covers the body read too, so a server that stalls mid-answer cannot hang the worker.
        signal: AbortSignal.timeout(this.timeoutMs),
        // A redirect means a misconfigured base URL; following it would turn the POST into a GET.
        redirect: 'error',
      });
      const text = await response.text();
      if (!response.ok) {
        throw classifyHttpStatus(response.status, text, response.headers.get('retry-after'));
      }
      return text;
    } catch (error) {
      if (error instanceof GatewayError) throw error; // classified above
      throw classifyFetchFailure(error);
    }
  }

  private authHeader(): Record<string, string> {
    return this.config.token ? { Authorization: `Bearer ${this.config.token}` } : {};
  }
}

function encode(request: DiarisationRequest): string {
  try {
    return JSON.stringify(toWireRequest(request));
  } catch (error) {
    throw new PermanentGatewayError('UNENCODABLE_REQUEST', 'the item cannot be encoded as JSON', {
      cause: error,
    });
  }
}

// A 2xx without a receipt number is a broken contract, most likely something between us and
// e-Office (a proxy, a maintenance page). That is about the channel, not the item: transient.
function readReceiptNo(text: string): string {
  try {
    const body = JSON.parse(text) as Partial<WireReceiptResponse>;
    if (typeof body.receiptNo === 'string' && body.receiptNo.trim() !== '') return body.receiptNo;
  } catch {
    // fall through
  }
  throw new TransientGatewayError(
    'BAD_RESPONSE',
    `e-Office answered 2xx without a receipt number: ${text.slice(0, 200)}`,
    { fault: 'FAILING' },
  );
}
