import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit';
import { DocumentsService } from '../../platform/documents';
import { PersonRef, UsersService } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { eofficeFields, newRecordSync, OutboxItem, RecordSync, SyncStateService } from '../../platform/eoffice';
import { idsOf, References } from '../../platform/http';
import { CLOCK, Clock } from '../../platform/time';
import { UnitRef } from '../../platform/units';
import { dakVisibleScope, holdsNow, isGraded } from './dak-access';
import { dakOverdue } from './dak-settings';
import { DAK_SOURCE } from './dak-terms';
import { DAK_DESK_ROLES, DAK_WORKFLOW, DakActing } from './dak-workflow';
import { DakFile } from './entities/dak-file.entity';
import { DakMovement } from './entities/dak-movement.entity';
import { DakReceipt } from './entities/dak-receipt.entity';
import { DakReply } from './entities/dak-reply.entity';
import { DakScan } from './entities/dak-scan.entity';

/** Where the actor stands to an item, for the workflow's guards. */
export function actingOn(actor: Actor, d: DakReceipt, marked: boolean): DakActing {
  return { ref: d.ref, holder: holdsNow(actor, d), desk: actor.roles.some((r) => (DAK_DESK_ROLES as readonly string[]).includes(r)), marked };
}

/**
 * Reads of the register under its need-to-know (`dak-access.ts`): an item the actor may not see
 * is 404 whichever path asks, and every read of a graded item is audited.
 */
