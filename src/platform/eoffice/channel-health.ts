import { ChannelFaultKind, isPermanentGatewayError, isTransientGatewayError } from './gateway';

export type SystemMode = 'ONLINE' | 'DEGRADED';

/** What is wrong with e-Office while the system is DEGRADED. */
export interface ChannelFault {
  readonly kind: ChannelFaultKind;
  /** The cause as the gateway named it: `ECONNREFUSED`, `TIMEOUT`, `HTTP_500`, `SMTP_421`, `EAUTH`… */
  readonly code: string;
  readonly httpStatus: number | null;
  /** Seen by the health check, or by deliveries while the health check passed. */
  readonly seenIn: 'probe' | 'deliveries';
}

/** The mode to record: what is true of e-Office now, and what showed it. */
export interface ModeState {
  readonly mode: SystemMode;
  readonly fault: ChannelFault | null;
  /** What turned it ONLINE (or `restored` for the state read back at boot). */
  readonly onlineBy: 'probe' | 'delivery' | null;
}

export interface ChannelHealthSettings {
  /** EOFFICE_PROBE_INTERVAL_SECONDS, in ms. */
  readonly probeIntervalMs: number;
  /** EOFFICE_BREAKER_FAILURES: failed deliveries in a row that count as a channel failing. */
  readonly deliveryFailures: number;
}

/**
 * The system mode as a pure state machine over what was observed of e-Office: the outcome of
 * each health check (the probe, run every probe interval in both modes) and of each delivery.
 * No timers and no I/O: the caller passes the time, so the rules can be tested exactly.
 *
 * - A failed health check turns the mode DEGRADED with its reason (the caller has confirmed
 *   it with a second check moments later, so one lost packet does not flip the mode), unless
 *   a delivery got through after the check began: then e-Office plainly answers.
 * - A passed health check turns it ONLINE again: at most one probe interval after e-Office
 *   returns, whatever the backlog. No breaker timer has to run out first.
 * - Deliveries alone turn it DEGRADED only when e-Office answers its health check yet takes
 *   nothing: twice `deliveryFailures` failures in a row and none delivered for a whole probe
 *   interval. A receiver that fails some calls (flaky) never gets there, so its items simply
 *   back off one by one and the drain slows instead of stopping. While DEGRADED that way, each
 *   passed health check lets one trial delivery through; its success turns the mode ONLINE.
 * - Any delivery that succeeds turns it ONLINE.
 */
export class ChannelHealth {
  private current: ModeState;
  private failedInRow = 0;
  private failingSince = 0;
  private lastDeliveredAt = Number.NEGATIVE_INFINITY;
  private trial: 'none' | 'open' | 'in-flight' = 'none';
  private began: number | null = null;

  constructor(
    private readonly settings: ChannelHealthSettings,
    restored: { mode: SystemMode; fault: ChannelFault | null; since?: number },
  ) {
    this.current = { mode: restored.mode, fault: restored.mode === 'DEGRADED' ? (restored.fault ?? null) : null, onlineBy: null };
    if (restored.mode === 'DEGRADED') this.began = restored.since ?? null;
  }

  get state(): ModeState {
    return this.current;
  }

  get mode(): SystemMode {
    return this.current.mode;
  }

  /**
   * When the last outage (the current one, while DEGRADED) began: the first failed delivery of
   * the run that led to it, or the failed health check. Items that failed since then failed for
   * the channel's sake, not their own: once it is back they are due at once, not after their
   * backoff.
   */
  get lastOutageBegan(): number | null {
    return this.began;
  }

  /** The health check passed. Returns the new state when it changed. */
  probePassed(): ModeState | undefined {
    if (this.current.mode === 'ONLINE') return undefined;
    if (this.current.fault?.seenIn === 'deliveries') {
      // e-Office answers but has been taking nothing: let one item try.
      if (this.trial === 'none') this.trial = 'open';
      return undefined;
    }
    return this.become({ mode: 'ONLINE', fault: null, onlineBy: 'probe' });
  }

  /** The health check begun at `startedAt` failed (twice in a row). */
  probeFailed(fault: Omit<ChannelFault, 'seenIn'>, startedAt: number): ModeState | undefined {
    if (this.lastDeliveredAt >= startedAt) return undefined;
    if (this.trial === 'open') this.trial = 'none';
    return this.become({ mode: 'DEGRADED', fault: { ...fault, seenIn: 'probe' }, onlineBy: null }, this.failedInRow > 0 ? Math.min(this.failingSince, startedAt) : startedAt);
  }

