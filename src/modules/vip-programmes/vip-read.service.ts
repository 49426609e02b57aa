import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditQueryService, AuditService } from '../../platform/audit';
import { Actor } from '../../platform/context';
import { UnitOfWork } from '../../platform/change';
import { DocumentsService } from '../../platform/documents';
import { inUnitSubtree, unitSubtreeSql, Unit, UnitsService } from '../../platform/units';
import { eofficeFields, RecordSync, SyncStateService } from '../../platform/eoffice';
import { isDesk, isUnitReader } from './vip-access';
import { VipClashesService } from './vip-clashes.service';
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
  ) {}

  /** One query: the desk sees every programme; a unit reader those whose current revision concerns its subtree. */
  async list(actor: Actor) {
    const q = this.dataSource.getRepository(VipProgramme).createQueryBuilder('p').orderBy('p.first_day', 'DESC').take(500);
    if (!isDesk(actor)) {
      if (!isUnitReader(actor)) return [];
      q.where(
        `EXISTS (SELECT 1 FROM vip_programme_revision r JOIN unit u ON u.id = ANY(r.units_concerned)
                  WHERE r.programme_id = p.id AND r.revision_no = p.current_revision
                    AND ${unitSubtreeSql('u.path', ':unitPath')})`,
        { unitPath: actor.unitPath },
      );
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

  async view(actor: Actor, id: string, revisionNo?: number) {
    const v = await this.visible(actor, id, revisionNo);
    const legs = this.legsFor(v);
    const protectee = await this.dataSource.getRepository(Protectee).findOneOrFail({ where: { id: v.programme.protecteeId } });
    const sync = await this.sync.forRecord(VIP_SOURCE, id);
    await this.audit.recordAlone({ action: 'vip.viewed', entityType: VIP_SOURCE, entityId: id, diff: { revision: v.revision.revisionNo, scope: v.ownUnits ? 'unit' : 'whole' } });
    return {
      ...programmeSync(v.programme, sync),
      protectee: { nameEn: protectee.nameEn, nameHi: protectee.nameHi, designationEn: protectee.designationEn, designationHi: protectee.designationHi, category: protectee.category, callSign: protectee.callSign },
      revision: {
        revisionNo: v.revision.revisionNo,
        isCurrent: v.revision.revisionNo === v.programme.currentRevision,
        issuedAt: v.revision.issuedAt,
        reason: v.revision.reason,
        changes: v.ownUnits ? v.revision.changes.filter((c) => legs.some((l) => l.key === c.legKey)) : v.revision.changes,
        legs,
        documentId: v.ownUnits ? null : v.revision.documentId,
        ...eofficeFields(revisionItem(sync, v.revision)),
      },
      // The desk sees what stands near the legs, the protests revoked for this programme, and
      // every revision with its own e-Office number (revision 1 diarised, revision 2 waiting).
      ...(v.ownUnits
        ? {}
        : {
            clashes: await this.clashes.forLegs(actor, id, legs),
            revokedProtests: await this.clashes.revokedFor(v.programme.ref),
            revisions: await this.revisions(v.programme, sync),
            cancellation: cancellationSync(sync),
          }),
    };
  }

  private async revisions(programme: VipProgramme, sync: RecordSync) {
    const revisions = await this.dataSource.getRepository(VipProgrammeRevision).find({
      select: { revisionNo: true, issuedAt: true, documentId: true },
      where: { programmeId: programme.id },
      order: { revisionNo: 'ASC' },
    });
    return revisions.map((r) => {
      const item = revisionItem(sync, r);
      return { revisionNo: r.revisionNo, issuedAt: r.issuedAt, isCurrent: r.revisionNo === programme.currentRevision, outboxId: item?.outboxId ?? null, ...eofficeFields(item) };
    });
  }

  /** The full programme PDF for the desk; a movement sheet with only its legs for a unit. */
  async pdf(actor: Actor, id: string, revisionNo?: number): Promise<{ bytes: Buffer; filename: string; sha256: string }> {
    const v = await this.visible(actor, id, revisionNo);
    const docId = v.ownUnits ? await this.movementSheet(v, v.ownUnits[0]!) : v.revision.documentId!;
    const { doc, bytes } = await this.documents.bytes(docId);
    await this.audit.recordAlone({ action: 'vip.downloaded', entityType: VIP_SOURCE, entityId: id, diff: { revision: v.revision.revisionNo, documentId: docId } });
    return { bytes, filename: `${v.programme.ref.replace(/\//g, '-')}-R${v.revision.revisionNo}.pdf`, sha256: doc.sha256 };
  }

  /** For auditors: who saw or downloaded which revision, and when. */
  async accessLog(id: string) {
    const entries = await this.auditLog.ofEntity(VIP_SOURCE, id, ['vip.viewed', 'vip.downloaded']);
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

  private async visibility(actor: Actor, programme: VipProgramme, revisionNo: number): Promise<Visible> {
    const notFound = new NotFoundException(`Programme ${programme.id} not found`);
    const revision = await this.dataSource.getRepository(VipProgrammeRevision).findOne({ where: { programmeId: programme.id, revisionNo } });
    if (!revision) throw new NotFoundException(`Revision ${revisionNo} not found`);
    if (isDesk(actor)) return { programme, revision, ownUnits: null };
    if (!isUnitReader(actor)) throw notFound;
    const units = await this.units.byIds(revision.unitsConcerned);
    const own = units.filter((u) => inUnitSubtree(u.path, actor.unitPath));
    if (own.length === 0) throw notFound;
    return { programme, revision, ownUnits: own };
  }

  private legsFor(v: Visible): LegWithUnits[] {
    const legs = v.revision.legs as LegWithUnits[];
    if (!v.ownUnits) return legs;
    const ids = new Set(v.ownUnits.map((u) => u.id));
    return legs.filter((l) => l.units.some((u) => ids.has(u)));
  }

  private async movementSheet(v: Visible, unit: Unit): Promise<string> {
    const protectee = await this.dataSource.getRepository(Protectee).findOneOrFail({ where: { id: v.programme.protecteeId } });
    const legs = (v.revision.legs as LegWithUnits[]).filter((l) => l.units.includes(unit.id));
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
        variant: `sheet-${unit.code}-rev-${v.revision.revisionNo}`,
        issuingUnitId: unit.id,
        issuedAt: v.revision.issuedAt,
        reference: `${v.programme.ref} (R${v.revision.revisionNo})`,
        blocks: movementSheetBlocks({ protectee, ref: v.programme.ref, revision: v.revision.revisionNo, legs, changes: v.revision.changes.filter((c) => legs.some((l) => l.key === c.legKey)), unit }),
        landscape: true,
      }),
      write: async (change, paper) => (await change.storePaper(paper)).id,
    });
  }
}
