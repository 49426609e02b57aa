import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit';
import { Actor } from '../../platform/context';
import { Change, Drawing, UnitOfWork } from '../../platform/change';
import { DocumentsService, type DrawnPaper } from '../../platform/documents';
import { fieldError } from '../../platform/http';
import { UnitRef, unitRef, UnitsService } from '../../platform/units';
import { BandobastService } from '../duty-charts';
import { CLOCK, Clock, istDateKey, parseIstInstant } from '../../platform/time';
import { bandobastDraftFor } from './vip-bandobast';
import { checkLegRoutes, checkLegsNotPast, checkLegTimes } from './legs.rules';
import { diffLegs, LegChange, LegChangeSummary, summariseChanges } from './revision-diff';
import { legClashPoints } from './units-along-route';
import { programmeBlocks } from './vip-paper';
import { VipDistributionService } from './vip-distribution.service';
import { VIP_WORKFLOW } from './vip-workflow';
import { CancelProgrammeDto, CreateProgrammeDto, LegDto, ReviseProgrammeDto } from './vip.dto';
import { Protectee, VipProgramme, VipProgrammeRevision } from './vip.entity';
import { LegWithUnits, unitsConcerned } from './vip-units';
import { VIP_CANCELLATION_KIND, VIP_REVISION_KIND } from './vip-sync';

export const VIP_SOURCE = 'vip_programme';

/**
 * Issuing VIP movement programmes: revision 1, then N+1 with a diff, or cancellation. Each
 * answers with the programme's id: routes answer with the record view (`VipReadService.view`).
 */
