import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { QueueService } from '../../queue/queue.service';
import { EofficeChannel } from '../eoffice-channel.service';
import { ELIGIBLE_DUE_ROWS } from './eligible-rows.sql';

/**
 * Moves due outbox rows into the `eoffice` queue with jobId = outbox id, so a row is never
 * queued twice at once. The dispatcher does small batches often; the reconciler does a full
 * pass at start and every EOFFICE_RECONCILE_INTERVAL_SECONDS, so rows whose job was lost
 * (a flushed Redis, a crash between commit and enqueue) are picked up again.
 */
const RECENT_MS = 5 * 60_000;

@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private timers: NodeJS.Timeout[] = [];
  /**
   * Rows this instance queued recently. The frequent dispatch skips them so it does not ask
   * the queue to deduplicate the same ids every tick; the reconciler ignores this and lets
   * the queue's jobId do the deduplication, so a lost job is picked up within a minute.
   */
  private readonly recentlyQueued = new Map<string, number>();
  private running = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly channel: EofficeChannel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.queues.ready.then(() => {
      if (this.stopped) return;
      void this.reconcile();
      this.timers.push(setInterval(() => void this.dispatch(), this.config.EOFFICE_DISPATCH_INTERVAL_MS));
      this.timers.push(setInterval(() => void this.reconcile(), this.config.EOFFICE_RECONCILE_INTERVAL_SECONDS * 1000));
      this.timers.forEach((t) => t.unref());
    });
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.timers.forEach(clearInterval);
  }

  /** A batch sized to what the drain rate can take before the next tick (with headroom). */
  dispatch(): Promise<number> {
    const perTick = Math.ceil((this.config.EOFFICE_DRAIN_PER_SECOND * this.config.EOFFICE_DISPATCH_INTERVAL_MS) / 1000);
    return this.enqueueDue(Math.max(50, perTick * 2), true);
  }

  reconcile(): Promise<number> {
    return this.enqueueDue(100_000, false);
  }

  /** The worker calls this when a job for the row has finished, whatever the outcome. */
  forget(id: string): void {
    this.recentlyQueued.delete(id);
  }

  private async enqueueDue(limit: number, skipRecent: boolean): Promise<number> {
    // DEGRADED: deliveries pause; the channel's probe decides when they resume.
    if (this.running || this.stopped || this.channel.isOpen) return 0;
    this.running = true;
    try {
      const now = Date.now();
      for (const [id, at] of this.recentlyQueued) if (now - at > RECENT_MS) this.recentlyQueued.delete(id);
      const due: Array<{ id: string }> = await this.dataSource.query(ELIGIBLE_DUE_ROWS, [limit + (skipRecent ? this.recentlyQueued.size : 0)]);
      const rows = skipRecent ? due.filter((r) => !this.recentlyQueued.has(r.id)).slice(0, limit) : due;
      if (rows.length === 0) return 0;
      for (const { id } of rows) this.recentlyQueued.set(id, now);
      await this.queues.queue('eoffice').addBulk(
        rows.map(({ id }) => ({
          name: 'eoffice-deliver',
          data: { outboxId: id },
          // Removed when done, so the same row can be queued again for its next attempt.
          opts: { jobId: id, removeOnComplete: true, removeOnFail: true, attempts: 1 },
        })),
      );
      return rows.length;
    } catch (e) {
      if (!this.stopped) this.logger.warn(`dispatch failed: ${(e as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
