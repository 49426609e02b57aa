import { Inject, Injectable } from '@nestjs/common';
import { Change, UnitOfWork } from '../../platform/change';
import { Actor } from '../../platform/context';
import { assertVersion, fieldError } from '../../platform/http';
import { CLOCK, Clock } from '../../platform/time';
import { unitInScope } from '../../platform/units';
import { appendMovement, NewMovement } from './dak-movements';
import { actingOn, DakDetail, DakRecords } from './dak-records.service';
import { DAK_SETTINGS, dakDueAt, DakSettings } from './dak-settings';
import { DAK_SOURCE } from './dak-terms';
import { DAK_WORKFLOW, DakAction, DakStatus } from './dak-workflow';
import { DakConfirmDto, DakMarkDto, DakPutInFileDto, DakReasonDto, DakVersionDto } from './dak-actions.dto';
import { DakService } from './dak.service';
import { DakFile } from './entities/dak-file.entity';
import { DakReceipt } from './entities/dak-receipt.entity';

/** What an action's own step writes on the receipt and adds to its movement row and audit. */
export type Step = Partial<Pick<NewMovement, 'instruction' | 'dueAt' | 'note'>> & {
  audit?: Record<string, unknown>;
  /** A further step in the same change once this one is recorded (confirm, then mark). */
  andThen?: () => Promise<unknown>;
};

/**
 * The workflow's actions on a receipt. Each one, in one change: the row locked, its version and
 * the table (`dak-workflow.ts`, with the holder rule) checked, the receipt updated, one movement
 * row appended (from and to holder, instruction, due date, actor, time) and the action audited.
 * The answer is the item as GET /dak/:id gives it to the same user.
 */
