// Request handling for the simulator. The `main` surface is the e-Office stand-in (/api plus
// /admin); the `admin` surface serves /admin only and stays up in `down` mode, because /admin
// on the main port goes down with it.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { fromWireRequest, IDEMPOTENCY_KEY_HEADER, WireReceiptResponse } from '../gateway/http-wire';
import { ReceiptLedger } from './simulator-ledger';
import { parseModeInput, SimulatorMode, SimulatorModeInput } from './simulator-mode';
import { parseJson, readBody, sendError, sendJson } from './simulator-http';

export type Surface = 'main' | 'admin';

/** What the routes need from the running simulator. */
export interface SimulatorControl {
  readonly ledger: ReceiptLedger;
  readonly token: string | undefined;
  readonly maxBodyBytes: number;
  currentMode(): SimulatorMode;
  /** Switches mode at once; the listener follows when `reconcileListener` settles. */
  changeMode(input: SimulatorModeInput): SimulatorMode;
  reconcileListener(): Promise<void>;
  reset(): Promise<void>;
  /** The flaky / ack-lost coin for the current mode. */
  roll(): boolean;
  /** A timer the simulator clears on close, so tests never wait on it. */
  delay(ms: number): Promise<void>;
}

export function createRequestListener(
  control: SimulatorControl,
  surface: Surface,
): RequestListener {
  return (req, res) => {
    route(control, surface, req, res).catch((error: unknown) => {
      sendError(res, 500, 'SIMULATOR_BUG', error instanceof Error ? error.message : String(error));
    });
  };
}

async function route(
  control: SimulatorControl,
  surface: Surface,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname;
  if (path.startsWith('/admin/')) return routeAdmin(control, surface, path, req, res);
  if (surface === 'main' && control.currentMode().mode === 'down') {
    req.socket.destroy(); // the listener is being closed; behave as if it already were
    return;
  }
  if (surface === 'main' && path === '/api/health') return health(control, req, res);
  if (surface === 'main' && path === '/api/receipts') return receipts(control, req, res);
  sendError(res, 404, 'NOT_FOUND', `no route for ${path}`);
}

async function health(
  control: SimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!allowMethod(req, res, 'GET')) return;
  if (!(await playLatency(control, req))) return;
  if (playError(control, res)) return;
  sendJson(res, 200, { status: 'ok' });
}

