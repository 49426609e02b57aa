import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../change/unit-of-work';
import { assertVersion, fieldError } from '../http/field-error';
import { childPath, inUnitSubtree, unitSubtreeSql } from './subtree';
import { placementProblem, UNIT_KIND_WORDS } from './tree-rules';
import { Unit } from './unit.entity';
import { CreateUnitDto, MoveUnitDto, UpdateUnitDto } from './units.dto';
import { UnitsService } from './units.service';

export const UNIT_ENTITY = 'unit';

/** The audit row of a unit made, by hand or by an import (which adds its file name). */
export function unitCreatedAudit(unit: Unit, extra: Record<string, unknown> = {}) {
  return {
    action: 'unit.created',
    entityType: UNIT_ENTITY,
    entityId: unit.id,
    diff: {
      code: unit.code,
      kind: unit.kind,
      path: unit.path,
      nameEn: unit.nameEn,
      nameHi: unit.nameHi,
      ...extra,
    },
  };
}

/** What still names a unit: rows of one table pointing at it. */
export interface UnitReference {
  /** The table's name in words ("officer", "app user", "dak receipt"). */
  what: string;
  count: number;
}

export interface UnitMove {
  unit: Unit;
  /** Every unit whose path was rewritten: the moved unit and its whole subtree. */
  paths: Array<{ code: string; from: string; to: string }>;
}

export interface UnitRemoval {
  outcome: 'DELETED' | 'RETIRED';
  unit: Unit;
  referencedBy: UnitReference[];
}

/**
 * The tree's shape changes one at a time: every change takes this transaction-scoped lock
 * first, so a move never rewrites paths from under another move or an import.
 */
