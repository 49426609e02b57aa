import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { QueueService } from '../../queue/queue.service';
import { EofficeChannel } from '../eoffice-channel.service';
import { returnedRows } from '../../database/affected-rows';
import { claimLeaseMs } from './claim-lease';
import { DeliveryJobData, deliveryBatchSize } from './delivery-batch';
import { DUE_AFTER_OUTAGE, ELIGIBLE_DUE_ROWS, TRIAL_ROW } from './eligible-rows.sql';
import { InstanceLiveness } from './instance-liveness';

/** How often the jobs this instance queued are looked for in the queue. */
export const LOST_JOB_CHECK_MS = 2_000;
/** A job queued this long ago that the queue no longer has, and whose row is still due, was lost. */
const LOST_AFTER_MS = 1_000;
/** Jobs looked up per check, oldest first: a lost one becomes the oldest soon enough. */
const LOST_JOB_SAMPLE = 20;
/** The database's notice, at the commit of every statement that adds outbox rows (migration 1796123800800). */
export const OUTBOX_ARRIVED_CHANNEL = 'eoffice_outbox_arrived';
/** Notices and finished jobs this close together make one dispatch. */
const NUDGE_COALESCE_MS = 10;

/**
 * Moves due outbox rows into the `eoffice` queue, a batch of them per job (delivery-batch.ts).
 * An instance never has a row in two unfinished jobs of its own, and the jobId is the batch's
 * first row, this instance's key and a count (`jobIdFor`), so neither a stale job of a dead
 * process (still "active" in Redis or PostgreSQL until BullMQ notices the stall) nor a finished
 * one not yet removed blocks the row being queued again; the claim on the row (see the worker)
 * keeps any two jobs from sending it twice.
 *
 * - The dispatch queues what the drain rate can take, skipping rows this instance has queued
 *   and not yet seen finished. It runs the moment rows are committed (the database's notice,
 *   heard by every instance), when a finished job leaves less than a tick's worth queued, and
 *   every EOFFICE_DISPATCH_INTERVAL_MS, for rows whose retry time has come and notices missed.
 * - The reconciler runs at start, the moment e-Office is back, and every
 *   EOFFICE_RECONCILE_INTERVAL_SECONDS: it queues every due row, including those a crashed
 *   process left claimed (its claim died with it).
 * - The lost-job check, every LOST_JOB_CHECK_MS, asks the queue for the oldest jobs this
 *   instance queued: those it no longer has (a flushed Redis, jobs lost on PostgreSQL) are
 *   forgotten, so the next dispatch queues their rows again within seconds.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private timers: NodeJS.Timeout[] = [];
  /** Rows this instance queued and has not yet seen finished: when, and the job that carries them. */
  private readonly queued = new Map<string, { at: number; jobId: string }>();
  /** Jobs this instance has queued since it started: the last part of their ids. */
  private jobsQueued = 0;
  private running = false;
  private checking = false;
  /** A dispatch is wanted soon (rows arrived, or the queue ran low). */
  private nudge?: NodeJS.Timeout;
  private started = false;
  private stopped = false;
  private readonly leaseMs: number;
  /** Rows per delivery job. */
  private readonly batchSize: number;
  /** Rows the drain rate takes in one dispatch interval. */
  private readonly perTick: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly channel: EofficeChannel,
    private readonly liveness: InstanceLiveness,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.leaseMs = claimLeaseMs(channel.callDeadlineMs);
    this.batchSize = deliveryBatchSize(config.EOFFICE_DRAIN_PER_SECOND, config.EOFFICE_CONCURRENCY);
    this.perTick = Math.max(25, Math.ceil((config.EOFFICE_DRAIN_PER_SECOND * config.EOFFICE_DISPATCH_INTERVAL_MS) / 1000));
  }

  onApplicationBootstrap(): void {
    // e-Office back (or a trial allowed): drain now, not at the next tick.
    this.channel.onAdmission(({ outageBegan }) => {
      if (!this.started) return;
      if (outageBegan === null) {
        void this.dispatch();
        return;
      }
      // Allowing for the app's and the database's clocks to differ a little.
      const since = new Date(outageBegan.getTime() - 2_000);
      void this.dataSource
        .query(DUE_AFTER_OUTAGE, [since])
        .catch((e: Error) => this.logger.warn(`could not make items due after the outage: ${e.message}`))
        .then(() => this.reconcile());
    });
    this.liveness.listen(OUTBOX_ARRIVED_CHANNEL, () => this.dispatchSoon());
    void this.queues.ready.then(() => {
      if (this.stopped) return;
      this.started = true;
      void this.reconcile();
      this.timers.push(setInterval(() => void this.dispatch(), this.config.EOFFICE_DISPATCH_INTERVAL_MS));
      this.timers.push(setInterval(() => void this.reconcile(), this.config.EOFFICE_RECONCILE_INTERVAL_SECONDS * 1000));
      this.timers.push(setInterval(() => void this.checkForLostJobs(), LOST_JOB_CHECK_MS));
      this.timers.forEach((t) => t.unref());
    });
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    clearTimeout(this.nudge);
  }

  /** A dispatch within NUDGE_COALESCE_MS, one for any number of calls in between. */
  private dispatchSoon(): void {
    if (!this.started || this.stopped || this.nudge) return;
    this.nudge = setTimeout(() => {
      this.nudge = undefined;
      // One under way has read the due rows already: the next one is wanted after it.
      if (this.running) this.dispatchSoon();
      else void this.dispatch();
    }, NUDGE_COALESCE_MS);
    this.nudge.unref();
  }

  /**
   * Tops the queue up to two ticks of what the drain rate can take. While this instance still
   * has a tick's worth queued it looks for nothing: finding due rows reads every row it has
   * queued again, a cost paid for nothing while a backlog drains.
   */
  dispatch(): Promise<number> {
    if (this.queued.size >= this.perTick) return Promise.resolve(0);
    return this.enqueueDue(this.perTick * 2 - this.queued.size);
  }

  reconcile(): Promise<number> {
    return this.enqueueDue(100_000);
  }

  /** The worker calls this when a job for the rows has finished, whatever the outcomes. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.queued.delete(id);
    // Topped up as the queue runs low, not at the next tick: the slots would stand idle till then.
    if (this.queued.size < this.perTick) this.dispatchSoon();
  }

  /**
   * The queue's jobId for a batch queued by this instance: its first row, the instance's key and
   * the dispatch's own count. The count matters: a finished job stays in the queue for a moment
   * after its worker let go of its rows, and a new job under its id would be dropped without a
   * word (the queue keeps one job per id), leaving its rows to the lost-job check.
   */
  private jobIdFor(firstOutboxId: string, key: number): string {
    this.jobsQueued += 1;
    return `${firstOutboxId}.${key}.${this.jobsQueued}`;
  }

  /**
   * Forgets the rows whose job the queue no longer holds, so the next dispatch queues them
   * again. Returns how many were lost.
   */
  async checkForLostJobs(): Promise<number> {
    const key = this.liveness.key;
    if (this.checking || this.stopped || key === null) return 0;
    this.checking = true;
    try {
      const before = Date.now() - LOST_AFTER_MS;
      // The map keeps insertion order, and an entry's time is when it was inserted: oldest first.
      const oldest: Array<[string, { at: number; jobId: string }]> = [];
      for (const entry of this.queued) {
        if (entry[1].at >= before || oldest.length === LOST_JOB_SAMPLE) break;
        oldest.push(entry);
      }
      if (oldest.length === 0) return 0;
      const queue = this.queues.queue('eoffice');
      const jobIds = [...new Set(oldest.map(([, q]) => q.jobId))];
      const states = new Map(await Promise.all(jobIds.map(async (jobId) => [jobId, await queue.getJobState(jobId)] as const)));
      const missing = oldest.filter(([, q]) => ['unknown', 'completed', 'failed'].includes(states.get(q.jobId)!)).map(([id]) => id);
      if (missing.length === 0) return 0;
      // Missing and done (another instance's worker may have run it) is no loss; missing and still due is.
      const stillDue: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM eoffice_outbox WHERE id = ANY($1::uuid[]) AND status = 'PENDING' AND next_attempt_at <= now()`,
        [missing],
      );
      missing.forEach((id) => this.queued.delete(id));
      const lost = stillDue.length;
      if (lost === 0) return 0;
      // Most of the oldest lost at once: the queue lost its state (a flush); every older entry is suspect.
      if (lost * 2 > oldest.length) for (const [id, q] of this.queued) if (q.at < before) this.queued.delete(id);
      this.logger.warn(`the queue lost ${lost} of the ${oldest.length} oldest e-Office jobs looked for; queueing their rows again`);
      await this.dispatch();
      return lost;
    } catch (e) {
      if (!this.stopped) this.logger.warn(`lost-job check failed: ${(e as Error).message}`);
      return 0;
    } finally {
      this.checking = false;
    }
  }

  /** Due rows, `limit` more than this instance has in jobs (those are among them and are left out). */
  private dueRows(limit: number): Promise<Array<{ id: string }>> {
    return this.dataSource.query(ELIGIBLE_DUE_ROWS, [limit + this.queued.size, this.leaseMs]);
  }

  private async trialRow(): Promise<Array<{ id: string }>> {
    return returnedRows<{ id: string }>(await this.dataSource.query(TRIAL_ROW, [this.leaseMs])).slice(0, 1);
  }

  private async enqueueDue(limit: number): Promise<number> {
    // DEGRADED: deliveries pause (but for a trial); the channel says when they resume.
    const allowed = Math.min(limit, this.channel.dispatchLimit);
    const key = this.liveness.key;
    if (this.running || this.stopped || allowed <= 0 || key === null) return 0;
    this.running = true;
    try {
      const now = Date.now();
      const rows =
        this.channel.currentMode === 'DEGRADED'
          ? await this.trialRow()
          : await this.dueRows(allowed);
      // Not the rows this instance already has in a job: its job will send them.
      const fresh = rows.map(({ id }) => id).filter((id) => !this.queued.has(id)).slice(0, allowed);
      if (fresh.length === 0) return 0;
      // Spread over the in-flight slots first: a few rows go one to a job, side by side, so a
      // slow receiver answers them together rather than one after another.
      const size = Math.min(this.batchSize, Math.ceil(fresh.length / this.config.EOFFICE_CONCURRENCY));
      const batches: string[][] = [];
      for (let i = 0; i < fresh.length; i += size) batches.push(fresh.slice(i, i + size));
      const jobs = batches.map((outboxIds) => {
        const jobId = this.jobIdFor(outboxIds[0]!, key);
        for (const id of outboxIds) this.queued.set(id, { at: now, jobId });
        const data: DeliveryJobData = { outboxIds };
        // Removed when done, so a row can be queued again (in a batch of any shape) for its next attempt.
        return { name: 'eoffice-deliver', data, opts: { jobId, removeOnComplete: true, removeOnFail: true, attempts: 1 } };
      });
      try {
        await this.queues.queue('eoffice').addBulk(jobs);
      } catch (e) {
        // Nothing of it may have been queued: the rows are due for the next dispatch.
        this.forget(fresh);
        throw e;
      }
      return fresh.length;
    } catch (e) {
      if (!this.stopped) this.logger.warn(`dispatch failed: ${(e as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
