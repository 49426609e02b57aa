import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/context';
import { UnitOfWork } from '../../platform/change';
import { fieldError } from '../../platform/http';
import { CLOCK, Clock, formatIstDate, istStartOfDay, parseIstInstant } from '../../platform/time';
import { unitInScope, unitScope, unitSubtreeScope, UnitsService } from '../../platform/units';
import { AvailabilityEntry } from './availability.entity';
import {
  AvailabilityQueryDto,
  CancelWeeklyOffsDto,
  CreateAvailabilityDto,
} from './availability.dto';
import { OfficersService } from './officers.service';

const ENTITY = 'officer_availability';
const MAX_SPAN_MS = 366 * 24 * 3600_000;

export interface UnavailableWindow {
  officerId: string;
  kind: string;
  from: Date;
  to: Date;
}

function window(fromText: string, toText: string): { from: Date; to: Date } {
  const from = parseIstInstant(fromText);
  const to = parseIstInstant(toText);
  if (to <= from) throw fieldError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_SPAN_MS)
    throw fieldError('to', 'an entry may span at most a year');
  return { from, to };
}

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly officers: OfficersService,
    private readonly units: UnitsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    officerId: string,
    q: AvailabilityQueryDto,
  ): Promise<AvailabilityEntry[]> {
    await this.officers.get(actor, officerId);
    const query = this.dataSource
      .getRepository(AvailabilityEntry)
      .createQueryBuilder('a')
      .where('a.officer_id = :officerId', { officerId })
      .orderBy('a.starts_at');
    if (q.from) query.andWhere('a.ends_at > :from', { from: parseIstInstant(q.from) });
    if (q.to) query.andWhere('a.starts_at < :to', { to: parseIstInstant(q.to) });
    return query.getMany();
  }

  async create(
    actor: Actor,
    officerId: string,
    dto: CreateAvailabilityDto,
  ): Promise<AvailabilityEntry> {
    const { from, to } = window(dto.from, dto.to);
    // Leave, an off or a court date is recorded ahead, or on the day itself (a leave from today's
    // 00:00 entered at 10:00); one that began before today in IST is not new work.
    const today = istStartOfDay(this.clock.now());
    if (from < today)
      throw fieldError(
        'from',
        `from is before today (${formatIstDate(today)} IST): a new entry may begin today or later`,
      );
    return this.uow.run(async (change) => {
      const { em } = change;
      await this.officers.get(actor, officerId, em);
      const entry = await em.save(
        em.create(AvailabilityEntry, {
          officerId,
          kind: dto.kind,
          startsAt: from,
          endsAt: to,
          note: dto.note ?? null,
          createdBy: actor.id,
        }),
      );
      change.audit({
        action: 'availability.recorded',
        entityType: ENTITY,
        entityId: entry.id,
        diff: { officerId, kind: dto.kind, from: from.toISOString(), to: to.toISOString() },
      });
      return entry;
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<AvailabilityEntry> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const entry = await em.findOne(AvailabilityEntry, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!entry) throw new NotFoundException(`Availability entry ${id} not found`);
      await this.officers.get(actor, entry.officerId, em);
      if (entry.cancelledAt)
        throw new ConflictException({ message: 'This entry is already cancelled', allowed: [] });
      const saved = await em.save(
        Object.assign(entry, {
          cancelledAt: new Date(),
          cancelReason: reason,
          cancelledBy: actor.id,
        }),
      );
      change.audit({
        action: 'availability.cancelled',
        entityType: ENTITY,
        entityId: id,
        diff: { reason },
      });
      return saved;
    });
  }

  /** Cancels every weekly off touching the window (a VIP movement day) in a unit subtree. */
  async cancelWeeklyOffs(
    actor: Actor,
    dto: CancelWeeklyOffsDto,
  ): Promise<{ cancelled: number; entryIds: string[] }> {
    const { from, to } = window(dto.from, dto.to);
    return this.uow.run(async (change) => {
      const { em } = change;
      const unit = dto.unitCode ? await this.units.byCode(dto.unitCode, em, 'unitCode') : null;
      if (unit && !unitInScope(actor, unit))
        throw fieldError('unitCode', `unitCode ${unit.code} is outside your unit`);
      const scope = unit ? unitSubtreeScope('o.unit_id', unit.path) : unitScope(actor, 'o.unit_id');
      const rows: Array<{ id: string }> = await em
        .createQueryBuilder()
        .update(AvailabilityEntry)
        .set({
          cancelledAt: () => 'now()',
          cancelReason: dto.reason,
          cancelledBy: actor.id,
          version: () => 'version + 1',
        })
        .where(
          `kind = 'WEEKLY_OFF' AND cancelled_at IS NULL AND starts_at < :to AND ends_at > :from`,
          { from, to },
        )
        .andWhere(`officer_id IN (SELECT o.id FROM officer o WHERE ${scope.sql})`, scope.params)
        .returning('id')
        .execute()
        .then((r) => r.raw as Array<{ id: string }>);
      change.audit({
        action: 'availability.weekly-offs-cancelled',
        entityType: ENTITY,
        entityId: null,
        diff: {
          from: from.toISOString(),
          to: to.toISOString(),
          unit: unit?.code ?? null,
          reason: dto.reason,
          entryIds: rows.map((r) => r.id),
        },
      });
      return { cancelled: rows.length, entryIds: rows.map((r) => r.id) };
    });
  }

  /** Entries in force that overlap [from, to), for the officers given (all when null). */
  async unavailable(
    officerIds: readonly string[] | null,
    from: Date,
    to: Date,
    em: EntityManager = this.dataSource.manager,
  ): Promise<UnavailableWindow[]> {
    const rows: Array<{ officer_id: string; kind: string; starts_at: Date; ends_at: Date }> =
      await em.query(
        `SELECT officer_id, kind, starts_at, ends_at FROM officer_availability
        WHERE cancelled_at IS NULL AND starts_at < $2 AND ends_at > $1 AND ($3::uuid[] IS NULL OR officer_id = ANY($3::uuid[]))
        ORDER BY officer_id, starts_at`,
        [from, to, officerIds],
      );
    return rows.map((r) => ({
      officerId: r.officer_id,
      kind: r.kind,
      from: r.starts_at,
      to: r.ends_at,
    }));
  }
}
