import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { QueueService } from '../../../platform/queue';
import { formatIstDateTime } from '../../../platform/time';
import { unitScope } from '../../../platform/units';
import { BandobastService } from '../bandobast/bandobast.service';
import { CHART_ENTITY } from './chart-solve.service';
import { CHART_WORKFLOW } from './chart-states';
import { SolveChartDto } from './charts.dto';
import { DutyChart } from './duty-chart.entity';

/** Preparing and publishing chart versions; the heavy work runs in jobs. */
@Injectable()
export class ChartsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly queues: QueueService,
    private readonly bandobasts: BandobastService,
  ) {}

  /**
   * Opens the next version. When one is in force, its duties are copied in pinned, so a
   * revision changes only what the duty officer edits and what the solver must fill.
   */
  async createDraft(actor: Actor, bandobastId: string): Promise<DutyChart> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await this.bandobasts.lock(actor, bandobastId, em);
      const open = await em.findOne(DutyChart, {
        where: { bandobastId, status: In(['DRAFT', 'SOLVING', 'PUBLISHING']) },
      });
      if (open)
        throw new ConflictException({
          message: `version ${open.versionNo} is still being prepared (${open.status}); finish or discard it first`,
          chartId: open.id,
        });
      const published = await em.findOne(DutyChart, {
        where: { bandobastId, status: 'PUBLISHED' },
      });
      const [{ n }] = await em.query(
        `SELECT coalesce(max(version_no), 0) + 1 AS n FROM duty_chart WHERE bandobast_id = $1`,
        [bandobastId],
      );
      const chart = await em.save(
        em.create(DutyChart, {
          bandobastId,
          versionNo: n,
          basedOnId: published?.id ?? null,
          status: 'DRAFT',
          solveResult: null,
          solveSeq: 0,
          seed: 1,
          shortfalls: [],
          solveErrors: [],
          releasedPins: [],
          stats: null,
          publishDone: 0,
          publishTotal: 0,
          createdBy: actor.id,
        }),
      );
      if (published) {
        await em.query(
          `INSERT INTO duty_assignment (chart_id, shift_id, officer_id, slot_rank, pinned)
           SELECT $1, shift_id, officer_id, slot_rank, true FROM duty_assignment WHERE chart_id = $2`,
          [chart.id, published.id],
        );
      }
      change.audit({
        action: 'duty_chart.created',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: { bandobastId, versionNo: n, basedOn: published?.id ?? null },
      });
      return chart;
    });
  }

  /** Queues a solve; the chart reads SOLVING until the job stores its result. */
  async solve(
    actor: Actor,
    chartId: string,
    dto: SolveChartDto,
  ): Promise<{ chartId: string; jobId: string; status: string }> {
    const chart = await this.uow.run(async (change) => {
      const { em } = change;
      const chart = await this.lock(actor, chartId, em);
      chart.status = CHART_WORKFLOW.next(chart.status, 'solve', actor.roles, chart);
      chart.solveSeq += 1;
      if (dto.seed !== undefined) chart.seed = dto.seed;
      chart.solveJobId = `solve-${chart.id}-${chart.solveSeq}`;
      Object.assign(chart, {
        solveRequestedAt: new Date(),
        solveStartedAt: null,
        solveHeartbeatAt: null,
        solveEnded: null,
        solveNote: null,
        rollCheck: null,
      });
      await em.save(chart);
      change.audit({
        action: 'duty_chart.solve-requested',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: { seq: chart.solveSeq, seed: chart.seed },
      });
      return chart;
    });
    // After commit: a job that ran before it would not yet see its own request.
    await this.queues.enqueue(
      'duty-chart-solve',
      { chartId: chart.id, seq: chart.solveSeq },
      { jobId: chart.solveJobId! },
    );
    return { chartId: chart.id, jobId: chart.solveJobId!, status: chart.status };
  }

  /**
   * Stops a running (or queued) solve. The chart goes back to DRAFT with what it had before
   * the solve was asked for; the job sees it at its next heartbeat and ends its thread.
   */
  async cancelSolve(actor: Actor, chartId: string): Promise<DutyChart> {
    const chart = await this.uow.run(async (change) => {
      const { em } = change;
      const chart = await this.lock(actor, chartId, em);
      chart.status = CHART_WORKFLOW.next(chart.status, 'cancel-solve', actor.roles, chart);
      chart.solveEnded = 'CANCELLED';
      chart.solveNote = `solve cancelled by ${actor.username} at ${formatIstDateTime(new Date())}; the chart is as it was before the solve was asked for`;
      await em.save(chart);
      change.audit({
        action: 'duty_chart.solve-cancelled',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: { seq: chart.solveSeq },
      });
      return chart;
    });
    // A job still waiting in the queue need not start at all; a running one stops itself.
    if (chart.solveJobId) {
      const job = await this.queues.queue('duty-solve').getJob(chart.solveJobId);
      if (job && (await job.isWaiting())) await job.remove().catch(() => undefined);
    }
    return chart;
  }

  /** Publishing needs a complete chart: a shortfall is shown, never printed as a partial order. */
  async publish(
    actor: Actor,
    chartId: string,
  ): Promise<{ chartId: string; jobId: string; status: string }> {
    const chart = await this.uow.run(async (change) => {
      const { em } = change;
      const chart = await this.lock(actor, chartId, em);
      chart.status = CHART_WORKFLOW.next(chart.status, 'publish', actor.roles, chart);
      chart.publishRequestedAt ??= new Date();
      chart.publishedBy = actor.id;
      chart.publishJobId = `publish-${chart.id}-${chart.version + 1}`;
      await em.save(chart);
      change.audit({
        action: 'duty_chart.publish-requested',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: { versionNo: chart.versionNo },
      });
      return chart;
    });
    await this.queues.enqueue(
      'duty-chart-publish',
      { chartId: chart.id },
      { jobId: chart.publishJobId!, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    );
    return { chartId: chart.id, jobId: chart.publishJobId!, status: chart.status };
  }

  async discard(actor: Actor, chartId: string): Promise<DutyChart> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const chart = await this.lock(actor, chartId, em);
      chart.status = CHART_WORKFLOW.next(chart.status, 'discard', actor.roles, chart);
      await em.save(chart);
      // A discarded draft no longer reserves its officers against other bandobasts.
      await em.query(`UPDATE duty_assignment SET live = false WHERE chart_id = $1`, [chart.id]);
      change.audit({
        action: 'duty_chart.discarded',
        entityType: CHART_ENTITY,
        entityId: chart.id,
        diff: null,
      });
      return chart;
    });
  }

  async get(
    actor: Actor,
    chartId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<DutyChart> {
    const scope = unitScope(actor, 'b.unit_id');
    const chart = await em
      .getRepository(DutyChart)
      .createQueryBuilder('c')
      .innerJoin('bandobast', 'b', 'b.id = c.bandobast_id')
      .where('c.id = :chartId', { chartId })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!chart) throw new NotFoundException(`Duty chart ${chartId} not found`);
    // A need-to-know bandobast's versions are hidden with it.
    await this.bandobasts.get(actor, chart.bandobastId, em).catch((e: unknown) => {
      throw e instanceof NotFoundException ? new NotFoundException(`Duty chart ${chartId} not found`) : e;
    });
    return chart;
  }

  async list(actor: Actor, bandobastId: string): Promise<DutyChart[]> {
    await this.bandobasts.get(actor, bandobastId);
    return this.dataSource
      .getRepository(DutyChart)
      .find({ where: { bandobastId }, order: { versionNo: 'DESC' } });
  }

  /** Locks the chart (and so serialises every change to it) after checking the actor's scope. */
  async lock(actor: Actor, chartId: string, em: EntityManager): Promise<DutyChart> {
    await this.get(actor, chartId, em);
    return em.findOneOrFail(DutyChart, {
      where: { id: chartId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
