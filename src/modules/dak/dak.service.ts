import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { User, UsersService } from '../../platform/auth';
import { Change, UnitOfWork } from '../../platform/change';
import { Actor } from '../../platform/context';
import { leavesByWire, OutboxItem } from '../../platform/eoffice';
import { ATTACHMENT_MAX_BYTES, fieldError, safeFilename, sniffFileType } from '../../platform/http';
import { CLOCK, Clock, parseIstInstant } from '../../platform/time';
import { Unit, UnitsService } from '../../platform/units';
import { dakVisibleScope } from './dak-access';
import { appendMovement } from './dak-movements';
import { DakDetail, DakRecords, DakView } from './dak-records.service';
import { findDakReceipts } from './dak-search';
import { DAK_SETTINGS, dakDueAt, DakSettings } from './dak-settings';
import { DAK_REF_PREFIX, DAK_SOURCE, languageOf, MailDiarisation } from './dak-terms';
import { CreateDakDto, DakQueryDto } from './dak.dto';
import { DakReceipt } from './entities/dak-receipt.entity';
import { DakScan } from './entities/dak-scan.entity';

/** A receipt stamped a few minutes ahead is a clock skew; further ahead is a typing error. */
const CLOCK_SKEW_MS = 5 * 60_000;
const SUBJECT_MAX = 500;
const NAME_MAX = 200;