@Injectable()
export class DakRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sync: SyncStateService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The item if the actor may see it, else 404; `lock` takes its row for an action. */
  async find(em: EntityManager, actor: Actor, id: string, lock = false): Promise<DakReceipt> {
    const scope = dakVisibleScope(actor);
    const q = em.getRepository(DakReceipt).createQueryBuilder('d').where('d.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) q.setLock('pessimistic_write');
    const dak = await q.getOne();
    if (!dak) throw new NotFoundException(`Dak ${id} not found`);
    return dak;
  }

  /** Audits a read of graded items (one row per item shown), outside any change: the read happened. */
  async auditViews(items: readonly DakReceipt[], via: string, extra: Record<string, unknown> = {}): Promise<void> {
    // One commit for the page's graded items, not one each.
    await this.audit.recordAlone(
      items.filter((x) => isGraded(x.grading)).map((d) => ({ action: 'dak.viewed', entityType: DAK_SOURCE, entityId: d.id, diff: { ref: d.ref, grading: d.grading, via, ...extra } })),
    );
  }

  /** Whether each item was ever marked to anyone (a reopened item goes back to its last holder). */
  async markedOnce(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ receipt_id: string }> = await em.query(`SELECT DISTINCT receipt_id FROM dak_movement WHERE receipt_id = ANY($1) AND action = ANY($2)`, [ids, MARKING_ACTIONS]);
    return new Set(rows.map((r) => r.receipt_id));
  }

  /** The items as the API shows them to this actor, in the order given, in a fixed number of queries. */
  async views(actor: Actor, items: readonly DakReceipt[], em: EntityManager = this.dataSource.manager) {
    const ids = items.map((d) => d.id);
    const [sync, marked, files, { people, units }] = await Promise.all([
      this.sync.forRecords(DAK_SOURCE, ids, em),
      this.markedOnce(ids, em),
      this.filesOf(items, em),
      this.users.peopleAndUnits(peopleOf(items), unitsOf(items), em),
    ]);
    return items.map((d) => this.view(actor, d, { sync: sync.get(d.id)!, marked: marked.has(d.id), files, people, units }));
  }

  private view(actor: Actor, d: DakReceipt, known: { sync: RecordSync; marked: boolean; files: Map<string, DakFile>; people: References<PersonRef>; units: References<UnitRef> }) {
    const { sync: s, people, units, files } = known;
    return {
      ...d,
      ...inwardFields(s),
      eofficeStatus: s.summary.status,
      eofficeSync: s.summary,
      allowedActions: DAK_WORKFLOW.allowedActions(d.status, actor.roles, actingOn(actor, d, known.marked)),
      unit: units.of(d.unitId),
      holderUnit: units.of(d.holderUnitId),
      holderUser: people.ofOptional(d.holderUserId),
      createdBy: people.ofOptional(d.createdBy),
      overdue: dakOverdue(d, this.clock.now()),
      file: d.fileId ? (files.get(d.fileId) ?? null) : null,
    };
  }

  /**
   * One item with its scans, replies and movement history: its own rows read at once, then the
   * people and units they all name in one lookup each.
   */
  async detail(actor: Actor, d: DakReceipt, em: EntityManager = this.dataSource.manager) {
    const [scans, movements, replies, sync, files] = await Promise.all([
      em.getRepository(DakScan).find({ where: { receiptId: d.id }, order: { createdAt: 'ASC' } }),
      em.getRepository(DakMovement).find({ where: { receiptId: d.id }, order: { seq: 'ASC' } }),
      em.getRepository(DakReply).find({ where: { receiptId: d.id }, order: { createdAt: 'ASC', ref: 'ASC' } }),
      this.sync.forRecord(DAK_SOURCE, d.id, em),
      this.filesOf([d], em),
    ]);
    return this.compose(actor, d, { scans, movements, replies, sync, files }, em);
  }

  /**
   * The detail of an item its change has just diarised, from the rows that change wrote (the
   * item, its movements, its outbox items) instead of reading them back: a new item has no
   * scans, replies or file yet. Only the people and units it names are looked up.
   */
  detailOfNew(actor: Actor, d: DakReceipt, written: { movements: DakMovement[]; items: OutboxItem[] }, em: EntityManager = this.dataSource.manager) {
    return this.compose(actor, d, { scans: [], movements: written.movements, replies: [], sync: newRecordSync(written.items), files: new Map() }, em);
  }

  private async compose(
    actor: Actor,
    d: DakReceipt,
    rows: { scans: DakScan[]; movements: DakMovement[]; replies: DakReply[]; sync: RecordSync; files: Map<string, DakFile> },
    em: EntityManager,
  ) {
    const { scans, movements, replies, sync, files } = rows;
    const { people, units } = await this.users.peopleAndUnits(
      idsOf(
        peopleOf([d]),
        scans.map((s) => s.uploadedBy),
        movements.flatMap((m) => [m.fromUserId, m.toUserId, m.actorId]),
        replies.map((r) => r.createdBy),
      ),
      idsOf(unitsOf([d]), movements.flatMap((m) => [m.fromUnitId, m.toUnitId])),
      em,
    );
    const marked = movements.some((m) => MARKING_ACTIONS.includes(m.action));
    return {
      ...this.view(actor, d, { sync, marked, files, people, units }),
      scans: scans.map((s) => ({ ...s, uploadedBy: people.ofOptional(s.uploadedBy) })),
      replies: replies.map((r) => {
        const item = sync.items.find((i) => i.kind === 'DAK_REPLY' && i.documentId === r.documentId);
        return { ...r, createdBy: people.of(r.createdBy), verifyUrl: this.documents.verifyUrl(r.documentId), ...eofficeFields(item) };
      }),
      movements: movements.map((m) => ({
        ...m,
        fromUnit: units.ofOptional(m.fromUnitId),
        fromUser: people.ofOptional(m.fromUserId),
        toUnit: units.of(m.toUnitId),
        toUser: people.ofOptional(m.toUserId),
        actor: people.ofOptional(m.actorId),
      })),
    };
  }

  /** `find` then `detail`, audited when graded: what GET /dak/:id and every action answer. */
  async get(actor: Actor, id: string, via = 'get') {
    const d = await this.find(this.dataSource.manager, actor, id);
    await this.auditViews([d], via);
    return this.detail(actor, d);
  }

  private async filesOf(items: readonly DakReceipt[], em: EntityManager): Promise<Map<string, DakFile>> {
    const ids = idsOf(items.map((d) => d.fileId));
    if (ids.length === 0) return new Map();
    const files = await em.getRepository(DakFile).find({ where: { id: In(ids) } });
    return new Map(files.map((f) => [f.id, f]));
  }
}

/**
 * e-Office's number on a dak is its diarisation's (the DAK_INWARD item's receipt number); its
 * status sums up all its items (replies too): PENDING_SYNC until e-Office has them, since an
 * entry made during an outage is not final there yet.
 */
function inwardFields(sync: RecordSync) {
  return eofficeFields(sync.items.find((i) => i.kind === 'DAK_INWARD'));
}

export type DakView = Awaited<ReturnType<DakRecords['views']>>[number];
export type DakDetail = Awaited<ReturnType<DakRecords['detail']>>;

/** The movements that mark an item to someone. */
const MARKING_ACTIONS: readonly string[] = ['mark', 'forward'];

/** The people an item names (its holder and who diarised it). */
function peopleOf(items: readonly DakReceipt[]): string[] {
  return idsOf(items.map((d) => d.holderUserId), items.map((d) => d.createdBy));
}

/** The units an item names (its holder and the unit that diarised it). */
function unitsOf(items: readonly DakReceipt[]): string[] {
  return idsOf(items.map((d) => d.holderUnitId), items.map((d) => d.unitId));
}