@Injectable()
export class DakActions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: DakRecords,
    private readonly dak: DakService,
    @Inject(DAK_SETTINGS) private readonly settings: DakSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The dak clerk confirms an e-mailed item's grading; it goes to e-Office now, and is marked at once if asked. */
  confirm(actor: Actor, id: string, dto: DakConfirmDto): Promise<DakDetail> {
    return this.act(actor, id, 'confirm', dto, async (change, d, now) => {
      const before = d.grading;
      d.grading = dto.grading;
      if (dto.priority) d.priority = dto.priority;
      const marking = dto.toUnit || dto.toUser ? await this.dak.holder(change.em, { unit: dto.toUnit, user: dto.toUser }, { unit: 'toUnit', user: 'toUser' }) : null;
      await this.dak.sendForDiarisation(change, d, marking?.unit.code ?? null);
      return {
        audit: { grading: { from: before, to: d.grading }, priority: d.priority },
        // Confirmed and marked in one go: the marking is a step of its own in the history.
        andThen: dto.toUnit || dto.toUser ? () => this.transition(actor, change, d, 'mark', now, (c, r) => this.moveTo(r, dto, now, c)) : undefined,
      };
    });
  }

  mark(actor: Actor, id: string, dto: DakMarkDto): Promise<DakDetail> {
    return this.act(actor, id, 'mark', dto, (c, d, now) => this.moveTo(d, dto, now, c));
  }

  /** The holder acknowledges it; an officer of the unit it was marked to takes it thereby. */
  receive(actor: Actor, id: string, dto: DakVersionDto): Promise<DakDetail> {
    return this.act(actor, id, 'receive', dto, async (_c, d) => {
      d.holderUserId = actor.id;
      return {};
    });
  }

  /** Marked on by its holder to the next: a unit, a section or an officer. */
  forward(actor: Actor, id: string, dto: DakMarkDto): Promise<DakDetail> {
    return this.act(actor, id, 'forward', dto, (c, d, now) => this.moveTo(d, dto, now, c));
  }

  putInFile(actor: Actor, id: string, dto: DakPutInFileDto): Promise<DakDetail> {
    return this.act(actor, id, 'putInFile', dto, async (change, d) => {
      const file = await change.em.findOne(DakFile, { where: { id: dto.fileId } });
      const [unit] = file ? await change.em.query(`SELECT path FROM unit WHERE id = $1`, [file.unitId]) : [];
      if (!file || !unit || !unitInScope(actor, unit as { path: string })) throw fieldError('fileId', `fileId ${dto.fileId} is not a file of your unit or one below it`);
      if (d.fileId === file.id) throw fieldError('fileId', `${d.ref} is already in file ${file.ref}`);
      d.fileId = file.id;
      return { note: file.ref, audit: { file: file.ref } };
    });
  }

  close(actor: Actor, id: string, dto: DakReasonDto): Promise<DakDetail> {
    return this.act(actor, id, 'close', dto, async (_c, d) => {
      d.closedReason = dto.reason;
      return { note: dto.reason, audit: { reason: dto.reason } };
    });
  }

  /** Back to its last holder as received, with the reason; the closing reason stays in the history. */
  reopen(actor: Actor, id: string, dto: DakReasonDto): Promise<DakDetail> {
    return this.act(actor, id, 'reopen', dto, async (_c, d) => {
      const closed = d.closedReason;
      d.closedReason = null;
      return { note: dto.reason, audit: { reason: dto.reason, closedReason: closed } };
    });
  }

  /** One action in its own change, answered with the item's view. */
  private async act(actor: Actor, id: string, action: DakAction, dto: DakVersionDto, step: (change: Change, d: DakReceipt, now: Date) => Promise<Step>): Promise<DakDetail> {
    const now = this.clock.now();
    const d = await this.uow.run(async (change) => {
      const receipt = await this.records.find(change.em, actor, id, true);
      assertVersion(`Dak ${receipt.ref}`, receipt.version, dto.version);
      const done = await this.transition(actor, change, receipt, action, now, (c, r) => step(c, r, now));
      await done.andThen?.();
      return receipt;
    });
    return this.records.detail(actor, d);
  }

  /** The table's verdict, the step, the receipt saved, its movement row and audit, in the caller's change (the reply's too). */
  async transition(actor: Actor, change: Change, d: DakReceipt, action: DakAction, now: Date, step: (change: Change, d: DakReceipt) => Promise<Step>): Promise<Step> {
    const { em } = change;
    const marked = (await this.records.markedOnce([d.id], em)).has(d.id);
    const to: DakStatus = DAK_WORKFLOW.next(d.status, action, actor.roles, actingOn(actor, d, marked));
    const from = { status: d.status, unitId: d.holderUnitId, userId: d.holderUserId };
    const s = await step(change, d);
    d.status = to;
    await em.save(d);
    await appendMovement(em, d, {
      action,
      fromStatus: from.status,
      toStatus: to,
      fromUnitId: from.unitId,
      fromUserId: from.userId,
      toUnitId: d.holderUnitId,
      toUserId: d.holderUserId,
      instruction: s.instruction ?? null,
      dueAt: s.dueAt ?? null,
      note: s.note ?? null,
      actorId: actor.id,
      at: now,
    });
    change.audit({
      action: `dak.${action}`,
      entityType: DAK_SOURCE,
      entityId: d.id,
      diff: { ref: d.ref, status: { from: from.status, to }, holder: { from: { unit: from.unitId, user: from.userId }, to: { unit: d.holderUnitId, user: d.holderUserId } }, ...s.audit },
    });
    return s;
  }

  /** Mark or forward: the new holder, the instruction, the due date by the (new) priority. */
  private async moveTo(d: DakReceipt, dto: Omit<DakMarkDto, 'version'>, now: Date, change: Change): Promise<Step> {
    if (!dto.toUnit && !dto.toUser) throw fieldError('toUnit', 'toUnit or toUser is required: the unit, section or officer it goes to');
    const holder = await this.dak.holder(change.em, { unit: dto.toUnit, user: dto.toUser }, { unit: 'toUnit', user: 'toUser' });
    const to = { unitId: holder.unit.id, userId: holder.user?.id ?? null };
    if (to.unitId === d.holderUnitId && to.userId === d.holderUserId) throw fieldError(dto.toUser ? 'toUser' : 'toUnit', `${d.ref} is already held there`);
    if (dto.priority) d.priority = dto.priority;
    d.holderUnitId = to.unitId;
    d.holderUserId = to.userId;
    d.markedAt = now;
    d.dueAt = dakDueAt(now, d.priority, this.settings);
    return {
      instruction: dto.instruction ?? null,
      dueAt: d.dueAt,
      audit: { priority: d.priority, dueAt: d.dueAt.toISOString(), instruction: dto.instruction ?? null },
    };
  }
}
