import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError } from '../../../platform/http';
import { Bandobast } from '../bandobast/bandobast.entity';
import { BandobastShift } from '../bandobast/structure.entity';
import {
  AVAILABILITY_PHRASES,
  AvailabilityKind,
  AvailabilityService,
  PersonnelDirectory,
} from '../../personnel';
import { RANKS } from '../../../platform/ranks';
import { CHART_ENTITY } from './chart-solve.service';
import { CHART_WORKFLOW } from './chart-states';
import { AddAssignmentDto } from './charts.dto';
import { ChartsService } from './charts.service';
import { DutyAssignment } from './duty-assignment.entity';
import { DutyChart } from './duty-chart.entity';

/**
 * Manual edits of a draft. Each edit is pinned, so the next solve keeps it and fills around
 * it; until then the chart is STALE and cannot be published.
 */
@Injectable()
export class ChartEditsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly charts: ChartsService,
    private readonly directory: PersonnelDirectory,
    private readonly availability: AvailabilityService,
  ) {}

  async add(actor: Actor, chartId: string, dto: AddAssignmentDto): Promise<DutyAssignment> {
    return this.edit(actor, chartId, async (em, chart) => {
      const shift = await em.findOne(BandobastShift, {
        where: { id: dto.shiftId, bandobastId: chart.bandobastId },
      });
      if (!shift) throw fieldError('shiftId', 'shiftId is not a shift of this bandobast');
      const bandobast = await em.findOneByOrFail(Bandobast, { id: chart.bandobastId });
      const officer = (await this.directory.pool(bandobast.unitId, em)).find(
        (o) => o.id === dto.officerId,
      );
      if (!officer)
        throw fieldError('officerId', 'officerId is not an active officer of the organising unit');
      const away = await this.availability.unavailable(
        [officer.id],
        shift.startsAt,
        shift.endsAt,
        em,
      );
      if (away.length > 0)
        throw fieldError(
          'officerId',
          `the officer is ${AVAILABILITY_PHRASES[away[0]!.kind as AvailabilityKind] ?? 'unavailable'} during shift ${shift.code}`,
        );
      const slotRank = dto.slotRank ?? (officer.rank as DutyAssignment['slotRank']);
      const higher = RANKS.indexOf(officer.rank as never) < RANKS.indexOf(slotRank);
      if (officer.rank !== slotRank && !(higher && bandobast.higherRankMayFillLower)) {
        throw fieldError(
          'slotRank',
          `a ${officer.rank} cannot fill a ${slotRank} slot${higher ? ' (this bandobast does not let a higher rank fill a lower slot)' : ''}`,
        );
      }
      const [{ taken }] = await em.query(
        `SELECT count(*)::int AS taken FROM duty_assignment WHERE chart_id = $1 AND shift_id = $2 AND slot_rank = $3`,
        [chartId, shift.id, slotRank],
      );
      const wanted = shift.ranks[slotRank] ?? 0;
      if (taken >= wanted) {
        throw new ConflictException(
          wanted === 0
            ? `shift ${shift.code} needs no ${slotRank}`
            : `shift ${shift.code} already has its ${wanted} ${slotRank}; remove one first`,
        );
      }
      const assignment = await em.save(
        em.create(DutyAssignment, {
          chartId,
          shiftId: shift.id,
          officerId: officer.id,
          slotRank,
          pinned: true,
          bandobastId: chart.bandobastId,
          live: true,
        }),
      );
      return {
        assignment,
        diff: { added: { officer: officer.beltNo, shift: shift.code, slotRank } },
      };
    }).then((r) => r.assignment);
  }

  async remove(actor: Actor, chartId: string, assignmentId: string): Promise<void> {
    await this.edit(actor, chartId, async (em) => {
      const a = await this.assignment(em, chartId, assignmentId);
      await em.delete(DutyAssignment, { id: a.id });
      return { assignment: a, diff: { removed: { officerId: a.officerId, shiftId: a.shiftId } } };
    });
  }

  /** Pinning changes no duty, so the chart's solve result still holds. */
  async setPinned(
    actor: Actor,
    chartId: string,
    assignmentId: string,
    pinned: boolean,
  ): Promise<DutyAssignment> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const chart = await this.charts.lock(actor, chartId, em);
      CHART_WORKFLOW.next(chart.status, 'edit', actor.roles, chart);
      const a = await this.assignment(em, chartId, assignmentId);
      await em.update(DutyAssignment, { id: a.id }, { pinned });
      change.audit({
        action: pinned ? 'duty_chart.pinned' : 'duty_chart.unpinned',
        entityType: CHART_ENTITY,
        entityId: chartId,
        diff: { assignmentId },
      });
      return { ...a, pinned };
    });
  }

  private async edit<T extends { assignment: DutyAssignment; diff: Record<string, unknown> }>(
    actor: Actor,
    chartId: string,
    work: (em: EntityManager, chart: DutyChart) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.uow.run(async (change) => {
      const { em } = change;
        const chart = await this.charts.lock(actor, chartId, em);
        chart.status = CHART_WORKFLOW.next(chart.status, 'edit', actor.roles, chart);
        const result = await work(em, chart);
        if (chart.solveResult !== null) chart.solveResult = 'STALE';
        await em.save(chart);
        change.audit({
          action: 'duty_chart.edited',
          entityType: CHART_ENTITY,
          entityId: chartId,
          diff: result.diff,
        });
        return result;
      });
    } catch (e) {
      const code =
        e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;
      if (code === '23P01')
        throw new ConflictException(
          'the officer already has a duty at that time (in this chart or in another bandobast)',
        );
      if (code === '23505') throw new ConflictException('the officer is already on that shift');
      throw e;
    }
  }

  private async assignment(
    em: EntityManager,
    chartId: string,
    id: string,
  ): Promise<DutyAssignment> {
    const a = await em.findOne(DutyAssignment, { where: { id, chartId } });
    if (!a) throw new NotFoundException(`Assignment ${id} not found in chart ${chartId}`);
    return a;
  }
}