@Injectable()
export class VipProgrammesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly distribution: VipDistributionService,
    private readonly bandobasts: BandobastService,
    private readonly units: UnitsService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Issues revision 1. */
  async create(actor: Actor, dto: CreateProgrammeDto): Promise<string> {
    checkLegTimes(dto.legs);
    checkLegsNotPast(dto.legs, this.clock.now());
    checkLegRoutes(dto.legs);
    return this.uow.run({
      // The paper prints the programme's new number: drawn with the number expected, redrawn if another took it.
      draw: async (d) => {
        const protectee = await d.em.findOne(Protectee, { where: { id: dto.protecteeId, isActive: true } });
        if (!protectee) throw fieldError('protecteeId', 'protecteeId is not an active protectee');
        const { legs, unitIds } = await unitsConcerned(d.em, this.units, withKeys(dto.legs), dto.addUnits, dto.removeUnits);
        const programme = { id: randomUUID(), ref: await d.expectReference('VIP'), title: dto.title };
        const plan: RevisionPlan = { protectee, revisionNo: 1, legs, unitIds, changes: [], summary: [], reason: null, issuedAt: new Date() };
        return { programme, plan, paper: await this.drawRevision(d, actor, programme, plan) };
      },
      write: async (change, { programme: drawn, plan, paper }) => {
        const { em } = change;
        const ref = await change.takeReference('VIP');
        if (ref !== drawn.ref) change.redraw();
        const programme = await em.save(
          em.create(VipProgramme, {
            id: drawn.id,
            ref,
            protecteeId: plan.protectee.id,
            title: dto.title,
            status: 'ISSUED',
            currentRevision: 1,
            firstDay: istDateKey(new Date(plan.legs[0]!.start)),
            lastDay: istDateKey(new Date(plan.legs.at(-1)!.end)),
            createdBy: actor.id,
          }),
        );
        change.audit({ action: 'vip.created', entityType: VIP_SOURCE, entityId: programme.id, diff: { ref, protecteeId: plan.protectee.id, legs: plan.legs.length } });
        await this.issueRevision(change, actor, programme, plan, paper);
        return programme.id;
      },
    });
  }

  async revise(actor: Actor, id: string, dto: ReviseProgrammeDto): Promise<void> {
    checkLegTimes(dto.legs);
    checkLegRoutes(dto.legs);
    await this.uow.run({
      draw: async (d) => {
        const { programme, previous, plan } = await this.planRevision(d.em, actor, id, dto);
        return { previous, plan, paper: await this.drawRevision(d, actor, programme, plan) };
      },
      write: async (change, { previous, plan, paper }) => {
        const { em } = change;
        // Someone may have revised or cancelled it while the paper was drawn: the same answers as before.
        const programme = await this.lock(em, id);
        assertRevisable(actor, programme, dto.revision);
        programme.currentRevision = plan.revisionNo;
        programme.firstDay = istDateKey(new Date(plan.legs[0]!.start));
        programme.lastDay = istDateKey(new Date(plan.legs.at(-1)!.end));
        await em.save(programme);
        // Keys and field names only: places and times stay behind need-to-know (issue 11).
        change.audit({ action: 'vip.revised', entityType: VIP_SOURCE, entityId: id, diff: { revision: plan.revisionNo, changes: plan.summary } });
        const revision = await this.issueRevision(change, actor, programme, plan, paper);
        if (previous.documentId && revision.documentId) await change.supersedePaper(previous.documentId, revision.documentId);
        // Units' movement sheets of older revisions are superseded too (none stays valid), and a
        // unit dropped from the programme is told so, rather than hearing of no changes.
        for (const sheet of await this.validSheets(em, id)) if (revision.documentId) await change.supersedePaper(sheet.id, revision.documentId);
        const dropped = previous.unitsConcerned.filter((u) => !plan.unitIds.includes(u));
        await this.distribution.notifyUnits(change, programme, plan.revisionNo, dropped, 'vip-unit-dropped');
      },
    });
  }

  /**
   * What a revision would send, without sending it: the changes against the current revision,
   * worded as revision N+1 would print them, and the units it would add or drop. The same
   * checks and field errors (and 409s) as the revision itself. The desk sees the whole
   * programme anyway; the check is a read of it all the same, so it goes into the access log.
   */
  async checkRevision(actor: Actor, id: string, dto: ReviseProgrammeDto): Promise<RevisionCheck> {
    checkLegTimes(dto.legs);
    checkLegRoutes(dto.legs);
    const em = this.dataSource.manager;
    const { previous, plan } = await this.planRevision(em, actor, id, dto);
    const before = new Set(previous.unitsConcerned);
    const after = new Set(plan.unitIds);
    const units = await this.units.byIds([...before, ...after], em);
    await this.audit.recordAlone({ action: 'vip.revision_checked', entityType: VIP_SOURCE, entityId: id, diff: { revision: previous.revisionNo, changes: plan.summary } });
    return {
      basedOn: previous.revisionNo,
      revisionNo: plan.revisionNo,
      changes: plan.changes,
      unitsAdded: units.filter((u) => after.has(u.id) && !before.has(u.id)).map(unitRef),
      unitsDropped: units.filter((u) => before.has(u.id) && !after.has(u.id)).map(unitRef),
    };
  }

  /** Revision N+1 as it would be issued, settled before any paper is drawn (revise and its check). */
  private async planRevision(em: EntityManager, actor: Actor, id: string, dto: ReviseProgrammeDto) {
    const programme = await em.findOne(VipProgramme, { where: { id } });
    if (!programme) throw new NotFoundException(`Programme ${id} not found`);
    assertRevisable(actor, programme, dto.revision);
    const previous = await em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: id, revisionNo: programme.currentRevision } });
    const known = new Set(previous.legs.map((l) => l.key));
    dto.legs.forEach((l, i) => {
      if (l.key && !known.has(l.key)) throw fieldError(`legs[${i}].key`, `legs[${i}].key ${l.key} is not a leg of revision ${previous.revisionNo}; omit it for a new leg`);
    });
    checkLegsNotPast(dto.legs, this.clock.now(), previous.legs);
    const { legs, unitIds } = await unitsConcerned(em, this.units, withKeys(dto.legs), dto.addUnits, dto.removeUnits);
    const protectee = await em.findOneOrFail(Protectee, { where: { id: programme.protecteeId } });
    const plan: RevisionPlan = {
      protectee,
      revisionNo: programme.currentRevision + 1,
      legs,
      unitIds,
      changes: diffLegs(previous.legs, legs),
      summary: summariseChanges(previous.legs, legs),
      reason: dto.reason ?? null,
      issuedAt: new Date(),
    };
    return { programme, previous, plan };
  }

  /** A bandobast draft in the duty-charts module, with sectors along the current route. */
  async bandobastDraft(actor: Actor, id: string): Promise<{ bandobastId: string }> {
    const programme = await this.dataSource.getRepository(VipProgramme).findOne({ where: { id } });
    if (!programme) throw new NotFoundException(`Programme ${id} not found`);
    VIP_WORKFLOW.next(programme.status, 'bandobastDraft', actor.roles, programme);
    const revision = await this.dataSource.getRepository(VipProgrammeRevision).findOneOrFail({ where: { programmeId: id, revisionNo: programme.currentRevision } });
    // Drafted from the programme: the VIP module decides who may read it (VipBandobastReaders).
    const bandobast = await this.bandobasts.create(actor, bandobastDraftFor({ ref: programme.ref, title: programme.title, legs: revision.legs }, this.clock.now()), { type: VIP_SOURCE, id });
    await this.audit.recordAlone({ action: 'vip.bandobast_draft', entityType: VIP_SOURCE, entityId: id, diff: { bandobastId: bandobast.id, revision: revision.revisionNo } });
    return { bandobastId: bandobast.id };
  }

  async cancel(actor: Actor, id: string, dto: CancelProgrammeDto): Promise<void> {
    await this.uow.run(async (change) => {
      const { em } = change;
      const programme = await this.lock(em, id);
      programme.status = VIP_WORKFLOW.next(programme.status, 'cancel', actor.roles, programme);
      programme.cancelReason = dto.reason;
      await em.save(programme);
      await em.query(`UPDATE vip_leg SET is_current = false WHERE programme_id = $1`, [id]);
      const current = await em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: id, revisionNo: programme.currentRevision } });
      // The reason is free text and may name places and times: it stays on the programme, out of
      // the paper's status, the audit diff and e-Office's metadata.
      if (current.documentId) await change.revokePaper(current.documentId, 'programme cancelled');
      for (const sheet of await this.validSheets(em, id)) await change.revokePaper(sheet.id, 'programme cancelled');
      change.audit({ action: 'vip.cancelled', entityType: VIP_SOURCE, entityId: id, diff: { revision: current.revisionNo } });
      await change.toEoffice({ sourceType: VIP_SOURCE, sourceId: id, sourceRef: programme.ref, kind: VIP_CANCELLATION_KIND, subject: `${programme.ref}: cancelled`, grading: 'CONFIDENTIAL', metadata: { revision: current.revisionNo } });
      await this.distribution.notifyUnits(change, programme, current.revisionNo, current.unitsConcerned, 'vip-programme-cancelled');
    });
  }

  private async drawRevision(d: Drawing, actor: Actor, programme: Pick<VipProgramme, 'id' | 'ref' | 'title'>, plan: RevisionPlan): Promise<DrawnPaper> {
    const units = await this.units.byIds(plan.unitIds, d.em);
    return d.paper({
      kind: 'VIP_PROGRAMME',
      language: 'bi',
      title: `${programme.title} — संशोधन / Revision ${plan.revisionNo}`,
      label: `Revision ${plan.revisionNo}`,
      sourceType: VIP_SOURCE,
      sourceId: programme.id,
      sourceRef: programme.ref,
      variant: `rev-${plan.revisionNo}`,
      issuingUnitId: actor.unitId,
      issuedAt: plan.issuedAt,
      reference: `${programme.ref} (R${plan.revisionNo})`,
      blocks: programmeBlocks({ protectee: plan.protectee, ref: programme.ref, revision: plan.revisionNo, legs: plan.legs, changes: plan.changes, units }),
      landscape: true,
    });
  }

  private async issueRevision(change: Change, actor: Actor, programme: VipProgramme, plan: RevisionPlan, paper: DrawnPaper): Promise<VipProgrammeRevision> {
    const { em } = change;
    const { revisionNo, legs, unitIds, changes, reason, issuedAt } = plan;
    const doc = await change.storePaper(paper);
    const revision = await em.save(
      em.create(VipProgrammeRevision, { programmeId: programme.id, revisionNo, legs, unitsConcerned: unitIds, changes, reason, documentId: doc.id, issuedBy: actor.id, issuedAt }),
    );
    await em.query(`UPDATE vip_leg SET is_current = false WHERE programme_id = $1`, [programme.id]);
    for (const leg of legs) {
      await em.query(`INSERT INTO vip_leg (programme_id, revision_no, leg_key, during, points) VALUES ($1, $2, $3, tstzrange($4, $5, '[)'), $6)`, [
        programme.id,
        revisionNo,
        leg.key,
        leg.start,
        leg.end,
        // Road legs densified like protest routes (a venue beside the middle of a road is near
        // it); flown legs as their two ends.
        JSON.stringify(legClashPoints(leg)),
      ]);
    }
    change.audit({ action: 'vip.revision_issued', entityType: VIP_SOURCE, entityId: programme.id, diff: { revision: revisionNo, documentId: doc.id, units: unitIds.length } });
    await change.toEoffice({
      sourceType: VIP_SOURCE,
      sourceId: programme.id,
      sourceRef: programme.ref,
      kind: VIP_REVISION_KIND,
      subject: `${programme.title} — Revision ${revisionNo}`,
      grading: 'CONFIDENTIAL',
      documentId: doc.id,
      metadata: { revision: revisionNo, changes: plan.summary },
    });
    await this.distribution.distribute(change, programme, revision);
    return revision;
  }

  /** The units' movement sheets of a programme still marked valid. */
  private async validSheets(em: EntityManager, id: string) {
    return (await this.documents.ofSource(VIP_SOURCE, id, { status: 'VALID' }, em)).filter((d) => d.kind === 'VIP_MOVEMENT_SHEET');
  }

  private async lock(em: EntityManager, id: string): Promise<VipProgramme> {
    const p = await em.findOne(VipProgramme, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new NotFoundException(`Programme ${id} not found`);
    return p;
  }
}