export const UNIT_TREE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('police-ops:unit-tree'))`;

/**
 * Admins set the tree up and keep it true: create, edit, move and retire zones, ACP circles,
 * thanas and branches. A unit anything refers to is retired, never deleted.
 */
@Injectable()
export class UnitTreeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
  ) {}

  async create(dto: CreateUnitDto): Promise<Unit> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await em.query(UNIT_TREE_LOCK);
      const parent = await this.units.byCode(dto.parentCode, em, 'parentCode');
      this.assertCanHold(parent, dto.kind);
      if (await em.findOne(Unit, { where: { code: dto.code } }))
        throw new ConflictException({
          message: `unit code ${dto.code} already exists`,
          fields: [{ field: 'code', message: 'already exists' }],
        });
      const unit = await this.units.create(em, { ...dto, parentCode: parent.code });
      change.audit(unitCreatedAudit(unit));
      return unit;
    });
  }

  async update(id: string, dto: UpdateUnitDto): Promise<Unit> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await em.query(UNIT_TREE_LOCK);
      const unit = await this.lockActive(em, id, dto.version, 'edited');
      if (dto.kind && dto.kind !== unit.kind) {
        if (!unit.parentId) throw fieldError('kind', `${unit.code} is the commissionerate itself`);
        const parent = await em.findOneOrFail(Unit, { where: { id: unit.parentId } });
        const problem = placementProblem(dto.kind, parent.kind);
        if (problem)
          throw fieldError(
            'kind',
            `${unit.code} cannot become a ${UNIT_KIND_WORDS[dto.kind]}: ${problem} (${parent.code})`,
          );
        for (const child of await em.find(Unit, { where: { parentId: unit.id } })) {
          const under = placementProblem(child.kind, dto.kind);
          if (under)
            throw fieldError(
              'kind',
              `${unit.code} cannot become a ${UNIT_KIND_WORDS[dto.kind]}: ${under} (${child.code} hangs from it)`,
            );
        }
      }
      const diff: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of ['nameEn', 'nameHi', 'kind', 'lat', 'lng'] as const) {
        if (dto[k] !== undefined && dto[k] !== unit[k]) diff[k] = { from: unit[k], to: dto[k] };
      }
      if (Object.keys(diff).length === 0) return unit;
      const saved = await em.save(
        Object.assign(unit, Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to]))),
      );
      change.audit({
        action: 'unit.updated',
        entityType: UNIT_ENTITY,
        entityId: unit.id,
        diff: { code: unit.code, ...diff },
      });
      return saved;
    });
  }

  /** Hangs the unit from another parent; its own path and its whole subtree's are rewritten together. */
  async move(id: string, dto: MoveUnitDto): Promise<UnitMove> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await em.query(UNIT_TREE_LOCK);
      const unit = await this.lockActive(em, id, dto.version, 'moved');
      const parent = await this.units.byCode(dto.parentCode, em, 'parentCode');
      if (parent.id === unit.parentId) return { unit, paths: [] };
      if (inUnitSubtree(parent.path, unit.path))
        throw fieldError(
          'parentCode',
          `${unit.code} cannot be moved under ${parent.code}: ${parent.code} is ${parent.id === unit.id ? 'the unit itself' : `inside ${unit.code}`}`,
        );
      this.assertCanHold(parent, unit.kind);
      const oldParent = await em.findOneOrFail(Unit, { where: { id: unit.parentId! } });
      const from = unit.path;
      const to = childPath(parent.path, unit.code);
      const [rewritten]: [Array<{ id: string; code: string; path: string }>, number] =
        await em.query(
          `UPDATE unit
            SET path = $2 || substr(path, length($1) + 1),
                parent_id = CASE WHEN id = $3 THEN $4::uuid ELSE parent_id END,
                version = version + 1,
                updated_at = now()
          WHERE ${unitSubtreeSql('path', '$1')}
          RETURNING id, code, path`,
          [from, to, unit.id, parent.id],
        );
      const paths = rewritten
        .map((r) => ({
          id: r.id,
          code: r.code,
          from: `${from}${r.path.slice(to.length)}`,
          to: r.path,
        }))
        .sort((a, b) => a.to.localeCompare(b.to));
      for (const p of paths) {
        change.audit({
          action: p.id === unit.id ? 'unit.moved' : 'unit.path_rewritten',
          entityType: UNIT_ENTITY,
          entityId: p.id,
          diff:
            p.id === unit.id
              ? {
                  code: p.code,
                  parent: { from: oldParent.code, to: parent.code },
                  path: { from: p.from, to: p.to },
                }
              : { code: p.code, path: { from: p.from, to: p.to }, movedWith: unit.code },
        });
      }
      return {
        unit: await em.findOneOrFail(Unit, { where: { id } }),
        paths: paths.map(({ code, from: f, to: t }) => ({ code, from: f, to: t })),
      };
    });
  }

  /**
   * Deletes a unit nothing refers to (one created by mistake); a unit that users, officers or
   * records name is retired instead: it keeps its row for them, and takes no new work.
   */
  async remove(id: string, version: number): Promise<UnitRemoval> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await em.query(UNIT_TREE_LOCK);
      const unit = await this.lock(em, id);
      if (unit.kind === 'COMMISSIONERATE')
        throw new ConflictException(
          `${unit.code} is the commissionerate itself; it is neither retired nor deleted`,
        );
      assertVersion('Unit', unit.version, version);
      const children = await em.find(Unit, {
        where: { parentId: unit.id },
        order: { code: 'ASC' },
      });
      const active = children.filter((c) => c.isActive);
      if (active.length > 0)
        throw new ConflictException({
          message: `${unit.code} still has ${active.length} unit(s) under it (${active.map((c) => c.code).join(', ')}); move or retire them first`,
          children: active.map((c) => c.code),
        });
      const referencedBy = await this.references(em, unit.id);
      if (children.length > 0)
        referencedBy.push({ what: 'retired unit under it', count: children.length });
      if (referencedBy.length === 0) {
        await em.delete(Unit, { id: unit.id });
        change.audit({
          action: 'unit.deleted',
          entityType: UNIT_ENTITY,
          entityId: unit.id,
          diff: { code: unit.code, path: unit.path },
        });
        return { outcome: 'DELETED', unit, referencedBy };
      }
      if (!unit.isActive) return { outcome: 'RETIRED', unit, referencedBy };
      const retired = await em.save(
        Object.assign(unit, { isActive: false, retiredAt: new Date() }),
      );
      change.audit({
        action: 'unit.retired',
        entityType: UNIT_ENTITY,
        entityId: unit.id,
        diff: { code: unit.code, path: unit.path, referencedBy },
      });
      return { outcome: 'RETIRED', unit: retired, referencedBy };
    });
  }

  /**
   * Every row that points at the unit: the foreign keys to `unit` (found in the catalogue, so a
   * table added later is counted without being listed here), and uuid[] columns of unit ids
   * (which cannot carry a foreign key). The tree's own parent link is not counted.
   */
  async references(em: EntityManager, unitId: string): Promise<UnitReference[]> {
    const columns: Array<{ tbl: string; col: string; many: boolean }> = await em.query(`
      SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, false AS many
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.confrelid = 'unit'::regclass AND cardinality(c.conkey) = 1
         AND NOT (c.conrelid = 'unit'::regclass AND a.attname = 'parent_id')
      UNION ALL
      SELECT format('%I.%I', table_schema, table_name), column_name, true
        FROM information_schema.columns
       WHERE table_schema = current_schema() AND udt_name = '_uuid' AND column_name LIKE '%unit%'
       ORDER BY 1, 2`);
    if (columns.length === 0) return [];
    const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const counts: Array<{ tbl: string; n: number }> = await em.query(
      columns
        .map(
          (c) =>
            `SELECT ${`'${c.tbl.replace(/'/g, "''")}'`} AS tbl, count(*)::int AS n FROM ${c.tbl} WHERE ${
              c.many ? `$1::uuid = ANY(${ident(c.col)})` : `${ident(c.col)} = $1::uuid`
            }`,
        )
        .join(' UNION ALL '),
      [unitId],
    );
    const byTable = new Map<string, number>();
    for (const c of counts) if (c.n > 0) byTable.set(c.tbl, (byTable.get(c.tbl) ?? 0) + c.n);
    return [...byTable].map(([tbl, count]) => ({
      what: tbl.replace(/^.*\./, '').replace(/"/g, '').replace(/_/g, ' '),
      count,
    }));
  }

  private assertCanHold(parent: Unit, kind: Unit['kind']): void {
    if (!parent.isActive)
      throw fieldError('parentCode', `${parent.code} is retired; nothing new hangs from it`);
    const problem = placementProblem(kind, parent.kind);
    if (problem) throw fieldError('parentCode', `${parent.code}: ${problem}`);
  }

  private async lock(em: EntityManager, id: string): Promise<Unit> {
    const unit = await em.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFoundException(`Unit ${id} not found`);
    return unit;
  }

  private async lockActive(
    em: EntityManager,
    id: string,
    version: number,
    verb: string,
  ): Promise<Unit> {
    const unit = await this.lock(em, id);
    if (unit.kind === 'COMMISSIONERATE' && verb === 'moved')
      throw new ConflictException(`${unit.code} is the commissionerate itself; it cannot be moved`);
    assertVersion('Unit', unit.version, version);
    if (!unit.isActive)
      throw new ConflictException(`${unit.code} is retired; a retired unit is not ${verb}`);
    return unit;
  }
}
