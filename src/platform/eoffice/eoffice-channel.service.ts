import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionService } from '../database/transaction.service';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { ChannelFault, ChannelHealth, ChannelHealthSettings, deliveryFault, ModeState, probeFault, SystemMode } from './channel-health';
import { modeReason } from './channel-mode-text';
import { ChannelFaultKind, DiarisationRequest, DiarisationResult, EOFFICE_GATEWAY, EofficeGateway, TransientGatewayError } from './gateway';

export type { SystemMode } from './channel-health';

interface ModeRow {
  mode: SystemMode;
  fault: ChannelFaultKind | null;
  fault_code: string | null;
  http_status: number | null;
  fault_seen_in: 'probe' | 'deliveries' | null;
}

/**
 * The gateway, watched. e-Office's health is checked every EOFFICE_PROBE_INTERVAL_SECONDS in
 * both modes (and at once at boot, and at once when a delivery fails), and every delivery's
 * outcome is noted; `ChannelHealth` turns what was seen into the system mode, so the mode
 * follows e-Office within one probe interval both ways, with or without a backlog. While
 * DEGRADED, deliveries pause; a passed health check resumes them. The mode, with what is wrong
 * in English and Hindi, is one stored row shared by all instances, and every change is audited.
 */
@Injectable()
export class EofficeChannel implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EofficeChannel');
  private health: ChannelHealth;
  private readonly settings: ChannelHealthSettings;
  private readonly probeIntervalMs: number;
  /** A failed check is checked again this soon before it counts, so one lost packet never flips the mode. */
  private readonly confirmAfterMs: number;
  /** Early checks (after a failed delivery) are at least this far apart. */
  private readonly earlyProbeGapMs: number;
  /** No gateway call may take longer: the adapters' own limits, with room for a slow body. */
  readonly callDeadlineMs: number;
  private probeTimer?: NodeJS.Timeout;
  private probing?: Promise<void>;
  private lastProbeStartedAt = Number.NEGATIVE_INFINITY;
  private lastCheckedAt: Date | null = null;
  private stopped = false;
  private writes: Promise<void> = Promise.resolve();
  private readonly admissionListeners: Array<(resumed: { outageBegan: Date | null }) => void> = [];

  constructor(
    @Inject(EOFFICE_GATEWAY) private readonly gateway: EofficeGateway,
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.probeIntervalMs = config.EOFFICE_PROBE_INTERVAL_SECONDS * 1000;
    this.confirmAfterMs = Math.min(1000, this.probeIntervalMs / 10);
    this.earlyProbeGapMs = Math.min(this.probeIntervalMs, Math.max(1000, this.probeIntervalMs / 4));
    this.callDeadlineMs = 2 * config.EOFFICE_TIMEOUT_MS + 5000;
    this.settings = { probeIntervalMs: this.probeIntervalMs, deliveryFailures: config.EOFFICE_BREAKER_FAILURES };
    this.health = new ChannelHealth(this.settings, { mode: 'ONLINE', fault: null });
  }

  async onModuleInit(): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT mode, since, fault, fault_code, http_status, fault_seen_in FROM system_mode`)) as Array<ModeRow & { since: Date }>;
    const fault: ChannelFault | null =
      row?.mode === 'DEGRADED' && row.fault
        ? { kind: row.fault, code: row.fault_code ?? row.fault, httpStatus: row.http_status, seenIn: row.fault_seen_in ?? 'probe' }
        : null;
    // Until the first check answers, the stored mode is the best guess; a DEGRADED one of
    // unknown cause (stored before causes were) is the health check's to clear.
    this.health = new ChannelHealth(
      this.settings,
      {
        mode: row?.mode ?? 'ONLINE',
        fault: row?.mode === 'DEGRADED' ? (fault ?? { kind: 'UNREACHABLE', code: 'UNKNOWN', httpStatus: null, seenIn: 'probe' }) : null,
        since: row?.since ? new Date(row.since).getTime() : undefined,
      },
    );
    // The stored mode is as old as the last process: check at once, not an interval later.
    this.scheduleProbe(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
    void this.gateway.close();
  }

  /**
   * Called whenever deliveries may start again: the mode turned ONLINE (with when the outage
   * began) or a trial is allowed (`outageBegan` null). The dispatcher queues at once.
   */
  onAdmission(listener: (resumed: { outageBegan: Date | null }) => void): void {
    this.admissionListeners.push(listener);
  }

  private admitted(outageBegan: number | null): void {
    const resumed = { outageBegan: outageBegan === null ? null : new Date(outageBegan) };
    for (const listener of this.admissionListeners) listener(resumed);
  }

  get currentMode(): SystemMode {
    return this.health.mode;
  }

  get state(): ModeState {
    return this.health.state;
  }

  /** When this instance last had an answer (or none) from e-Office's health check. */
  get checkedAt(): Date | null {
    return this.lastCheckedAt;
  }

  get channelName(): string {
    return this.gateway.channel;
  }

  /** How many due items may be queued now: all while ONLINE, one trial or none while DEGRADED. */
  get dispatchLimit(): number {
    return this.health.dispatchLimit;
  }

  /** May this delivery start now? A caller admitted with nothing to send calls `withdraw()`. */
  admit(): boolean {
    return this.health.admit();
  }

  withdraw(): void {
    this.health.withdraw();
  }

  /** One delivery, its outcome noted for the mode. Never outlasts `callDeadlineMs`. */
  async diarise(request: DiarisationRequest): Promise<DiarisationResult> {
    let result: DiarisationResult;
    try {
      result = await this.withinDeadline(this.gateway.diarise(request));
    } catch (e) {
      const fault = deliveryFault(e);
      if (!fault) {
        // The item's own problem: nothing learnt about e-Office; a trial may go again.
        this.health.withdraw();
        throw e;
      }
      const seen = this.health.deliveryFailed(fault, Date.now());
      if (seen.state) this.record(seen.state);
      if (seen.probeNow) this.probeSoon();
      throw e;
    }
    const change = this.health.delivered(Date.now());
    if (change) this.record(change);
    return result;
  }

  /** Checks e-Office's health now (unless a check ran moments ago), then every interval from now. */
  probeSoon(): void {
    if (Date.now() - this.lastProbeStartedAt < this.earlyProbeGapMs) return;
    this.scheduleProbe(0);
  }

  /** One probe cycle now; resolves when it is done and its outcome noted (tests, boot). */
  async probe(): Promise<void> {
    this.probing ??= this.probeCycle().finally(() => (this.probing = undefined));
    await this.probing;
  }

  private scheduleProbe(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      void this.probe().then(() => {
        if (this.stopped) return;
        this.scheduleProbe(Math.max(0, this.lastProbeStartedAt + this.probeIntervalMs - Date.now()));
      });
    }, delayMs);
    this.probeTimer.unref();
  }

  private async probeCycle(): Promise<void> {
    const startedAt = Date.now();
    this.lastProbeStartedAt = startedAt;
    let failure = await this.check();
    if (failure && this.health.mode === 'ONLINE' && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, this.confirmAfterMs).unref());
      failure = await this.check();
    }
    this.lastCheckedAt = new Date();
    if (this.stopped) return;
    if (!failure) {
      const change = this.health.probePassed();
      if (change) this.record(change);
      if (!change && this.health.dispatchLimit > 0 && this.health.mode === 'DEGRADED') this.admitted(null);
      return;
    }
    this.logger.debug(`health check failed: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`);
    const change = this.health.probeFailed(probeFault(failure.error), startedAt);
    if (change) this.record(change);
  }

  private async check(): Promise<{ error: unknown } | undefined> {
    try {
      await this.withinDeadline(this.gateway.probe());
      return undefined;
    } catch (error) {
      return { error };
    }
  }

  private withinDeadline<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransientGatewayError('DEADLINE', `e-Office did not answer within ${this.callDeadlineMs} ms`, { fault: 'UNREACHABLE' })),
        this.callDeadlineMs,
      );
      timer.unref();
    });
    return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
  }

  /** Stores the new mode (in order of the changes) and audits it. */
  private record(state: ModeState): void {
    const outageBegan = this.health.lastOutageBegan;
    if (state.mode === 'ONLINE') this.admitted(outageBegan);
    this.writes = this.writes.then(() => this.write(state, outageBegan));
  }

  private async write(state: ModeState, outageBegan: number | null): Promise<void> {
    if (this.stopped) return;
    const reason = modeReason(state);
    const f = state.fault;
    try {
      await this.tx.run(async (em) => {
        const [before] = (await em.query(`SELECT mode, fault, fault_code, http_status, fault_seen_in FROM system_mode FOR UPDATE`)) as ModeRow[];
        const same =
          before &&
          before.mode === state.mode &&
          before.fault === (f?.kind ?? null) &&
          before.fault_code === (f?.code ?? null) &&
          before.http_status === (f?.httpStatus ?? null) &&
          before.fault_seen_in === (f?.seenIn ?? null);
        if (same) return; // another instance saw the same and said so
        await em.query(
          `UPDATE system_mode SET mode = $1, since = CASE WHEN mode <> $1 THEN now() ELSE since END, reason = $2, reason_hi = $3,
             fault = $4, fault_code = $5, http_status = $6, fault_seen_in = $7`,
          [state.mode, reason.en, reason.hi, f?.kind ?? null, f?.code ?? null, f?.httpStatus ?? null, f?.seenIn ?? null],
        );
        await this.noteOutage(em, before?.mode ?? 'ONLINE', state, outageBegan);
        const diff = { mode: state.mode, reason: reason.en, fault: f?.kind ?? null, httpStatus: f?.httpStatus ?? null };
        await this.audit.record(em, {
          action: before?.mode === state.mode ? 'system.mode_reason_changed' : 'system.mode_changed',
          entityType: 'system_mode',
          entityId: 'eoffice',
          diff,
        });
      });
      this.logger.warn(`system mode ${state.mode}: ${reason.en}`);
    } catch (e) {
      if (!this.stopped) this.logger.error(`could not record system mode ${state.mode}: ${(e as Error).message}`);
    }
  }

  /**
   * The outage history beside the mode, in the same transaction: a spell opens when the mode
   * turns DEGRADED (from when the failing began, not when it was confirmed) and closes when it
   * turns ONLINE. The row lock on system_mode orders instances, and the one-open index keeps a
   * second instance that saw the same from opening another.
   */
  private async noteOutage(em: EntityManager, before: SystemMode, state: ModeState, outageBegan: number | null): Promise<void> {
    if (before === 'ONLINE' && state.mode === 'DEGRADED') {
      await em.query(
        `INSERT INTO eoffice_outage (began_at, fault) VALUES (least(now(), coalesce($1::timestamptz, now())), $2)
         ON CONFLICT ((true)) WHERE ended_at IS NULL DO NOTHING`,
        [outageBegan === null ? null : new Date(outageBegan), state.fault?.kind ?? null],
      );
    } else if (before === 'DEGRADED' && state.mode === 'ONLINE') {
      await em.query(`UPDATE eoffice_outage SET ended_at = greatest(now(), began_at) WHERE ended_at IS NULL`);
    }
  }
}
