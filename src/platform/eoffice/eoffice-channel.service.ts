import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { BrokenCircuitError, circuitBreaker, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { DataSource } from 'typeorm';
import { TransactionService } from '../database/transaction.service';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { affectedRows } from '../database/affected-rows';
import { DiarisationRequest, DiarisationResult, EOFFICE_GATEWAY, EofficeGateway, isTransientGatewayError } from './gateway';

export type SystemMode = 'ONLINE' | 'DEGRADED';

/**
 * The gateway behind a circuit breaker. Repeated channel failures open it: the system is
 * DEGRADED, deliveries pause, and a probe runs every EOFFICE_PROBE_INTERVAL_SECONDS until
 * e-Office answers again. Mode changes are stored (one row, shared by all instances) and audited.
 */
@Injectable()
export class EofficeChannel implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EofficeChannel');
  private readonly breaker: CircuitBreakerPolicy;
  private probeTimer?: NodeJS.Timeout;
  private mode: SystemMode = 'ONLINE';

  constructor(
    @Inject(EOFFICE_GATEWAY) private readonly gateway: EofficeGateway,
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.breaker = circuitBreaker(handleWhen(isTransientGatewayError), {
      halfOpenAfter: config.EOFFICE_PROBE_INTERVAL_SECONDS * 1000,
      breaker: new ConsecutiveBreaker(config.EOFFICE_BREAKER_FAILURES),
    });
  }

  async onModuleInit(): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT mode FROM system_mode`);
    this.mode = row?.mode ?? 'ONLINE';
    this.breaker.onBreak((reason) => {
      const why = 'error' in reason ? String((reason.error as Error).message) : 'isolated';
      void this.setMode('DEGRADED', `e-Office unreachable: ${why}`);
    });
    this.breaker.onReset(() => void this.setMode('ONLINE', 'e-Office answered again'));
    this.probeTimer = setInterval(() => void this.probe(), this.config.EOFFICE_PROBE_INTERVAL_SECONDS * 1000);
    this.probeTimer.unref();
    // A restart while DEGRADED must not wait a whole interval to find out e-Office is back.
    if (this.mode === 'DEGRADED') void this.probe();
  }

  onApplicationShutdown(): void {
    clearInterval(this.probeTimer);
    void this.gateway.close();
  }

  /** True while deliveries should pause. */
  get isOpen(): boolean {
    return this.breaker.state === CircuitState.Open || this.breaker.state === CircuitState.Isolated;
  }

  get currentMode(): SystemMode {
    return this.mode;
  }

  get channelName(): string {
    return this.gateway.channel;
  }

  /** Throws BrokenCircuitError without calling e-Office while the breaker is open. */
  diarise(request: DiarisationRequest): Promise<DiarisationResult> {
    return this.breaker.execute(() => this.gateway.diarise(request));
  }

  async probe(): Promise<void> {
    if (this.breaker.state === CircuitState.Closed && this.mode === 'ONLINE') return;
    try {
      await this.breaker.execute(() => this.gateway.probe());
      await this.setMode('ONLINE', 'probe succeeded');
    } catch (e) {
      if (!(e instanceof BrokenCircuitError)) this.logger.debug(`probe failed: ${(e as Error).message}`);
    }
  }

  private async setMode(mode: SystemMode, reason: string): Promise<void> {
    if (this.mode === mode) return;
    this.mode = mode;
    try {
      await this.tx.run(async (em) => {
        const changed = await em.query(
          `UPDATE system_mode SET mode = $1, since = now(), reason = $2 WHERE mode <> $1 RETURNING since`,
          [mode, reason],
        );
        if (affectedRows(changed) === 0) return;
        await this.audit.record(em, { action: 'system.mode_changed', entityType: 'system_mode', entityId: 'eoffice', diff: { mode, reason } });
      });
      this.logger.warn(`system mode ${mode}: ${reason}`);
    } catch (e) {
      this.logger.error(`could not record system mode ${mode}: ${(e as Error).message}`);
    }
  }
}
