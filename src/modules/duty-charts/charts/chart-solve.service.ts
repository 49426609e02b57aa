import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { UnitOfWork } from '../../../platform/change';
import { JobHandler } from '../../../platform/queue';
import { Bandobast } from '../bandobast/bandobast.entity';
import { checkDutyChart } from '../checker';
import { DutySolutionOf, shortPostsOf, solvedNote, toChartShortfalls } from './chart-shortfalls';
import { AS_SYSTEM } from '../../../platform/workflow';
import { CHART_WORKFLOW } from './chart-states';
import { DutyChart } from './duty-chart.entity';
import { BuiltInstance, InstanceBuilder } from './instance-builder';
import { SolveFailure, SolverRun, SolveStopped, startSolver } from './solve-runner';
import { RollCheck } from '../solver';
import { DutyChartSettings, InjectSettings } from '../settings';

export const CHART_ENTITY = 'duty_chart';

export interface SolveJobData {
  chartId: string;
  seq: number;
}

/** The running job refreshes the chart's heartbeat this often (and sees a cancel within it). */
export const SOLVE_HEARTBEAT_MS = 2_000;
/** Kept back from the time limit for the checker and for storing the chart. */
const SAVE_RESERVE_MS = 2_000;
/** A solver thread still running this long after the limit is stopped, with no chart. */
const OVERRUN_GRACE_MS = 10_000;

type SolveJobResult = {
  result: string;
  assignments?: number;
  shortfalls?: number;
  unmet?: number;
  lowerBound?: number;
  cutShort?: boolean;
};

/**
 * The solve job: build the instance from the database, solve off the event loop, check the
 * result with the independent checker, and store it. Pinned duties are never touched.
 *
 * The job works to a wall-clock limit (DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS): the solver gets
 * what is left of it and returns its best chart when it runs out, stored as CUT_SHORT. While
 * it works the job keeps the chart's heartbeat fresh; a heartbeat that finds the chart no
 * longer SOLVING at this job's seq (cancelled, or solved again) stops the thread. A job that
 * dies leaves a stale heartbeat, which SolveRecovery turns into INTERRUPTED.
 */
