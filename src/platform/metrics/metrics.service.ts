import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { JobType } from 'bullmq';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OUTBOX_STATUSES } from '../eoffice';
import { QueueService } from '../queue';
import { EOFFICE_MODES, OpsSnapshot, readOpsSnapshot } from './ops-snapshot';

/** The queue states that make a queue's depth; completed jobs are history, not depth. */
const DEPTH_STATES: JobType[] = [
  'waiting',
  'prioritized',
  'delayed',
  'active',
  'waiting-children',
  'failed',
];

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * The app's Prometheus metrics, in a registry of their own (not prom-client's global one, so
 * nothing else in the process adds to them, and each test app starts from zero).
 *
 * Two kinds: what this instance saw (HTTP latency, job run times, the process's own figures)
 * and what the database holds (outbox, e-Office mode, notifications, solves, queue depths),
 * read when Prometheus scrapes, so they are the same on every instance.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  private readonly logger = new Logger('Metrics');
  private readonly registry = new Registry();
  private readonly expectedToken: Buffer | undefined;
  /** The database's figures for the scrape in progress; every gauge of it waits for the same read. */
  private snapshot: Promise<OpsSnapshot> = Promise.resolve({});
  private queueCounts: Promise<
    Array<{ queue: string; counts: Record<string, number> } | undefined>
  > = Promise.resolve([]);

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template (never the URL) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'Run time of the jobs this instance ran, by queue, job and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    // Up to the duty-chart solver's time limits.
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: DataSource,
    private readonly queues: QueueService,
  ) {
    this.expectedToken = config.METRICS_TOKEN ? sha256(config.METRICS_TOKEN) : undefined;
    collectDefaultMetrics({ register: this.registry });
    this.databaseGauges();
  }

  onModuleInit(): void {
    if (this.enabled)
      this.queues.observeRuns((run) =>
        this.jobDuration.observe(
          { queue: run.queue, job: run.job, outcome: run.outcome },
          run.seconds,
        ),
      );
  }

  /** Metrics are off (and /metrics answers 404) unless METRICS_TOKEN is set. */
  get enabled(): boolean {
    return this.expectedToken !== undefined;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Whether an Authorization header carries the token; compared in constant time (of equal-length digests). */
  authorised(authorization: string | undefined): boolean {
    if (!this.expectedToken) return false;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match !== null && timingSafeEqual(sha256(match[1]!), this.expectedToken);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** The exposition text; the database is read once for all the gauges of this scrape. */
  async render(): Promise<string> {
    const failed = (part: string, err: unknown) =>
      this.logger.debug(`scrape: ${part} not read: ${(err as Error).message}`);
    this.snapshot = readOpsSnapshot(this.db, failed);
    this.queueCounts = Promise.all(
      this.queues.allQueues().map((q) =>
        q.getJobCounts(...DEPTH_STATES).then(
          (counts) => ({ queue: q.name, counts }),
          (err: unknown) => void failed(`queue ${q.name}`, err),
        ),
      ),
    );
    return this.registry.metrics();
  }

  /**
   * Gauges set when scraped. Each starts empty, so a part that could not be read is missing
   * from the scrape rather than repeating the last figure; a gauge without labels cannot be
   * missing in prom-client, so it reads NaN (unknown) instead.
   */
  private databaseGauges(): void {
    const gauge = <L extends string>(
      name: string,
      help: string,
      labelNames: readonly L[],
      fill: (g: Gauge<L>, s: OpsSnapshot) => void,
    ) => {
      const g: Gauge<L> = new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect: async () => {
          g.reset();
          fill(g, await this.snapshot);
        },
      });
    };

    gauge('eoffice_outbox_backlog', 'e-Office outbox rows by status', ['status'], (g, s) => {
      if (!s.outbox) return;
      for (const status of OUTBOX_STATUSES) g.set({ status }, s.outbox.byStatus[status] ?? 0);
    });
    gauge(
      'eoffice_outbox_oldest_pending_age_seconds',
      'Age of the oldest PENDING outbox row (0 when none waits)',
      [],
      (g, s) => {
        g.set(s.outbox?.oldestPendingSeconds ?? NaN);
      },
    );
    gauge(
      'eoffice_outbox_delivery_failures',
      'Outbox rows whose delivery failed: retrying (PENDING, tried at least once) or gave_up (FAILED, waiting for a person)',
      ['state'],
      (g, s) => {
        if (!s.outbox) return;
        g.set({ state: 'retrying' }, s.outbox.retrying);
        g.set({ state: 'gave_up' }, s.outbox.byStatus.FAILED ?? 0);
      },
    );
    gauge('eoffice_mode', 'The e-Office mode: 1 for the current one', ['mode'], (g, s) => {
      if (s.mode === undefined || s.mode === null) return;
      for (const mode of new Set<string>([...EOFFICE_MODES, s.mode]))
        g.set({ mode }, mode === s.mode ? 1 : 0);
    });
    gauge(
      'notification_messages',
      'SMS and e-mails by channel and status (SENT, FAILED, PENDING, KEPT_IN_SINK)',
      ['channel', 'status'],
      (g, s) => {
        for (const r of s.notifications ?? [])
          g.set({ channel: r.channel, status: r.status }, r.count);
      },
    );
    gauge(
      'duty_chart_solves',
      'Duty-chart versions by how their last solve ended',
      ['ended'],
      (g, s) => {
        for (const [ended, count] of Object.entries(s.solves?.byEnding ?? {}))
          g.set({ ended }, count);
      },
    );
    gauge(
      'duty_chart_last_solve_seconds',
      'Wall time of the most recent duty-chart solve to end (NaN before the first)',
      [],
      (g, s) => {
        g.set(s.solves?.lastSeconds ?? NaN);
      },
    );

    const depth: Gauge<'queue' | 'state'> = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each queue by state (its depth: waiting, prioritized, delayed, active, waiting-children; and failed jobs kept)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        depth.reset();
        for (const q of await this.queueCounts) {
          if (!q) continue;
          for (const [state, count] of Object.entries(q.counts))
            depth.set({ queue: q.queue, state }, count);
        }
      },
    });
  }
}
