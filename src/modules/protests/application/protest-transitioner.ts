import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { Actor } from '../../../platform/context/request-context';
import { TransactionService } from '../../../platform/database/transaction.service';
import { assertVersion } from '../../../platform/http/field-error';
import { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestNotices } from '../notices/protest-notices';
import { PROTEST_WORKFLOW, ProtestAction, ProtestStatus } from '../protest-workflow';
import { PROTEST_SOURCE } from '../protest-source';
import { ProtestRecords } from './protest-records';

export interface Step {
  /** Sets the fields of the new state; returns what the audit row should say beyond the status. */
  apply(em: EntityManager, app: ProtestApplication): Promise<Record<string, unknown>>;
  /** Runs after the row is saved in its new state (letters are issued from the saved record). */
  after?(em: EntityManager, app: ProtestApplication): Promise<void>;
}

/**
 * Every state change goes through here: lock the row, check the transition table and the
 * version, change it, then audit and tell the applicant, all in one transaction.
 */
@Injectable()
export class ProtestTransitioner {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly records: ProtestRecords,
    private readonly notices: ProtestNotices,
  ) {}

  move(actor: Actor, id: string, action: ProtestAction, version: number, step: Step): Promise<ProtestApplication> {
    return this.tx.run(async (em) => {
      const app = await this.records.find(em, actor, id, true);
      const from: ProtestStatus = app.status;
      // The state first: a stale screen that asks for an illegal move learns where things stand.
      const to: ProtestStatus = PROTEST_WORKFLOW.next(from, action, actor.roles, app);
      assertVersion('Protest application', app.version, version);
      const diff = await step.apply(em, app);
      app.status = to;
      const saved = await em.save(app);
      await step.after?.(em, saved);
      await this.audit.record(em, {
        action: `protest.${to.toLowerCase()}`,
        entityType: PROTEST_SOURCE,
        entityId: saved.id,
        diff: { ref: saved.ref, status: { from, to }, ...diff },
      });
      await this.notices.stageReached(em, saved);
      return saved;
    });
  }
}
