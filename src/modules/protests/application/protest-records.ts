import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { unitScope } from '../../../platform/units';
import { ProtestApplication } from '../entities/protest-application.entity';

/**
 * Loads an application the actor may see. Thana users see their own thana's applications;
 * anything outside their subtree is "not found", so its existence is not disclosed.
 */
@Injectable()
export class ProtestRecords {
  async find(em: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<ProtestApplication> {
    const scope = unitScope(actor, 'p.thana_unit_id');
    const q = em.getRepository(ProtestApplication).createQueryBuilder('p').where('p.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (forUpdate) q.setLock('pessimistic_write');
    const app = await q.getOne();
    if (!app) throw new NotFoundException(`Protest application ${id} not found`);
    return app;
  }
}
