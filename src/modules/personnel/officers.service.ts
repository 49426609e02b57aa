import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { UnitOfWork } from '../../platform/change';
import { assertVersion, fieldError } from '../../platform/http';
import { Unit, unitInScope, unitScope, unitSubtreeScope, UnitsService } from '../../platform/units';
import { normaliseMobile } from './officer-fields';
import { Officer } from './officer.entity';
import { CreateOfficerDto, ListOfficersDto, UpdateOfficerDto } from './officers.dto';

export const OFFICER_ENTITY = 'officer';

@Injectable()
export class OfficersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  /** Officers of the actor's unit subtree (the whole force for commissionerate-wide roles). */
  async list(actor: Actor, f: ListOfficersDto): Promise<{ total: number; items: Officer[] }> {
    const scope = unitScope(actor, 'o.unit_id');
    const q = this.dataSource
      .getRepository(Officer)
      .createQueryBuilder('o')
      .where(scope.sql, scope.params)
      .orderBy('o.belt_no')
      .take(f.limit)
      .skip(f.offset);
    if (f.rank) q.andWhere('o.rank = :rank', { rank: f.rank });
    if (f.gender) q.andWhere('o.gender = :gender', { gender: f.gender });
    if (f.skill) q.andWhere(':skill = ANY(o.skills)', { skill: f.skill });
    if (f.unitCode) {
      const unit = await this.units.byCode(f.unitCode, undefined, 'unitCode');
      const within = unitSubtreeScope('o.unit_id', unit.path);
      q.andWhere(within.sql, within.params);
    }
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
      q.andWhere('(o.belt_no ILIKE :like OR o.name_en ILIKE :like OR o.name_hi ILIKE :like)', {
        like,
      });
    }
    const [items, total] = await q.getManyAndCount();
    return { total, items };
  }

  async get(
    actor: Actor,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Officer> {
    const scope = unitScope(actor, 'o.unit_id');
    const officer = await em
      .getRepository(Officer)
      .createQueryBuilder('o')
      .where('o.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!officer) throw new NotFoundException(`Officer ${id} not found`);
    return officer;
  }

  async create(actor: Actor, dto: CreateOfficerDto): Promise<Officer> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const unit = await this.scopedUnit(actor, em, dto.unitCode, 'unitCode');
      const home = dto.homeUnitCode
        ? await this.units.byCode(dto.homeUnitCode, em, 'homeUnitCode')
        : null;
      const taken = await em.findOne(Officer, { where: { beltNo: dto.beltNo } });
      if (taken)
        throw new ConflictException({
          message: `belt number ${dto.beltNo} is already on the roll`,
          fields: [{ field: 'beltNo', message: 'already exists' }],
        });
      const officer = await em.save(
        em.create(Officer, {
          beltNo: dto.beltNo,
          nameEn: dto.nameEn,
          nameHi: dto.nameHi,
          rank: dto.rank,
          gender: dto.gender,
          unitId: unit.id,
          homeUnitId: home?.id ?? null,
          mobile: dto.mobile ? normaliseMobile(dto.mobile) : null,
          skills: [...new Set(dto.skills ?? [])].sort(),
        }),
      );
      change.audit({
        action: 'officer.created',
        entityType: OFFICER_ENTITY,
        entityId: officer.id,
        diff: { beltNo: officer.beltNo, rank: officer.rank, unit: unit.code },
      });
      return officer;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOfficerDto): Promise<Officer> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await this.get(actor, id, em);
      const officer = await em.findOneOrFail(Officer, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      assertVersion('Officer', officer.version, dto.version);
      const changes: Partial<Officer> = {};
      if (dto.unitCode)
        changes.unitId = (await this.scopedUnit(actor, em, dto.unitCode, 'unitCode')).id;
      if (dto.homeUnitCode)
        changes.homeUnitId = (await this.units.byCode(dto.homeUnitCode, em, 'homeUnitCode')).id;
      if (dto.mobile !== undefined) changes.mobile = normaliseMobile(dto.mobile);
      if (dto.skills) changes.skills = [...new Set(dto.skills)].sort();
      for (const k of ['nameEn', 'nameHi', 'rank', 'gender', 'isActive'] as const) {
        if (dto[k] !== undefined) (changes as Record<string, unknown>)[k] = dto[k];
      }
      const changed = Object.keys(changes).filter(
        (k) =>
          JSON.stringify(officer[k as keyof Officer]) !==
          JSON.stringify(changes[k as keyof Officer]),
      );
      if (changed.length === 0) return officer;
      // Mobile numbers stay out of the audit trail; that it changed is enough.
      const diff = Object.fromEntries(
        changed.map((k) => [
          k,
          k === 'mobile'
            ? 'changed'
            : { from: officer[k as keyof Officer], to: changes[k as keyof Officer] },
        ]),
      );
      const saved = await em.save(Object.assign(officer, changes));
      change.audit({
        action: 'officer.updated',
        entityType: OFFICER_ENTITY,
        entityId: id,
        diff,
      });
      return saved;
    });
  }

  /** Links a login to the officer, so that login sees this officer's duty slips. */
  async linkAccount(id: string, username: string): Promise<Officer> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const officer = await em.findOne(Officer, { where: { id } });
      if (!officer) throw new NotFoundException(`Officer ${id} not found`);
      const user = await this.users.byUsername(username, em);
      if (!user) throw fieldError('username', `no account with username ${username}`);
      if (!user.roles.includes('OFFICER'))
        throw fieldError('username', `account ${username} does not have the OFFICER role`);
      // One login belongs to one officer: moving it takes it off whoever had it.
      await em.update(Officer, { userId: user.id }, { userId: null });
      await em.save(Object.assign(officer, { userId: user.id }));
      change.audit({
        action: 'officer.account-linked',
        entityType: OFFICER_ENTITY,
        entityId: id,
        diff: { userId: user.id },
      });
      return em.findOneOrFail(Officer, { where: { id } });
    });
  }

  private async scopedUnit(
    actor: Actor,
    em: EntityManager,
    code: string,
    field: string,
  ): Promise<Unit> {
    const unit = await this.units.activeByCode(code, em, field);
    if (!unitInScope(actor, unit)) throw fieldError(field, `${field} ${code} is outside your unit`);
    return unit;
  }
}