async function receipts(
  control: SimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!allowMethod(req, res, 'POST')) return;
  const body = await readBody(req, control.maxBodyBytes);
  const key = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const idempotencyKey = typeof key === 'string' && key.trim() !== '' ? key.trim() : undefined;
  // Counted before anything can go wrong, so the ledger shows every knock, answered or not.
  if (idempotencyKey) control.ledger.noteArrival(idempotencyKey);
  if (!(await playLatency(control, req))) return;
  if (playError(control, res)) return;

  if (control.token !== undefined && req.headers.authorization !== `Bearer ${control.token}`) {
    return sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong bearer token');
  }
  if (!body.ok) {
    return body.reason === 'too-large'
      ? sendError(res, 413, 'TOO_LARGE', `body over ${control.maxBodyBytes} bytes`, undefined, {
          Connection: 'close',
        })
      : undefined;
  }
  if (!idempotencyKey) {
    const message = `${IDEMPOTENCY_KEY_HEADER} header is required`;
    return sendError(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', message);
  }

  const mode = control.currentMode();
  if (mode.mode === 'flaky' && control.roll()) {
    return sendError(res, 500, 'INTERNAL_ERROR', 'simulated e-Office failure (flaky mode)');
  }
  const outcome = diarise(control.ledger, idempotencyKey, body.bytes);
  if (outcome.status !== 201) {
    return sendError(res, outcome.status, outcome.error, outcome.message, outcome.problems);
  }

  if (mode.mode === 'ack-lost' && control.roll()) {
    req.socket.destroy(); // the work is done and recorded; the caller never hears of it
    return;
  }
  sendJson(res, 201, outcome.receipt, outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

type DiariseOutcome =
  | { status: 201; receipt: WireReceiptResponse; replayed: boolean }
  | { status: 400 | 422; error: string; message: string; problems?: string[] };

function diarise(ledger: ReceiptLedger, idempotencyKey: string, bytes: Buffer): DiariseOutcome {
  const json = parseJson(bytes);
  if (!json.ok) return { status: 400, error: 'BAD_REQUEST', message: 'body is not JSON' };
  const decoded = fromWireRequest(json.value);
  if (!decoded.ok) return unprocessable(...decoded.problems);
  const { request } = decoded;
  if (request.idempotencyKey !== idempotencyKey) {
    return unprocessable('idempotencyKey in the body differs from the Idempotency-Key header');
  }

  const existing = ledger.find(idempotencyKey);
  if (existing) {
    // Same key, different item: a bug on the caller's side, never a retry (IETF idempotency draft: 422).
    const same =
      existing.kind === request.kind &&
      existing.sourceRef === request.sourceRef &&
      existing.documentSha256 === (request.document?.sha256 ?? null);
    if (!same) return unprocessable('Idempotency-Key was already used for a different item');
  }
  const receipt = existing ?? ledger.create(request);
  return {
    status: 201,
    receipt: { receiptNo: receipt.receiptNo, idempotencyKey, createdAt: receipt.createdAt },
    replayed: existing !== undefined,
  };
}

function unprocessable(...problems: string[]): DiariseOutcome {
  return { status: 422, error: 'UNPROCESSABLE', message: 'malformed receipt', problems };
}

/** Plays error mode: true when the request was answered with the mode's status. */
function playError(control: SimulatorControl, res: ServerResponse): boolean {
  const mode = control.currentMode();
  if (mode.mode !== 'error') return false;
  sendError(res, mode.status, 'SIMULATED_ERROR', `simulated e-Office failure (error mode, HTTP ${mode.status})`);
  return true;
}

/** Plays slow / timeout; false means "never answer" (timeout mode, or the caller went away). */
async function playLatency(control: SimulatorControl, req: IncomingMessage): Promise<boolean> {
  const mode = control.currentMode();
  if (mode.mode === 'timeout') return false;
  if (mode.mode === 'slow') await control.delay(mode.delayMs);
  return !req.socket.destroyed;
}

async function routeAdmin(
  control: SimulatorControl,
  surface: Surface,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const call = `${req.method} ${path}`;
  switch (call) {
    case 'GET /admin/mode':
      return sendJson(res, 200, control.currentMode());
    case 'PUT /admin/mode':
      return putMode(control, surface, req, res);
    case 'GET /admin/ledger':
      return sendJson(res, 200, control.ledger.snapshot());
    case 'POST /admin/reset':
      await control.reset();
      return sendJson(res, 200, control.currentMode());
  }
  const known = ['/admin/mode', '/admin/ledger', '/admin/reset'].includes(path);
  if (known) return sendError(res, 405, 'METHOD_NOT_ALLOWED', call);
  sendError(res, 404, 'NOT_FOUND', `no route for ${path}`);
}

async function putMode(
  control: SimulatorControl,
  surface: Surface,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req, 64 * 1024);
  const json = body.ok ? parseJson(body.bytes) : { ok: false as const };
  if (!json.ok) return sendError(res, 400, 'BAD_REQUEST', 'body is not JSON');
  const parsed = parseModeInput(json.value);
  if (!parsed.ok) return sendError(res, 422, 'UNPROCESSABLE', 'bad mode', parsed.problems);

  const mode = control.changeMode(parsed.input);
  if (surface === 'main' && mode.mode === 'down') {
    // Going down closes this very connection: answer first, then pull the listener.
    return sendJson(res, 200, mode, { Connection: 'close' }, () => {
      control.reconcileListener().catch(() => undefined); // closing cannot fail usefully
    });
  }
  await control.reconcileListener(); // so that after 200 the port is really up (or down)
  sendJson(res, 200, mode);
}

function allowMethod(req: IncomingMessage, res: ServerResponse, method: string): boolean {
  if (req.method === method) return true;
  sendError(res, 405, 'METHOD_NOT_ALLOWED', `use ${method}`, undefined, { Allow: method });
  return false;
}
