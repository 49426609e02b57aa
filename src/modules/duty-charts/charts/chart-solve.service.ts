import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { UnitOfWork } from '../../../platform/change';
import { JobHandler } from '../../../platform/queue';
import { Bandobast } from '../bandobast/bandobast.entity';
import { checkDutyChart } from '../checker';
import { DutySolutionOf, toChartShortfalls } from './chart-shortfalls';
import { AS_SYSTEM } from '../../../platform/workflow';
import { CHART_WORKFLOW } from './chart-states';
import { DutyChart } from './duty-chart.entity';
import { BuiltInstance, InstanceBuilder } from './instance-builder';
import { runSolver, SolveFailure } from './solve-runner';
import { DutyChartSettings, InjectSettings } from '../settings';

export const CHART_ENTITY = 'duty_chart';

export interface SolveJobData {
  chartId: string;
  seq: number;
}

/**
 * The solve job: build the instance from the database, solve off the event loop, check the
 * result with the independent checker, and store it. Pinned duties are never touched.
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
  async run(
    job: Job<SolveJobData>,
  ): Promise<{ result: string; assignments?: number; shortfalls?: number }> {
    const { chartId, seq } = job.data;
    const chart = await this.dataSource.getRepository(DutyChart).findOneBy({ id: chartId });
    if (!chart || chart.status !== 'SOLVING' || chart.solveSeq !== seq)
      return { result: 'superseded' };
    const bandobast = await this.dataSource
      .getRepository(Bandobast)
      .findOneByOrFail({ id: chart.bandobastId });
    let built: BuiltInstance | undefined;
    try {
      await job.updateProgress({ phase: 'building' });
      built = await this.builder.build(this.dataSource.manager, bandobast, chartId, chart.seed);
      await job.updateProgress({
        phase: 'solving',
        officers: built.instance.officers.length,
        shifts: built.shiftsByCode.size,
      });
      const solution = await runSolver(built.instance, chart.seed, this.settings.solveInThread);
      // Belt and braces: the independent checker must agree before anything is stored.
      const hard = checkDutyChart(built.instance, solution).violations;
      if (hard.length > 0)
        throw new SolveFailure(
          hard.slice(0, 20).map((v) => `checker: ${v.message}`),
          false,
        );
      await job.updateProgress({ phase: 'saving' });
      return await this.store(chart, seq, built, solution);
    } catch (e) {
      const errors =
        e instanceof SolveFailure
          ? e.errors
          : [bookingClash(e) ?? `solve failed: ${(e as Error).message}`];
      if (!(e instanceof SolveFailure) && !bookingClash(e)) this.logger.error((e as Error).stack);
      await this.fail(chartId, seq, errors, built);
      return { result: 'FAILED' };
    }
  }

  private store(
    chart: DutyChart,
    seq: number,
    built: BuiltInstance,
    solution: DutySolutionOf,
  ): Promise<{ result: string; assignments: number; shortfalls: number }> {
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
      Object.assign(current, {
        status: CHART_WORKFLOW.next(current.status, 'solved', AS_SYSTEM, current),
        solveResult: solution.status,
        shortfalls,
        solveErrors: [],
        releasedPins: built.releasedPins.map(({ beltNo, shiftCode, reason }) => ({
          beltNo,
          shiftCode,
          reason,
        })),
        stats: {
          ...solution.stats,
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
          releasedPins: built.releasedPins.length,
          seed: chart.seed,
        },
      });
      return {
        result: solution.status,
        assignments: solution.assignments.length,
        shortfalls: shortfalls.length,
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
