import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError } from '../../../platform/http';
import { CLOCK, Clock } from '../../../platform/time';
import { unitInScope, unitScope, UnitsService, Unit } from '../../../platform/units';
import { PersonnelDirectory } from '../../personnel';
import { AddDivisionsDto, CreateBandobastDto, ListBandobastsDto } from './bandobast.dto';
import { Bandobast } from './bandobast.entity';
import { BandobastNeedToKnow, BandobastSource } from './need-to-know';
import { loadStructure, StructureTree } from './structure-tree';
import { writeStructure, WrittenStructure } from './structure-writer';

export const BANDOBAST_ENTITY = 'bandobast';

@Injectable()
export class BandobastService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
    private readonly directory: PersonnelDirectory,
    private readonly needToKnow: BandobastNeedToKnow,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `source`: the confidential record it is drafted from (a VIP programme); that record's module
   * then decides who may read it, and its papers are confidential.
   */
  async create(
    actor: Actor,
    dto: CreateBandobastDto,
    source?: BandobastSource,
  ): Promise<Bandobast & { structure: WrittenStructure }> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const unit = dto.unitCode
        ? await this.units.byCode(dto.unitCode, em, 'unitCode')
        : await em.findOneByOrFail(Unit, { id: actor.unitId });
      if (!unitInScope(actor, unit))
        throw fieldError('unitCode', `unitCode ${unit.code} is outside your unit`);
      const bandobast = await em.save(
        em.create(Bandobast, {
          ref: await change.takeReference('BDB'),
          nameEn: dto.nameEn,
          nameHi: dto.nameHi,
          kind: dto.kind,
          unitId: unit.id,
          minRestHours: dto.rules?.minRestHours ?? 8,
          maxHoursPer24h: dto.rules?.maxHoursPer24h ?? 12,
          higherRankMayFillLower: dto.rules?.higherRankMayFillLower ?? false,
          reportMinutesBefore: dto.reportMinutesBefore ?? 30,
          briefing: dto.briefing ?? null,
          sourceType: source?.type ?? null,
          sourceId: source?.id ?? null,
          createdBy: actor.id,
        }),
      );
      const structure = await writeStructure(em, this.directory, bandobast.id, dto.divisions, this.clock.now());
      change.audit({
        action: 'bandobast.created',
        entityType: BANDOBAST_ENTITY,
        entityId: bandobast.id,
        diff: { ref: bandobast.ref, unit: unit.code, ...structure },
      });
      return { ...bandobast, structure };
    });
  }

  /** Adds divisions to an event; a version being prepared must be solved again to staff them. */
  async addDivisions(actor: Actor, id: string, dto: AddDivisionsDto): Promise<WrittenStructure> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await this.lock(actor, id, em);
      const structure = await writeStructure(em, this.directory, id, dto.divisions, this.clock.now());
      await em.query(
        `UPDATE duty_chart SET solve_result = 'STALE', version = version + 1, updated_at = now() WHERE bandobast_id = $1 AND status = 'DRAFT' AND solve_result IS NOT NULL`,
        [id],
      );
      change.audit({
        action: 'bandobast.divisions-added',
        entityType: BANDOBAST_ENTITY,
        entityId: id,
        diff: { ...structure },
      });
      return structure;
    });
  }

  async list(actor: Actor, q: ListBandobastsDto): Promise<{ total: number; items: Bandobast[] }> {
    const scope = unitScope(actor, 'b.unit_id');
    // Bandobasts drafted from confidential records: only those their owner lets the actor read.
    const sources: Array<{ type: string; id: string }> = await this.dataSource
      .getRepository(Bandobast)
      .createQueryBuilder('b')
      .select(['b.source_type AS type', 'b.source_id AS id'])
      .distinct(true)
      .where(scope.sql, scope.params)
      .andWhere('b.source_type IS NOT NULL')
      .getRawMany();
    const readable = [...(await this.needToKnow.readable(actor, sources))];
    const [items, total] = await this.dataSource
      .getRepository(Bandobast)
      .createQueryBuilder('b')
      .where(scope.sql, scope.params)
      .andWhere('(b.source_type IS NULL OR b.source_id = ANY(CAST(:readable AS uuid[])))', { readable })
      .orderBy('b.created_at', 'DESC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return { total, items };
  }

  async get(
    actor: Actor,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Bandobast> {
    const scope = unitScope(actor, 'b.unit_id');
    const bandobast = await em
      .getRepository(Bandobast)
      .createQueryBuilder('b')
      .where('b.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getOne();
    // Need-to-know answers like a bandobast outside the actor's unit: not found.
    if (!bandobast || !(await this.needToKnow.mayRead(actor, bandobast)))
      throw new NotFoundException(`Bandobast ${id} not found`);
    return bandobast;
  }

  /** Serialises structure changes and chart versions of one event. */
  async lock(actor: Actor, id: string, em: EntityManager): Promise<Bandobast> {
    await this.get(actor, id, em);
    return em.findOneOrFail(Bandobast, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async tree(actor: Actor, id: string): Promise<Bandobast & StructureTree> {
    const bandobast = await this.get(actor, id);
    return { ...bandobast, ...(await loadStructure(this.dataSource.manager, this.directory, id)) };
  }
}