  delivered(now: number): ModeState | undefined {
    this.failedInRow = 0;
    this.lastDeliveredAt = now;
    this.trial = 'none';
    if (this.current.mode === 'ONLINE') return undefined;
    return this.become({ mode: 'ONLINE', fault: null, onlineBy: 'delivery' });
  }

  /**
   * A delivery failed for a reason of the channel (not of the item). `probeNow` asks the
   * caller for a health check at once, so a real outage shows before the next interval.
   */
  deliveryFailed(fault: Omit<ChannelFault, 'seenIn'>, now: number): { state?: ModeState; probeNow: boolean } {
    if (this.trial === 'in-flight') this.trial = 'none';
    if (this.failedInRow === 0) this.failingSince = now;
    this.failedInRow += 1;
    const seen: ChannelFault = { ...fault, seenIn: 'deliveries' };
    if (this.current.mode === 'DEGRADED') {
      // A failed trial keeps the mode and tells the current cause; a failure of the health
      // check is the better-founded reason and stays.
      return { state: this.current.fault?.seenIn === 'deliveries' ? this.become({ mode: 'DEGRADED', fault: seen, onlineBy: null }) : undefined, probeNow: false };
    }
    const takingNothing =
      this.failedInRow >= 2 * this.settings.deliveryFailures && now - this.failingSince >= this.settings.probeIntervalMs;
    return {
      state: takingNothing ? this.become({ mode: 'DEGRADED', fault: seen, onlineBy: null }, this.failingSince) : undefined,
      probeNow: this.failedInRow === 1 || this.failedInRow % this.settings.deliveryFailures === 0,
    };
  }

  /**
   * May a delivery start now? Always while ONLINE; while DEGRADED only the one trial a passed
   * health check allowed. A caller that is admitted but then has nothing to send gives the
   * trial back with `withdraw`.
   */
  admit(): boolean {
    if (this.current.mode === 'ONLINE') return true;
    if (this.trial !== 'open') return false;
    this.trial = 'in-flight';
    return true;
  }

  withdraw(): void {
    if (this.trial === 'in-flight') this.trial = 'open';
  }

  /** How many due items the dispatcher may queue now. */
  get dispatchLimit(): number {
    if (this.current.mode === 'ONLINE') return Number.POSITIVE_INFINITY;
    return this.trial === 'open' ? 1 : 0;
  }

  private become(next: ModeState, began?: number): ModeState | undefined {
    const before = this.current;
    if (before.mode === next.mode && sameFault(before.fault, next.fault)) return undefined;
    this.current = next;
    if (next.mode === 'DEGRADED' && before.mode === 'ONLINE') {
      this.trial = 'none';
      this.began = began ?? null;
    }
    return next;
  }
}

function sameFault(a: ChannelFault | null, b: ChannelFault | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.code === b.code && a.httpStatus === b.httpStatus && a.seenIn === b.seenIn;
}

/**
 * What a failed health check says of e-Office. Anything it threw counts: a check that fails
 * in an unforeseen way has still not shown e-Office working.
 */
export function probeFault(error: unknown): Omit<ChannelFault, 'seenIn'> {
  if (isTransientGatewayError(error)) return { kind: error.fault, code: error.code, httpStatus: error.httpStatus };
  if (isPermanentGatewayError(error)) {
    const status = /^HTTP_(\d{3})$/.exec(error.code);
    return { kind: 'FAILING', code: error.code, httpStatus: status ? Number(status[1]) : null };
  }
  const code = (error as { code?: unknown } | null)?.code;
  return { kind: 'UNREACHABLE', code: typeof code === 'string' ? code : 'ERROR', httpStatus: null };
}

/**
 * What a failed delivery says of e-Office: only a transient gateway error is about the
 * channel. An item e-Office refused (permanent) shows it answering; our own failure to prepare
 * an item shows nothing about it.
 */
export function deliveryFault(error: unknown): Omit<ChannelFault, 'seenIn'> | null {
  return isTransientGatewayError(error) ? { kind: error.fault, code: error.code, httpStatus: error.httpStatus } : null;
}
