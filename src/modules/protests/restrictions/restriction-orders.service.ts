import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { assertVersion, fieldError } from '../../../platform/http';
import { parseIstInstant } from '../../../platform/time';
import { changedFields } from '../audit-diff';
import { RestrictionOrder } from '../entities/restriction-order.entity';
import { CreateRestrictionOrderDto, UpdateRestrictionOrderDto } from './restriction-order.dto';

export const RESTRICTION_SOURCE = 'protest_restriction_order';

/** Restriction orders (s.163 bans, closed squares), kept by admins and read by the rules. */
@Injectable()
export class RestrictionOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Orders in force at some point after `from` (default: now), soonest first. */
  list(includeLifted: boolean, from = new Date()): Promise<RestrictionOrder[]> {
    const q = this.dataSource.getRepository(RestrictionOrder).createQueryBuilder('r').where('r.ends_at > :from', { from }).orderBy('r.starts_at');
    if (!includeLifted) q.andWhere('r.is_active');
    return q.getMany();
  }

  async get(id: string): Promise<RestrictionOrder> {
    const order = await this.dataSource.getRepository(RestrictionOrder).findOne({ where: { id } });
    if (!order) throw new NotFoundException(`Restriction order ${id} not found`);
    return order;
  }

  create(actor: Actor, dto: CreateRestrictionOrderDto): Promise<RestrictionOrder> {
    const startsAt = parseIstInstant(dto.startsAt);
    const endsAt = parseIstInstant(dto.endsAt);
    if (endsAt <= startsAt) throw fieldError('endsAt', 'endsAt must be after startsAt');
    const area = dto.areaKind === 'RADIUS' ? radius(dto) : polygon(dto);
    return this.uow.run(async (change) => {
      const { em } = change;
      const order = await em.save(em.create(RestrictionOrder, { orderRef: dto.orderRef, reason: dto.reason, ...area, startsAt, endsAt, isActive: true, createdBy: actor.id }));
      change.audit({
        action: 'protest.restriction_order_created',
        entityType: RESTRICTION_SOURCE,
        entityId: order.id,
        diff: { orderRef: order.orderRef, reason: order.reason, areaKind: order.areaKind, startsAt: dto.startsAt, endsAt: dto.endsAt },
      });
      return order;
    });
  }

  update(id: string, dto: UpdateRestrictionOrderDto): Promise<RestrictionOrder> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const order = await em.findOne(RestrictionOrder, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundException(`Restriction order ${id} not found`);
      assertVersion('Restriction order', order.version, dto.version);
      const before = { ...order };
      if (dto.reason !== undefined) order.reason = dto.reason;
      if (dto.isActive !== undefined) order.isActive = dto.isActive;
      if (dto.endsAt !== undefined) order.endsAt = parseIstInstant(dto.endsAt);
      if (order.endsAt <= order.startsAt) throw fieldError('endsAt', 'endsAt must be after the order\'s start');
      const saved = await em.save(order);
      const action = before.isActive && !saved.isActive ? 'protest.restriction_order_lifted' : 'protest.restriction_order_updated';
      change.audit({ action, entityType: RESTRICTION_SOURCE, entityId: id, diff: changedFields(before, saved, ['reason', 'isActive', 'endsAt']) });
      return saved;
    });
  }
}

function radius(dto: CreateRestrictionOrderDto) {
  if (!dto.centre) throw fieldError('centre', 'centre is required for a RADIUS order');
  if (!dto.radiusMetres) throw fieldError('radiusMetres', 'radiusMetres is required for a RADIUS order');
  if (dto.polygon) throw fieldError('polygon', 'polygon belongs to a POLYGON order, not a RADIUS one');
  return { areaKind: 'RADIUS' as const, centreLat: dto.centre.lat, centreLng: dto.centre.lng, radiusMetres: dto.radiusMetres, polygon: null };
}

function polygon(dto: CreateRestrictionOrderDto) {
  if (!dto.polygon) throw fieldError('polygon', 'polygon is required for a POLYGON order');
  if (dto.centre || dto.radiusMetres) throw fieldError(dto.centre ? 'centre' : 'radiusMetres', 'centre and radiusMetres belong to a RADIUS order');
  return { areaKind: 'POLYGON' as const, centreLat: null, centreLng: null, radiusMetres: null, polygon: dto.polygon.map((p) => ({ lat: p.lat, lng: p.lng })) };
}
