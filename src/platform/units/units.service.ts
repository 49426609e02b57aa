import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { fieldError } from '../http/field-error';
import { References } from '../http/references';
import { childPath } from './subtree';
import { Unit, UnitKind } from './unit.entity';
import { UnitRef, unitRef, unknownUnit } from './unit-ref';

export interface NewUnit {
  code: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentCode?: string | null;
  lat?: number | null;
  lng?: number | null;
  isDemo?: boolean;
}

@Injectable()
export class UnitsService {
  constructor(private readonly dataSource: DataSource) {}

  list(em: EntityManager = this.dataSource.manager): Promise<Unit[]> {
    return em.find(Unit, { order: { path: 'ASC' } });
  }

  /** The tree as users see it: retired units only when asked for. */
  tree(includeRetired = false): Promise<Unit[]> {
    return this.dataSource.manager.find(Unit, {
      where: includeRetired ? {} : { isActive: true },
      order: { path: 'ASC' },
    });
  }

  /** The units with these ids, in tree order (unknown ids are left out). */
  byIds(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Unit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.find(Unit, { where: { id: In([...ids]) }, order: { path: 'ASC' } });
  }

  /** The units with these ids as views name them, in one query (see `References`). */
  async refs(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<References<UnitRef>> {
    const wanted = [...new Set(ids)];
    // Only the four columns a reference shows: views call this on every answer.
    const units: UnitRef[] = wanted.length
      ? await em.query('SELECT id, code, name_en AS "nameEn", name_hi AS "nameHi" FROM unit WHERE id = ANY($1::uuid[])', [wanted])
      : [];
    return new References(new Map(units.map((u) => [u.id, unitRef(u)])), unknownUnit);
  }

  /** With `field`, an unknown code is the client's input error (400 naming the field), not a 404. */
  async byCode(code: string, em: EntityManager = this.dataSource.manager, field?: string): Promise<Unit> {
    const unit = await em.findOne(Unit, { where: { code } });
    if (unit) return unit;
    if (field) throw fieldError(field, `${field} ${code} is not a known unit code`);
    throw new NotFoundException(`Unit ${code} not found`);
  }

  /** A unit new work may go to: as `byCode`, and refused (400 naming the field) once retired. */
  async activeByCode(code: string, em: EntityManager, field: string): Promise<Unit> {
    const unit = await this.byCode(code, em, field);
    if (!unit.isActive) throw fieldError(field, `${field} ${code} is retired; it takes no new work`);
    return unit;
  }

  async create(em: EntityManager, input: NewUnit): Promise<Unit> {
    const parent = input.parentCode ? await this.byCode(input.parentCode, em) : null;
    const unit = em.create(Unit, {
      code: input.code,
      kind: input.kind,
      nameEn: input.nameEn,
      nameHi: input.nameHi,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, input.code),
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      isDemo: input.isDemo ?? false,
    });
    return em.save(unit);
  }
}