/** Control characters become spaces (an e-mail header may carry any); the text is trimmed to `max`. */
const clean = (text: string, max: number): string =>
  [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .trim()
    .slice(0, max);

/** A marking's target, resolved: the unit, and the officer within it if it goes to one. */
export interface Holder {
  unit: Unit;
  user: Pick<User, 'id' | 'unitId'> | null;
}

/** The dak register: every inward item gets its diary number here at once, and goes to e-Office when it can. */
@Injectable()
export class DakService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly records: DakRecords,
    @Inject(DAK_SETTINGS) private readonly settings: DakSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Manual intake by the dak desk: numbered, queued for e-Office diarisation, and marked at once when `markedTo` is given. */
  async receive(actor: Actor, dto: CreateDakDto): Promise<DakDetail> {
    // Back-entry after an outage is the point of the field: any past moment, but not the future
    // (a few minutes' grace for a clock that runs ahead).
    const receivedAt = parseIstInstant(dto.receivedAt);
    const now = this.clock.now();
    if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw fieldError('receivedAt', 'receivedAt cannot be in the future');
    const { dak, movements, items } = await this.uow.run(async (change) => {
      const { em } = change;
      const markedTo = dto.markedTo || dto.markedToUser ? await this.holder(em, { unit: dto.markedTo, user: dto.markedToUser }, { unit: 'markedTo', user: 'markedToUser' }) : null;
      const ref = await change.takeReference(DAK_REF_PREFIX, receivedAt);
      const priority = dto.priority ?? 'NORMAL';
      const dak = em.create(DakReceipt, {
        ref,
        subject: dto.subject,
        senderName: dto.senderName,
        senderOffice: dto.senderOffice ?? null,
        letterNo: dto.letterNo ?? null,
        letterDate: dto.letterDate ?? null,
        language: dto.language ?? languageOf(dto.subject),
        intakeChannel: dto.intakeChannel,
        receivedAt,
        grading: dto.grading ?? 'NORMAL',
        priority,
        status: markedTo ? 'MARKED' : 'DIARISED',
        unitId: actor.unitId,
        holderUnitId: markedTo?.unit.id ?? actor.unitId,
        holderUserId: markedTo?.user?.id ?? null,
        markedAt: markedTo ? now : null,
        dueAt: markedTo ? dakDueAt(now, priority, this.settings) : null,
        fileId: null,
        closedReason: null,
        remarks: dto.remarks ?? null,
        createdBy: actor.id,
      });
      await em.insert(DakReceipt, dak);
      change.made(DAK_SOURCE, dak.id);
      const movements = [await appendMovement(em, dak, { action: 'diarise', fromStatus: null, toStatus: 'DIARISED', toUnitId: actor.unitId, toUserId: null, actorId: actor.id, at: now })];
      if (markedTo) {
        const marking = await appendMovement(em, dak, {
          action: 'mark',
          fromStatus: 'DIARISED',
          toStatus: 'MARKED',
          fromUnitId: actor.unitId,
          fromUserId: actor.id,
          toUnitId: markedTo.unit.id,
          toUserId: markedTo.user?.id ?? null,
          instruction: dto.instruction ?? null,
          dueAt: dak.dueAt,
          actorId: actor.id,
          at: now,
        });
        movements.push(marking);
      }
      const inward = await this.sendForDiarisation(change, dak, markedTo?.unit.code ?? null);
      change.audit({
        action: 'dak.received',
        entityType: DAK_SOURCE,
        entityId: dak.id,
        diff: {
          ref,
          intakeChannel: dak.intakeChannel,
          receivedAt: dak.receivedAt.toISOString(),
          grading: dak.grading,
          priority: dak.priority,
          markedTo: markedTo ? { unit: markedTo.unit.code, user: markedTo.user?.id ?? null } : null,
        },
      });
      return { dak, movements, items: inward ? [inward] : [] };
    });
    // Answered from the rows just written: read back, they would say the same (tested).
    return this.records.detailOfNew(actor, dak, { movements, items });
  }

  /**
   * An inward e-mail diarised by the application, inside the caller's change (the mail poller's,
   * which also records the message as taken): numbered, EMAIL, AWAITING_CONFIRMATION, held by the
   * dak clerks' unit (DAK_CLERK_UNIT, else the commissionerate) until a clerk confirms its grading
   * and marks it. Its attachments that are PDF, JPEG or PNG by content become its scans; others
   * are named in the remarks. It goes to e-Office at `confirm`, with the confirmed grading.
   */
  async diariseFromMail(change: Change, mail: MailDiarisation): Promise<DakReceipt> {
    const { em } = change;
    const now = this.clock.now();
    const clerks = await this.clerkUnit(em);
    // A sender's clock running ahead does not date an item in the future.
    const receivedAt = mail.receivedAt.getTime() > now.getTime() ? now : mail.receivedAt;
    const ref = await change.takeReference(DAK_REF_PREFIX, receivedAt);
    const scans: Array<{ filename: string; contentType: string; bytes: Buffer }> = [];
    const leftOut: string[] = [];
    for (const a of mail.scans) {
      const type = a.bytes.length > 0 && a.bytes.length <= ATTACHMENT_MAX_BYTES ? sniffFileType(a.bytes) : null;
      if (type) scans.push({ filename: safeFilename(a.filename, type.extension), contentType: type.contentType, bytes: a.bytes });
      else leftOut.push(clean(a.filename || '(unnamed)', 200));
    }
    const note = leftOut.length
      ? `Attachments not kept as scans (not a PDF, JPEG or PNG of at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB by content): ${leftOut.join(', ')}`
      : null;
    const remarks = [mail.remarks?.trim() || null, note].filter((x): x is string => !!x).join('\n').slice(0, 4000) || null;
    const subject = clean(mail.subject, SUBJECT_MAX);
    const dak = em.create(DakReceipt, {
      ref,
      subject: subject.length >= 1 ? subject : '(बिना विषय / no subject)',
      senderName: clean(mail.senderName, NAME_MAX) || '(अज्ञात / unknown)',
      senderOffice: mail.senderOffice ? clean(mail.senderOffice, NAME_MAX) || null : null,
      letterNo: null,
      letterDate: null,
      language: mail.language,
      intakeChannel: 'EMAIL',
      receivedAt,
      grading: 'NORMAL',
      priority: 'NORMAL',
      status: 'AWAITING_CONFIRMATION',
      unitId: clerks.id,
      holderUnitId: clerks.id,
      holderUserId: null,
      markedAt: null,
      dueAt: null,
      fileId: null,
      closedReason: null,
      remarks,
      createdBy: null,
    });
    await em.insert(DakReceipt, dak);
    await appendMovement(em, dak, { action: 'diarise', fromStatus: null, toStatus: 'AWAITING_CONFIRMATION', toUnitId: clerks.id, at: now, note: 'e-mail' });
    const seen = new Set<string>();
    for (const s of scans) {
      const sha256 = createHash('sha256').update(s.bytes).digest('hex');
      // The same attachment twice in one message is one scan.
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      await em.insert(DakScan, em.create(DakScan, { receiptId: dak.id, filename: s.filename, contentType: s.contentType, sizeBytes: s.bytes.length, sha256, bytes: s.bytes, uploadedBy: null }));
    }
    change.audit({
      action: 'dak.diarised_from_mail',
      entityType: DAK_SOURCE,
      entityId: dak.id,
      diff: { ref, receivedAt: receivedAt.toISOString(), holderUnit: clerks.code, scans: seen.size, leftOut },
    });
    return dak;
  }

  async list(actor: Actor, f: DakQueryDto): Promise<{ total: number; totalCapped: boolean; items: DakView[] }> {
    const scope = dakVisibleScope(actor);
    const q = this.dataSource.getRepository(DakReceipt).createQueryBuilder('d').where(scope.sql, scope.params);
    const { items, total, totalCapped } = await findDakReceipts(this.dataSource, q, f, { limit: f.limit, offset: f.offset }, this.clock.now());
    await this.records.auditViews(items, 'list');
    return { total, totalCapped, items: await this.records.views(actor, items) };
  }

  get(actor: Actor, id: string): Promise<DakDetail> {
    return this.records.get(actor, id);
  }

  /**
   * Queues the item's diarisation into e-Office in the caller's change: at intake, or at the
   * clerk's confirmation of an e-mailed item. A Top Secret item never leaves by wire: it stays
   * in the register only (its e-Office status NOT_REQUIRED) and the audit says so. Answers the
   * DAK_INWARD outbox row, or null when the grading kept the item off the wire.
   */
  async sendForDiarisation(change: Change, dak: DakReceipt, markedTo: string | null): Promise<OutboxItem | null> {
    const grading = dak.grading;
    if (!leavesByWire(grading)) {
      change.audit({ action: 'dak.kept_off_eoffice', entityType: DAK_SOURCE, entityId: dak.id, diff: { ref: dak.ref, grading } });
      return null;
    }
    return change.toEoffice({
      sourceType: DAK_SOURCE,
      sourceId: dak.id,
      sourceRef: dak.ref,
      kind: 'DAK_INWARD',
      subject: dak.subject,
      grading,
      intakeChannel: dak.intakeChannel,
      receivedAt: dak.receivedAt,
      metadata: {
        sender: dak.senderName,
        senderOffice: dak.senderOffice,
        letterNo: dak.letterNo,
        letterDate: dak.letterDate,
        language: dak.language,
        priority: dak.priority,
        markedTo,
      },
    });
  }

  /**
   * Resolves where an item is marked to: a unit by its code, an officer (a user) by username, or
   * both (the officer must be of that unit). `fields` names the request fields for the 400s.
   */
  async holder(em: EntityManager, to: { unit?: string; user?: string }, fields: { unit: string; user: string }): Promise<Holder> {
    if (to.user) {
      const user = await this.users.byUsername(to.user, em);
      if (!user || !user.isActive) throw fieldError(fields.user, `${fields.user} ${to.user} is not an active user`);
      const [unit] = await this.units.byIds([user.unitId], em);
      if (to.unit && unit.code !== to.unit) throw fieldError(fields.user, `${fields.user} ${to.user} is not of unit ${to.unit}`);
      return { unit, user: { id: user.id, unitId: user.unitId } };
    }
    return { unit: await this.units.activeByCode(to.unit!, em, fields.unit), user: null };
  }

  /** The dak clerks' unit: DAK_CLERK_UNIT, else the root of the tree. */
  async clerkUnit(em: EntityManager): Promise<Unit> {
    if (this.settings.clerkUnitCode) {
      const unit = await em.findOne(Unit, { where: { code: this.settings.clerkUnitCode } });
      if (!unit || !unit.isActive) throw new Error(`DAK_CLERK_UNIT=${this.settings.clerkUnitCode} is not an active unit: set it to the dak clerks' unit code`);
      return unit;
    }
    const root = await em.findOne(Unit, { where: { parentId: IsNull() }, order: { createdAt: 'ASC' } });
    if (!root) throw new Error('The unit tree has no root: the dak clerks have no unit');
    return root;
  }
}