@Injectable()
export class ChartSolveService {
  private readonly logger = new Logger('DutyChartSolve');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly builder: InstanceBuilder,
    @InjectSettings() private readonly settings: DutyChartSettings,
  ) {}

  @JobHandler('duty-chart-solve')
  async run(job: Job<SolveJobData>): Promise<SolveJobResult> {
    const { chartId, seq } = job.data;
    const startedAt = Date.now();
    const limitMs = this.settings.solveTimeLimitSeconds * 1000;
    const chart = await this.dataSource.getRepository(DutyChart).findOneBy({ id: chartId });
    if (!chart || chart.status !== 'SOLVING' || chart.solveSeq !== seq)
      return { result: 'superseded' };
    if (!(await this.beat(chartId, seq, true))) return { result: 'superseded' };
    const bandobast = await this.dataSource
      .getRepository(Bandobast)
      .findOneByOrFail({ id: chart.bandobastId });
    let built: BuiltInstance | undefined;
    let run: SolverRun | undefined;
    let overrun: NodeJS.Timeout | undefined;
    let rollSaved: Promise<void> = Promise.resolve();
    const heartbeat = setInterval(() => {
      void this.beat(chartId, seq, false).then(
        (current) => current || run?.stop('superseded'),
        (e: Error) => this.logger.warn(`heartbeat of chart ${chartId}: ${e.message}`),
      );
    }, SOLVE_HEARTBEAT_MS);
    try {
      await job.updateProgress({ phase: 'building' });
      built = await this.builder.build(this.dataSource.manager, bandobast, chartId, chart.seed);
      const solving = {
        phase: 'solving',
        officers: built.instance.officers.length,
        shifts: built.shiftsByCode.size,
      };
      await job.updateProgress(solving);
      const remaining = limitMs - (Date.now() - startedAt);
      run = startSolver(built.instance, {
        seed: chart.seed,
        inThread: this.settings.solveInThread,
        timeLimitMs: Math.max(0, remaining - Math.min(SAVE_RESERVE_MS, remaining / 10)),
        shortfalls: this.settings.shortfallShape,
        onRollChecked: (roll) =>
          (rollSaved = this.rollChecked(job, chartId, seq, { ...solving, roll })),
      });
      const thread = run;
      overrun = setTimeout(() => thread.stop('overran'), remaining + OVERRUN_GRACE_MS);
      const solution = await run.result;
      await rollSaved; // its progress report must not land after the next one
      // Belt and braces: the independent checker must agree before anything is stored.
      const hard = checkDutyChart(built.instance, solution).violations;
      if (hard.length > 0)
        throw new SolveFailure(
          hard.slice(0, 20).map((v) => `checker: ${v.message}`),
          false,
        );
      await job.updateProgress({ ...solving, phase: 'saving', roll: solution.stats.roll });
      return await this.store(chart, seq, built, solution);
    } catch (e) {
      // A cancel (or a newer solve) already took the chart out of this job's hands.
      if (e instanceof SolveStopped && e.reason === 'superseded') return { result: 'superseded' };
      const errors =
        e instanceof SolveStopped
          ? [
              `the solver did not stop within the ${this.settings.solveTimeLimitSeconds} s time limit and was ended; nothing was stored; solve again`,
            ]
          : e instanceof SolveFailure
            ? e.errors
            : [bookingClash(e) ?? `solve failed: ${(e as Error).message}`];
      if (!(e instanceof SolveFailure) && !(e instanceof SolveStopped) && !bookingClash(e))
        this.logger.error((e as Error).stack);
      await this.fail(chartId, seq, errors, built);
      return { result: 'FAILED' };
    } finally {
      clearInterval(heartbeat);
      clearTimeout(overrun);
    }
  }

  /** Refreshes the heartbeat (and marks the start); false when the chart is no longer this job's to solve. */
  private beat(chartId: string, seq: number, starting: boolean): Promise<boolean> {
    return this.uow.run(async ({ em }) => {
      const rows: unknown[] = await em.query(
        `WITH beat AS (
           UPDATE duty_chart SET solve_heartbeat_at = now()${starting ? ', solve_started_at = now()' : ''}
            WHERE id = $1 AND status = 'SOLVING' AND solve_seq = $2 RETURNING id)
         SELECT id FROM beat`,
        [chartId, seq],
      );
      return rows.length > 0;
    });
  }

  /** "The roll has N officers … for M slots", on the progress and the chart, before the solve proper. */
  private async rollChecked(
    job: Job<SolveJobData>,
    chartId: string,
    seq: number,
    progress: Record<string, unknown> & { roll: RollCheck },
  ): Promise<void> {
    try {
      await job.updateProgress(progress);
      await this.uow.run(({ em }) =>
        em.query(
          `UPDATE duty_chart SET roll_check = $3 WHERE id = $1 AND status = 'SOLVING' AND solve_seq = $2`,
          [chartId, seq, JSON.stringify(progress.roll)],
        ),
      );
    } catch (e) {
      this.logger.warn(`roll check of chart ${chartId}: ${(e as Error).message}`);
    }
  }

  private store(
    chart: DutyChart,
    seq: number,
    built: BuiltInstance,
    solution: DutySolutionOf,
  ): Promise<SolveJobResult> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const current = await this.lockedIfCurrent(em, chart.id, seq);
      if (!current) return { result: 'superseded', assignments: 0, shortfalls: 0 };
      const released = built.releasedPins.map((p) => p.assignmentId);
      await em.query(
        `DELETE FROM duty_assignment WHERE chart_id = $1 AND (NOT pinned OR id = ANY($2::uuid[]))`,
        [chart.id, released],
      );
      const pinned = new Set(built.instance.pinned?.map((p) => `${p.officerId}|${p.shiftId}`));
      const fresh = solution.assignments.filter((a) => !pinned.has(`${a.officerId}|${a.shiftId}`));
      await em.query(
        `INSERT INTO duty_assignment (chart_id, shift_id, officer_id, slot_rank, pinned)
         SELECT $1, s, o, r, false FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(s, o, r)`,
        [
          chart.id,
          fresh.map((a) => built.shiftsByCode.get(a.shiftId)!.shift.id),
          fresh.map((a) => built.officersByBelt.get(a.officerId)!.id),
          fresh.map((a) => a.slotRank),
        ],
      );
      const shortfalls = toChartShortfalls(solution.shortfalls, built.shiftsByCode);
      const { roll, ...stats } = solution.stats;
      const cutShort = stats.cutShort === true;
      Object.assign(current, {
        status: CHART_WORKFLOW.next(current.status, 'solved', AS_SYSTEM, current),
        solveResult: solution.status,
        solveEnded: cutShort ? 'CUT_SHORT' : 'COMPLETED',
        solveNote: solvedNote(
          solution,
          shortPostsOf(shortfalls).length,
          this.settings.solveTimeLimitSeconds,
        ),
        rollCheck: roll ?? null,
        shortfalls,
        solveErrors: [],
        releasedPins: built.releasedPins.map(({ beltNo, shiftCode, reason }) => ({
          beltNo,
          shiftCode,
          reason,
        })),
        stats: {
          ...stats,
          timeLimitSeconds: this.settings.solveTimeLimitSeconds,
          officers: built.instance.officers.length,
          assignments: solution.assignments.length,
        },
        solvedAt: new Date(),
      });
      await em.save(current);
      change.audit({
        action: 'duty_chart.solved',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: {
          result: solution.status,
          assignments: solution.assignments.length,
          shortfalls: shortfalls.length,
          unmet: stats.unmet,
          lowerBound: stats.lowerBound,
          cutShort,
          releasedPins: built.releasedPins.length,
          seed: chart.seed,
        },
      });
      return {
        result: solution.status,
        assignments: solution.assignments.length,
        shortfalls: shortfalls.length,
        unmet: stats.unmet,
        lowerBound: stats.lowerBound,
        cutShort,
      };
    });
  }

  private async fail(
    chartId: string,
    seq: number,
    errors: string[],
    built: BuiltInstance | undefined,
  ): Promise<void> {
    await this.uow.run(async (change) => {
      const { em } = change;
      const current = await this.lockedIfCurrent(em, chartId, seq);
      if (!current) return;
      Object.assign(current, {
        status: CHART_WORKFLOW.next(current.status, 'solved', AS_SYSTEM, current),
        solveResult: 'FAILED',
        solveEnded: 'FAILED',
        solveNote: `the solve failed: ${errors[0] ?? 'no reason given'}`,
        solveErrors: errors.slice(0, 50),
        releasedPins:
          built?.releasedPins.map(({ beltNo, shiftCode, reason }) => ({
            beltNo,
            shiftCode,
            reason,
          })) ?? [],
        solvedAt: new Date(),
      });
      await em.save(current);
      change.audit({
        action: 'duty_chart.solve-failed',
        entityType: CHART_ENTITY,
        entityId: chartId,
        diff: { errors: errors.slice(0, 10) },
      });
    });
  }

  private async lockedIfCurrent(
    em: EntityManager,
    chartId: string,
    seq: number,
  ): Promise<DutyChart | null> {
    const chart = await em.findOne(DutyChart, {
      where: { id: chartId },
      lock: { mode: 'pessimistic_write' },
    });
    return chart && chart.status === 'SOLVING' && chart.solveSeq === seq ? chart : null;
  }
}

/** Someone else's bandobast booked one of these officers while we were solving. */
function bookingClash(e: unknown): string | null {
  if (!(e instanceof QueryFailedError) || (e.driverError as { code?: string }).code !== '23P01')
    return null;
  return 'another bandobast booked some of the same officers while this chart was being solved; solve again';
}
