import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditQueryService, AuditService } from '../../platform/audit';
import { PersonRef, UsersService } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { UnitOfWork } from '../../platform/change';
import { DocumentsService } from '../../platform/documents';
import { idsOf, References } from '../../platform/http';
import { inUnitSubtree, unitSubtreeSql, Unit, UnitsService } from '../../platform/units';
import { eofficeFields, RecordSync, SyncStateService } from '../../platform/eoffice';
import { isDesk, isUnitReader, VIP_ACCESS_ACTIONS } from './vip-access';
import { VipDistributionService } from './vip-distribution.service';
import { VipClashesService } from './vip-clashes.service';
import { changesForUnits, LegChange } from './revision-diff';
import { movementSheetBlocks } from './vip-paper';
import { LegWithUnits } from './vip-units';
import { Protectee, VipProgramme, VipProgrammeRevision } from './vip.entity';
import { VIP_SOURCE } from './vip-programmes.service';
import { cancellationSync, programmeSync, revisionItem } from './vip-sync';

interface Visible {
  programme: VipProgramme;
  revision: VipProgrammeRevision;
  /** Null for the desk (every leg); otherwise the actor's units among those concerned. */
  ownUnits: Unit[] | null;
}

/**
 * Need-to-know reads. The desk sees whole programmes; a unit user sees only the legs that
 * touch their unit's area, and only while their unit is concerned. Anyone else gets 404, so
 * the existence of a programme does not leak. Every view and download is audited.
 */
