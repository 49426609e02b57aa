import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import type { Role } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { inUnitSubtree, SqlCondition, Unit, unitSubtreeScope } from '../../../platform/units';
import { VerificationApplication } from '../entities/verification-application.entity';
import { VERIFICATION_SOURCE } from '../verification-terms';

/** The roles that may ever read an application; of them only AUDITOR regardless of unit. */
export const VERIFICATION_READERS: Role[] = ['VERIFIER', 'APPROVER', 'AUDITOR'];
/** Intake: the intelligence branch's verifiers enter what came by e-Office, the portal, post or hand. */
export const VERIFICATION_INTAKE: Role[] = ['VERIFIER'];

/**
 * Need-to-know (BRIEF §6): an application is read only by VERIFIER and APPROVER users whose
 * unit is its thana or a unit above it (the handling unit's chain: the thana, its ACP circle,
 * zone, the commissionerate), and by AUDITOR. Anyone else is told it does not exist.
 */
export function readsApplicationsOf(actor: Pick<Actor, 'roles' | 'unitPath'>, thanaPath: string): boolean {
  if (actor.roles.includes('AUDITOR')) return true;
  return (actor.roles.includes('VERIFIER') || actor.roles.includes('APPROVER')) && inUnitSubtree(thanaPath, actor.unitPath);
}

/** `readsApplicationsOf` as SQL over a column holding the thana's unit id. */
export function readableScope(actor: Pick<Actor, 'roles' | 'unitPath'>, thanaColumn: string): SqlCondition {
  if (actor.roles.includes('AUDITOR')) return { sql: 'TRUE', params: {} };
  if (!actor.roles.includes('VERIFIER') && !actor.roles.includes('APPROVER')) return { sql: 'FALSE', params: {} };
  return unitSubtreeScope(thanaColumn, actor.unitPath, 'readerPath');
}

/** Loads an application the actor may read, with its thana; else 404, the refusal audited. */
@Injectable()
export class VerificationRecords {
  constructor(private readonly audit: AuditService) {}

  async find(em: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<{ app: VerificationApplication; thana: Unit }> {
    const q = em.getRepository(VerificationApplication).createQueryBuilder('v').where('v.id = :id', { id });
    if (forUpdate) q.setLock('pessimistic_write');
    const app = await q.getOne();
    const thana = app ? await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } }) : null;
    if (!app || !thana || !readsApplicationsOf(actor, thana.path)) {
      if (app && !forUpdate) await this.audit.recordAlone({ action: 'verification.refused', entityType: VERIFICATION_SOURCE, entityId: app.id, diff: { ref: app.ref } });
      throw new NotFoundException(`Verification application ${id} not found`);
    }
    return { app, thana };
  }
}