/** What revising would send: `POST /vip-programmes/:id/revisions/check`. */
export interface RevisionCheck {
  basedOn: number;
  revisionNo: number;
  changes: LegChange[];
  unitsAdded: UnitRef[];
  unitsDropped: UnitRef[];
}

/** What a revision will say, settled before its paper is drawn. */
interface RevisionPlan {
  protectee: Protectee;
  revisionNo: number;
  legs: LegWithUnits[];
  unitIds: string[];
  changes: LegChange[];
  /** The same changes as keys and field names, for the audit log and e-Office's metadata. */
  summary: LegChangeSummary[];
  reason: string | null;
  issuedAt: Date;
}

/** A cancelled programme, or a revision of a stale one, is refused with the same answers before and after drawing. */
function assertRevisable(actor: Actor, programme: VipProgramme, revisedFrom: number): void {
  VIP_WORKFLOW.next(programme.status, 'revise', actor.roles, programme);
  if (revisedFrom !== programme.currentRevision) {
    throw new ConflictException({ message: `Revision ${programme.currentRevision} is current; you revised ${revisedFrom}. Reload and try again.`, currentRevision: programme.currentRevision });
  }
}

function withKeys(legs: LegDto[]): LegWithUnits[] {
  return legs.map((l) => ({
    key: l.key ?? `L${randomBytes(4).toString('hex')}`,
    start: parseIstInstant(l.start).toISOString(),
    end: parseIstInstant(l.end).toISOString(),
    from: { name: l.from.name, lat: l.from.lat, lng: l.from.lng },
    to: { name: l.to.name, lat: l.to.lat, lng: l.to.lng },
    mode: l.mode,
    registration: l.registration ?? null,
    route: l.route.map((p) => ({ name: p.name, lat: p.lat, lng: p.lng })),
    venue: l.venue ?? null,
    activity: l.activity,
    remarks: l.remarks ?? null,
    units: [],
  }));
}