@Injectable()
export class VipReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly clashes: VipClashesService,
    private readonly sync: SyncStateService,
    private readonly auditLog: AuditQueryService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly distribution: VipDistributionService,
  ) {}

  /** One query: the desk sees every programme; a unit reader those whose current revision concerns its subtree. */
  async list(actor: Actor) {
    const q = this.dataSource.getRepository(VipProgramme).createQueryBuilder('p').orderBy('p.first_day', 'DESC').take(500);
    if (!isDesk(actor)) {
      if (!isUnitReader(actor)) return [];
      q.where(CONCERNS_UNIT_PATH, { unitPath: actor.unitPath });
    }
    const visible = await q.getMany();
    const sync = await this.sync.forRecords(VIP_SOURCE, visible.map((p) => p.id));
    await this.audit.recordAlone({ action: 'vip.listed', entityType: VIP_SOURCE, diff: { count: visible.length } });
    return visible.map((p) => ({
      id: p.id,
      ref: p.ref,
      title: p.title,
      status: p.status,
      currentRevision: p.currentRevision,
      firstDay: p.firstDay,
      lastDay: p.lastDay,
      eofficeStatus: sync.get(p.id)!.summary.status,
    }));
  }

  /** Of these programmes, those whose current revision concerns the actor's unit subtree. */
  async concerning(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(VipProgramme)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .andWhere(CONCERNS_UNIT_PATH, { unitPath: actor.unitPath })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The record view, for GET and for every action's answer: the programme, the revision with
   * the reader's legs, units and distribution by name, and for the desk what stands near the
   * legs, the protests revoked for it and every revision.
   */
  async view(actor: Actor, id: string, revisionNo?: number) {
    const v = await this.visible(actor, id, revisionNo);
    const legs = this.legsFor(v);
    const protectee = await this.dataSource.getRepository(Protectee).findOneOrFail({ where: { id: v.programme.protecteeId } });
    const sync = await this.sync.forRecord(VIP_SOURCE, id);
    const revisions = v.ownUnits ? null : await this.revisions(v.programme, sync);
    const distribution = await this.distribution.status(v.revision, v.ownUnits ? new Set(v.ownUnits.map((u) => u.id)) : undefined);
    // Who and which units the view names, each looked up once.
    const people = await this.users.people(idsOf(v.programme.createdBy, v.revision.issuedBy, revisions?.map((r) => r.issuedBy) ?? []));
    const units = await this.units.refs(idsOf(legs.flatMap((l) => l.units)));
    await this.audit.recordAlone({ action: 'vip.viewed', entityType: VIP_SOURCE, entityId: id, diff: { revision: v.revision.revisionNo, scope: v.ownUnits ? 'unit' : 'whole' } });
    return {
      ...programmeSync(v.programme, sync),
      createdBy: people.of(v.programme.createdBy),
      protectee: { nameEn: protectee.nameEn, nameHi: protectee.nameHi, designationEn: protectee.designationEn, designationHi: protectee.designationHi, category: protectee.category, callSign: protectee.callSign },
      revision: {
        revisionNo: v.revision.revisionNo,
        isCurrent: v.revision.revisionNo === v.programme.currentRevision,
        issuedAt: v.revision.issuedAt,
        issuedBy: people.of(v.revision.issuedBy),
        reason: v.revision.reason,
        changes: v.ownUnits ? await this.unitChanges(v, v.ownUnits) : v.revision.changes,
        legs: legs.map((l) => ({ ...l, units: units.each(l.units) })),
        documentId: v.ownUnits ? null : v.revision.documentId,
        distribution,
        ...eofficeFields(revisionItem(sync, v.revision)),
      },
      // The desk sees what stands near the legs, the protests revoked for this programme, and
      // every revision with its own e-Office number (revision 1 diarised, revision 2 waiting).
      ...(revisions
        ? {
            clashes: await this.clashes.forLegs(actor, id, legs),
            revokedProtests: await this.clashes.revokedFor(v.programme.ref),
            revisions: withIssuer(revisions, people),
            cancellation: cancellationSync(sync),
          }
        : {}),
    };
  }

  private async revisions(programme: VipProgramme, sync: RecordSync) {
    const revisions = await this.dataSource.getRepository(VipProgrammeRevision).find({
      select: { revisionNo: true, issuedAt: true, issuedBy: true, documentId: true },
      where: { programmeId: programme.id },
      order: { revisionNo: 'ASC' },
    });
    return revisions.map((r) => {
      const item = revisionItem(sync, r);
      return { revisionNo: r.revisionNo, issuedAt: r.issuedAt, issuedBy: r.issuedBy, isCurrent: r.revisionNo === programme.currentRevision, outboxId: item?.outboxId ?? null, ...eofficeFields(item) };
    });
  }

  /** The full programme PDF for the desk; a movement sheet with only its legs for a unit. */
  async pdf(actor: Actor, id: string, revisionNo?: number): Promise<{ bytes: Buffer; filename: string; sha256: string }> {
    const v = await this.visible(actor, id, revisionNo);
    const docId = v.ownUnits ? await this.sheetFor(v, v.ownUnits[0]!) : v.revision.documentId!;
    const { doc, bytes } = await this.documents.bytes(docId);
    await this.audit.recordAlone({ action: 'vip.downloaded', entityType: VIP_SOURCE, entityId: id, diff: { revision: v.revision.revisionNo, documentId: docId } });
    return { bytes, filename: `${v.programme.ref.replace(/\//g, '-')}-R${v.revision.revisionNo}.pdf`, sha256: doc.sha256 };
  }

  /** For auditors: who saw, checked changes to or downloaded which revision, and when. No such programme: 404. */
  async accessLog(id: string) {
    if (!(await this.dataSource.getRepository(VipProgramme).exists({ where: { id } }))) throw new NotFoundException(`Programme ${id} not found`);
    const entries = await this.auditLog.ofEntity(VIP_SOURCE, id, VIP_ACCESS_ACTIONS);
    return entries.map((e) => ({
      at: e.at,
      username: e.actorUsername,
      action: e.action,
      revision: e.diff?.revision == null ? null : Number(e.diff.revision),
      scope: e.diff?.scope == null ? null : String(e.diff.scope),
    }));
  }

  async visible(actor: Actor, id: string, revisionNo?: number): Promise<Visible> {
    const programme = await this.dataSource.getRepository(VipProgramme).findOne({ where: { id } });
    if (!programme) throw new NotFoundException(`Programme ${id} not found`);
    return this.visibility(actor, programme, revisionNo ?? programme.currentRevision);
  }

  /**
   * The desk sees every revision. A unit reader sees a revision only while the programme's
   * CURRENT revision concerns their unit (a unit dropped from it loses every older revision as
   * well), and only if that revision concerned it too. Refusals answer 404 and are audited.
   */
  private async visibility(actor: Actor, programme: VipProgramme, revisionNo: number): Promise<Visible> {
    const revisions = this.dataSource.getRepository(VipProgrammeRevision);
    if (isDesk(actor)) {
      const revision = await revisions.findOne({ where: { programmeId: programme.id, revisionNo } });
      if (!revision) throw new NotFoundException(`Revision ${revisionNo} not found`);
      return { programme, revision, ownUnits: null };
    }
    const current = await revisions.findOneOrFail({ where: { programmeId: programme.id, revisionNo: programme.currentRevision } });
    if (!isUnitReader(actor) || (await this.ownUnits(actor, current)).length === 0) {
      throw await this.refused(programme, revisionNo, 'not on the current revision');
    }
    const revision = revisionNo === current.revisionNo ? current : await revisions.findOne({ where: { programmeId: programme.id, revisionNo } });
    if (!revision) throw new NotFoundException(`Revision ${revisionNo} not found`);
    const own = await this.ownUnits(actor, revision);
    if (own.length === 0) throw await this.refused(programme, revisionNo, 'not on this revision');
    return { programme, revision, ownUnits: own };
  }

  /** What changed for these units since the revision before: their legs', and the legs they lost. */
  private async unitChanges(v: Visible, units: Unit[]): Promise<LegChange[]> {
    const before =
      v.revision.revisionNo > 1
        ? await this.dataSource.getRepository(VipProgrammeRevision).findOne({ select: { id: true, legs: true }, where: { programmeId: v.programme.id, revisionNo: v.revision.revisionNo - 1 } })
        : null;
    return changesForUnits((before?.legs as LegWithUnits[] | undefined) ?? null, v.revision.legs as LegWithUnits[], v.revision.changes, new Set(units.map((u) => u.id)));
  }

  /** The actor's units (their unit's subtree) among those a revision concerns. */
  private async ownUnits(actor: Actor, revision: VipProgrammeRevision): Promise<Unit[]> {
    const units = await this.units.byIds(revision.unitsConcerned);
    return units.filter((u) => inUnitSubtree(u.path, actor.unitPath));
  }

  /** A refused read goes into the access log, and answers as if the programme did not exist. */
  private async refused(programme: VipProgramme, revisionNo: number, reason: string): Promise<NotFoundException> {
    await this.audit.recordAlone({ action: 'vip.refused', entityType: VIP_SOURCE, entityId: programme.id, diff: { revision: revisionNo, reason } });
    return new NotFoundException(`Programme ${programme.id} not found`);
  }

  private legsFor(v: Visible): LegWithUnits[] {
    const legs = v.revision.legs as LegWithUnits[];
    if (!v.ownUnits) return legs;
    const ids = new Set(v.ownUnits.map((u) => u.id));
    return legs.filter((l) => l.units.some((u) => ids.has(u)));
  }

  /**
   * A unit's movement sheet. Only the current revision of an issued programme gets one drawn;
   * for a superseded revision (or a cancelled programme) the sheet issued back then, now
   * marked superseded or revoked, is all there is: nothing valid is issued for it anew.
   */
  private async sheetFor(v: Visible, unit: Unit): Promise<string> {
    if (v.revision.revisionNo === v.programme.currentRevision && v.programme.status === 'ISSUED') return this.movementSheet(v, unit);
    const [issued] = await this.documents.ofSource(VIP_SOURCE, v.programme.id, { variant: sheetVariant(unit, v.revision.revisionNo) });
    if (issued) return issued.id;
    throw new ConflictException({
      message:
        v.programme.status === 'ISSUED'
          ? `Revision ${v.revision.revisionNo} is superseded by revision ${v.programme.currentRevision}; no movement sheet is issued for it any more. Download the current revision.`
          : `Programme ${v.programme.ref} is cancelled; no movement sheet is issued for it any more.`,
      currentRevision: v.programme.currentRevision,
      status: v.programme.status,
    });
  }

  private async movementSheet(v: Visible, unit: Unit): Promise<string> {
    const protectee = await this.dataSource.getRepository(Protectee).findOneOrFail({ where: { id: v.programme.protecteeId } });
    const legs = (v.revision.legs as LegWithUnits[]).filter((l) => l.units.includes(unit.id));
    const changes = await this.unitChanges(v, [unit]);
    return this.uow.run({
      // Drawn outside the transaction; a sheet downloaded before is not drawn again.
      draw: (d) => d.paper({
        kind: 'VIP_MOVEMENT_SHEET',
        language: 'bi',
        title: `भ्रमण पत्रक / Movement sheet — ${unit.nameEn}`,
        label: `Revision ${v.revision.revisionNo}, ${unit.code}`,
        sourceType: VIP_SOURCE,
        sourceId: v.programme.id,
        sourceRef: v.programme.ref,
        variant: sheetVariant(unit, v.revision.revisionNo),
        issuingUnitId: unit.id,
        issuedAt: v.revision.issuedAt,
        reference: `${v.programme.ref} (R${v.revision.revisionNo})`,
        blocks: movementSheetBlocks({ protectee, ref: v.programme.ref, revision: v.revision.revisionNo, legs, changes, unit }),
        landscape: true,
      }),
      write: async (change, paper) => {
        // A revision or cancellation committed while the sheet was drawn would not supersede
        // it (it sweeps the sheets under this lock): refuse rather than issue it valid.
        const programme = await change.em.findOneOrFail(VipProgramme, { where: { id: v.programme.id }, lock: { mode: 'pessimistic_read' } });
        if (programme.currentRevision !== v.revision.revisionNo || programme.status !== 'ISSUED') {
          throw new ConflictException({ message: `Revision ${v.revision.revisionNo} was superseded meanwhile; download the current revision.`, currentRevision: programme.currentRevision, status: programme.status });
        }
        return (await change.storePaper(paper)).id;
      },
    });
  }
}

const withIssuer = <R extends { issuedBy: string }>(revisions: R[], people: References<PersonRef>) =>
  revisions.map((r) => ({ ...r, issuedBy: people.of(r.issuedBy) }));

/** A unit's movement sheet of one revision, one paper each. */
export const sheetVariant = (unit: Pick<Unit, 'code'>, revisionNo: number) => `sheet-${unit.code}-rev-${revisionNo}`;

/** The programme's current revision concerns a unit in the subtree at `:unitPath` (alias `p`). */
const CONCERNS_UNIT_PATH = `EXISTS (SELECT 1 FROM vip_programme_revision r JOIN unit u ON u.id = ANY(r.units_concerned)
  WHERE r.programme_id = p.id AND r.revision_no = p.current_revision AND ${unitSubtreeSql('u.path', ':unitPath')})`;
