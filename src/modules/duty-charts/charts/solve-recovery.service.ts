import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../../platform/change';
import { QueueService } from '../../../platform/queue';
import { formatIstDateTime } from '../../../platform/time';
import { AS_SYSTEM } from '../../../platform/workflow';
import { DutyChartSettings, InjectSettings } from '../settings';
import { CHART_ENTITY, SOLVE_HEARTBEAT_MS } from './chart-solve.service';
import { CHART_WORKFLOW } from './chart-states';
import { DutyChart } from './duty-chart.entity';

/** The sweep runs at start and then this often. */
export const SOLVE_SWEEP_MS = 5_000;
/** A SOLVING chart whose heartbeat is older than this has lost its job (5 missed beats). */
export const SOLVE_STALE_MS = 5 * SOLVE_HEARTBEAT_MS;

interface SolvingRow {
  id: string;
  solve_seq: number;
  solve_job_id: string | null;
  started: boolean;
  stale: boolean;
  heartbeat: Date | null;
}

/**
 * A chart never stays in SOLVING: the outbox reconciler's pattern, for solve jobs. At start
 * and every SOLVE_SWEEP_MS, every SOLVING chart is looked at:
 *
 * - its job started but its heartbeat went stale: the job died with its process (killed,
 *   out of memory, the machine lost). The chart leaves SOLVING as INTERRUPTED, with what it
 *   had before, and says so. It is not solved again by itself: a solve that brought the
 *   process down would only bring it down again.
 * - its job never started and is not in the queue (lost with a flushed Redis, or a crash
 *   between the commit and the enqueue): it is queued again under the same job id.
 *
 * A queued job waiting behind other solves, and a running one that beats, are left alone;
 * every instance may sweep, and the guarded update lets one of them act.
 */
@Injectable()
export class SolveRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DutyChartSolveRecovery');
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly queues: QueueService,
    @InjectSettings() private readonly settings: DutyChartSettings,
  ) {}

  onApplicationBootstrap(): void {
    void this.queues.ready.then(() => {
      if (this.stopped) return;
      void this.sweep();
      this.timer = setInterval(() => void this.sweep(), SOLVE_SWEEP_MS);
      this.timer.unref();
    });
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** One pass; returns how many charts were taken out of SOLVING and how many solves queued again. */
  async sweep(): Promise<{ interrupted: number; requeued: number }> {
    const done = { interrupted: 0, requeued: 0 };
    if (this.running || this.stopped) return done;
    this.running = true;
    try {
      const rows: SolvingRow[] = await this.dataSource.query(
        `SELECT id, solve_seq, solve_job_id, solve_heartbeat_at AS heartbeat,
                solve_started_at IS NOT NULL AS started,
                coalesce(solve_heartbeat_at, solve_requested_at, updated_at) < now() - make_interval(secs => $1) AS stale
           FROM duty_chart WHERE status = 'SOLVING'`,
        [this.staleMs() / 1000],
      );
      for (const row of rows) {
        if (!row.stale) continue;
        if (row.started) {
          if (await this.interrupt(row)) done.interrupted++;
        } else if (await this.requeueIfLost(row)) done.requeued++;
      }
    } catch (e) {
      if (!this.stopped) this.logger.warn(`solve sweep failed: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
    if (done.interrupted + done.requeued > 0) this.logger.warn(done);
    return done;
  }

  /** Inline solves block the event loop (no heartbeat) for up to the time limit. */
  private staleMs(): number {
    return this.settings.solveInThread
      ? SOLVE_STALE_MS
      : SOLVE_STALE_MS + this.settings.solveTimeLimitSeconds * 1000;
  }

  private interrupt(row: SolvingRow): Promise<boolean> {
    return this.uow.run(async (change) => {
      const { em } = change;
      // Still SOLVING at the same seq and still stale, under the row lock: a live job's
      // next beat waits for this and then finds the chart no longer its own.
      const still: unknown[] = await em.query(
        `SELECT id FROM duty_chart
          WHERE id = $1 AND status = 'SOLVING' AND solve_seq = $2
            AND solve_heartbeat_at < now() - make_interval(secs => $3)
          FOR UPDATE`,
        [row.id, row.solve_seq, this.staleMs() / 1000],
      );
      if (still.length === 0) return false;
      const chart = await em.findOneByOrFail(DutyChart, { id: row.id });
      const message = `the solve was interrupted: the server running it stopped (last heard from at ${formatIstDateTime(row.heartbeat ?? new Date())}); the chart is as it was before the solve was asked for; solve again`;
      Object.assign(chart, {
        status: CHART_WORKFLOW.next(chart.status, 'interrupted', AS_SYSTEM, chart),
        solveResult: 'FAILED',
        solveEnded: 'INTERRUPTED',
        solveNote: message,
        solveErrors: [message],
        solvedAt: new Date(),
      });
      await em.save(chart);
      change.audit({
        action: 'duty_chart.solve-interrupted',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: { seq: row.solve_seq, jobId: row.solve_job_id, lastHeartbeat: row.heartbeat },
      });
      return true;
    });
  }

  /** The job is gone (or finished without starting the solve): queue it again, as the solve request did. */
  private async requeueIfLost(row: SolvingRow): Promise<boolean> {
    const jobId = row.solve_job_id ?? `solve-${row.id}-${row.solve_seq}`;
    const job = await this.queues.queue('duty-solve').getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (!['missing', 'unknown', 'completed', 'failed'].includes(state)) return false;
    if (job) await job.remove().catch(() => undefined);
    await this.queues.enqueue(
      'duty-chart-solve',
      { chartId: row.id, seq: row.solve_seq },
      { jobId },
    );
    return true;
  }
}
