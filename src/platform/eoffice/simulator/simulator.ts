// Our e-Office stand-in for development, tests and benchmarks: the HTTP API of http-wire.ts
// plus switchable failure modes (see simulator-mode.ts). `down` is real: the listening socket
// is closed, so clients get ECONNREFUSED, and `up` reopens it on the same port.

import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReceiptLedger, SimulatorLedger } from './simulator-ledger';
import { resolveMode, seededChance, SimulatorMode, SimulatorModeInput } from './simulator-mode';
import { createRequestListener, SimulatorControl } from './simulator-routes';

export interface EofficeSimulatorOptions {
  /** 0 (the default) picks a free port; `down` → `up` always comes back on the same one. */
  port?: number;
  host?: string;
  /** Port of the always-up admin listener (/admin only). 0 (the default) picks a free port. */
  adminPort?: number;
  /** When set, POST /api/receipts requires `Authorization: Bearer <token>`. */
  token?: string;
  mode?: SimulatorModeInput;
  /** First serial of each year's receipt numbers. Default 1. */
  firstSerial?: number;
  maxBodyBytes?: number;
  /** Clock for receipt years and timestamps. */
  now?: () => Date;
}

export interface EofficeSimulator {
  /** Base URL of the e-Office stand-in, e.g. `http://127.0.0.1:4600`. */
  readonly url: string;
  readonly port: number;
  /** Base URL of the admin listener, reachable in every mode. */
  readonly adminUrl: string;
  readonly adminPort: number;
  /**
   * Resolves once the listener matches the mode (closed for `down`, open otherwise). Rejects
   * if the port was taken by someone else while down.
   */
  setMode(input: SimulatorModeInput): Promise<SimulatorMode>;
  mode(): SimulatorMode;
  ledger(): SimulatorLedger;
  /** Empties the ledger and goes back `up`. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startEofficeSimulator(
  options: EofficeSimulatorOptions = {},
): Promise<EofficeSimulator> {
  const host = options.host ?? '127.0.0.1';
  const timers = new Set<NodeJS.Timeout>();
  const ledger = new ReceiptLedger(options.now ?? (() => new Date()), options.firstSerial ?? 1);
  let mode = resolveMode(options.mode ?? { mode: 'up' });
  let roll = coinFor(mode);
  let main: Server | undefined;
  let port = options.port ?? 0;
  let closed = false;
  let listenerOps: Promise<void> = Promise.resolve();

  const control: SimulatorControl = {
    ledger,
    token: options.token,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    currentMode: () => mode,
    changeMode(input) {
      mode = resolveMode(input);
      roll = coinFor(mode);
      return mode;
    },
    // Serialised, so that quick down/up/down switches never overlap a close with a listen.
    reconcileListener() {
      const op = listenerOps.then(async () => {
        const wantOpen = mode.mode !== 'down' && !closed;
        if (wantOpen && !main) {
          await openMain();
        } else if (!wantOpen && main) {
          const closing = main;
          main = undefined;
          await shutDown(closing);
        }
      });
      listenerOps = op.catch(() => undefined);
      return op;
    },
    async reset() {
      ledger.reset();
      control.changeMode({ mode: 'up' });
      await control.reconcileListener();
    },
    roll: () => roll(),
    delay: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
  };

  async function openMain(): Promise<void> {
    main = await listen(createServer(createRequestListener(control, 'main')), port, host);
    port = (main.address() as AddressInfo).port;
  }

  const admin = await listen(
    createServer(createRequestListener(control, 'admin')),
    options.adminPort ?? 0,
    host,
  );
  try {
    // Open even when starting `down`, to learn the port that `up` must come back on.
    await openMain();
    await control.reconcileListener();
  } catch (error) {
    await shutDown(admin); // e.g. EADDRINUSE: leave nothing listening behind
    throw error;
  }

  const adminPort = (admin.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host; // IPv6 literal
  return {
    url: `http://${urlHost}:${port}`,
    port,
    adminUrl: `http://${urlHost}:${adminPort}`,
    adminPort,
    async setMode(input) {
      const next = control.changeMode(input);
      await control.reconcileListener();
      return next;
    },
    mode: () => mode,
    ledger: () => ledger.snapshot(),
    reset: () => control.reset(),
    async close() {
      if (closed) return;
      closed = true;
      timers.forEach(clearTimeout);
      timers.clear();
      await control.reconcileListener();
      await shutDown(admin);
    },
  };
}

function coinFor(mode: SimulatorMode): () => boolean {
  return mode.mode === 'flaky' || mode.mode === 'ack-lost'
    ? seededChance(mode.seed, mode.percent)
    : () => false;
}

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Stops accepting and destroys every open connection, idle or mid-request, at once. */
function shutDown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
