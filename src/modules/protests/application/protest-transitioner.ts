import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '../../../platform/context';
import { Change, Drawing, UnitOfWork } from '../../../platform/change';
import { assertVersion } from '../../../platform/http';
import { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestNotices } from '../notices/protest-notices';
import { PROTEST_WORKFLOW, ProtestAction, ProtestStatus } from '../protest-workflow';
import { PROTEST_SOURCE } from '../protest-source';
import { ProtestRecords } from './protest-records';

export interface Step<D = undefined> {
  /** Sets the fields of the new state (reads only); returns what the audit row should say beyond the status. */
  apply(em: EntityManager, app: ProtestApplication): Promise<Record<string, unknown>>;
  /** Draws the papers of the new state (letters), before any transaction. */
  draw?(drawing: Drawing, app: ProtestApplication): Promise<D>;
  /** Writes what the new state brings beyond the row (stores the letters, voids a permission). */
  after?(change: Change, app: ProtestApplication, drawn: D): Promise<void>;
}

/**
 * Every state change goes through here. The new state and its letters are worked out and
 * drawn first, outside any transaction; then the row is locked, the transition table and
 * the version checked again (someone may have moved it meanwhile), and the change, its
 * letters, audit and the applicant's SMS are written in one short transaction.
 */
@Injectable()
export class ProtestTransitioner {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: ProtestRecords,
    private readonly notices: ProtestNotices,
  ) {}

  /** The record as saved; routes answer with the record view (`ProtestView`), never with this. */
  async move<D>(actor: Actor, id: string, action: ProtestAction, version: number, step: Step<D>): Promise<ProtestApplication> {
    const check = (app: ProtestApplication) => this.check(actor, app, action, version);
    return this.uow.run({
      draw: async (d) => {
        const app = await this.records.find(d.em, actor, id);
        const to = check(app);
        const from: ProtestStatus = app.status;
        const diff = await step.apply(d.em, app);
        app.status = to;
        const drawn = step.draw ? await step.draw(d, app) : (undefined as D);
        return { app, from, to, diff, drawn };
      },
      write: async (change, { app, from, to, diff, drawn }) => {
        check(await this.records.find(change.em, actor, id, true));
        const saved = await change.em.save(app);
        await step.after?.(change, saved, drawn);
        change.audit({
          action: `protest.${to.toLowerCase()}`,
          entityType: PROTEST_SOURCE,
          entityId: saved.id,
          diff: { ref: saved.ref, status: { from, to }, ...diff },
        });
        await this.notices.stageReached(change, saved);
        return saved;
      },
    });
  }

  /**
   * The papers `move` would draw, drawn as drafts and written nowhere: the same checks (404
   * outside the actor's scope, the workflow's 409, the version) and the same `apply`, with its
   * field errors, on a copy of the record in memory.
   */
  async preview<D>(actor: Actor, id: string, action: ProtestAction, version: number, step: Step<D> & Required<Pick<Step<D>, 'draw'>>): Promise<D> {
    return this.uow.preview(async (d) => {
      const app = await this.records.find(d.em, actor, id);
      const to = this.check(actor, app, action, version);
      await step.apply(d.em, app);
      app.status = to;
      return step.draw(d, app);
    });
  }

  private check(actor: Actor, app: ProtestApplication, action: ProtestAction, version: number): ProtestStatus {
    // The state first: a stale screen that asks for an illegal move learns where things stand.
    const to = PROTEST_WORKFLOW.next(app.status, action, actor.roles, app);
    assertVersion('Protest application', app.version, version);
    return to;
  }
}
