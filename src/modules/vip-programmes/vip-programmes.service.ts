import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/context/request-context';
import { nextReference } from '../../platform/database/reference-numbers';
import { TransactionService } from '../../platform/database/transaction.service';
import { DocumentsService } from '../../platform/documents/documents.service';
import { OutboxService } from '../../platform/eoffice/outbox/outbox.service';
import { SyncStateService } from '../../platform/eoffice/sync-state';
import { fieldError } from '../../platform/http/field-error';
import { Unit } from '../../platform/units/unit.entity';
import { BandobastService } from '../duty-charts/bandobast/bandobast.service';
import { densify } from '../../platform/geo/geo';
import { bandobastDraftFor } from './vip-bandobast';
import { checkLegTimes } from './legs.rules';
import { diffLegs, LegChange } from './revision-diff';
import { legPoints } from './units-along-route';
import { programmeBlocks } from './vip-paper';
import { LegClashes, VipClashesService } from './vip-clashes.service';
import { VipDistributionService } from './vip-distribution.service';
import { CancelProgrammeDto, CreateProgrammeDto, LegDto, ReviseProgrammeDto } from './vip.dto';
import { Protectee, VipProgramme, VipProgrammeRevision } from './vip.entity';
import { LegWithUnits, unitsConcerned } from './vip-units';
import { programmeSync, revisionSync, VIP_CANCELLATION_KIND, VIP_REVISION_KIND } from './vip-sync';

export const VIP_SOURCE = 'vip_programme';

interface Issued {
  programme: VipProgramme;
  revision: VipProgrammeRevision;
  /** Per leg: protests and other programmes near it in space and time. */
  clashes: LegClashes[];
}

const istDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(iso));

/** Issuing VIP movement programmes: revision 1, then N+1 with a diff, or cancellation. */
@Injectable()
export class VipProgrammesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly sync: SyncStateService,
    private readonly distribution: VipDistributionService,
    private readonly clashes: VipClashesService,
    private readonly bandobasts: BandobastService,
  ) {}

  /** Issues revision 1 and answers with the protests (and other programmes) near each leg. */
  async create(actor: Actor, dto: CreateProgrammeDto): Promise<Issued> {
    checkLegTimes(dto.legs);
    const issued = await this.tx.run(async (em) => {
      const protectee = await em.findOne(Protectee, { where: { id: dto.protecteeId, isActive: true } });
      if (!protectee) throw fieldError('protecteeId', 'protecteeId is not an active protectee');
      const { legs, unitIds } = await unitsConcerned(em, withKeys(dto.legs), dto.addUnits, dto.removeUnits);
      const ref = await nextReference(em, 'VIP');
      const programme = await em.save(
        em.create(VipProgramme, {
          ref,
          protecteeId: protectee.id,
          title: dto.title,
          status: 'ISSUED',
          currentRevision: 1,
          firstDay: istDay(legs[0]!.start),
          lastDay: istDay(legs.at(-1)!.end),
          createdBy: actor.id,
        }),
      );
      await this.audit.record(em, { action: 'vip.created', entityType: VIP_SOURCE, entityId: programme.id, diff: { ref, protecteeId: protectee.id, legs: legs.length } });
      const revision = await this.issueRevision(em, actor, programme, protectee, 1, legs, unitIds, [], null);
      return { programme, revision };
    });
    return this.answer(issued);
  }

  async revise(actor: Actor, id: string, dto: ReviseProgrammeDto): Promise<Issued> {
    checkLegTimes(dto.legs);
    const issued = await this.tx.run(async (em) => {
      const programme = await this.lock(em, id);
      if (programme.status === 'CANCELLED') throw new ConflictException({ message: 'The programme is cancelled', allowed: [] });
      if (dto.revision !== programme.currentRevision) {
        throw new ConflictException({ message: `Revision ${programme.currentRevision} is current; you revised ${dto.revision}. Reload and try again.`, currentRevision: programme.currentRevision });
      }
      const previous = await em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: id, revisionNo: programme.currentRevision } });
      const known = new Set(previous.legs.map((l) => l.key));
      dto.legs.forEach((l, i) => {
        if (l.key && !known.has(l.key)) throw fieldError(`legs[${i}].key`, `legs[${i}].key ${l.key} is not a leg of revision ${previous.revisionNo}; omit it for a new leg`);
      });
      const { legs, unitIds } = await unitsConcerned(em, withKeys(dto.legs), dto.addUnits, dto.removeUnits);
      const changes = diffLegs(previous.legs, legs);
      const protectee = await em.findOneOrFail(Protectee, { where: { id: programme.protecteeId } });
      const next = programme.currentRevision + 1;
      programme.currentRevision = next;
      programme.firstDay = istDay(legs[0]!.start);
      programme.lastDay = istDay(legs.at(-1)!.end);
      await em.save(programme);
      await this.audit.record(em, { action: 'vip.revised', entityType: VIP_SOURCE, entityId: id, diff: { revision: next, changes: changes.map((c) => c.en) } });
      const revision = await this.issueRevision(em, actor, programme, protectee, next, legs, unitIds, changes, dto.reason ?? null);
      if (previous.documentId && revision.documentId) await this.documents.supersede(em, previous.documentId, revision.documentId);
      return { programme, revision };
    });
    return this.answer(issued);
  }

  /** A bandobast draft in the duty-charts module, with sectors along the current route. */
  async bandobastDraft(actor: Actor, id: string): Promise<{ bandobastId: string }> {
    const programme = await this.tx.run((em) => this.lock(em, id));
    if (programme.status === 'CANCELLED') throw new ConflictException({ message: 'The programme is cancelled', allowed: [] });
    const revision = await this.tx.run((em) => em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: id, revisionNo: programme.currentRevision } }));
    const bandobast = await this.bandobasts.create(actor, bandobastDraftFor({ ref: programme.ref, title: programme.title, legs: revision.legs }));
    await this.audit.recordAlone({ action: 'vip.bandobast_draft', entityType: VIP_SOURCE, entityId: id, diff: { bandobastId: bandobast.id, revision: revision.revisionNo } });
    return { bandobastId: bandobast.id };
  }

  async cancel(actor: Actor, id: string, dto: CancelProgrammeDto): Promise<VipProgramme> {
    return this.tx.run(async (em) => {
      const programme = await this.lock(em, id);
      if (programme.status === 'CANCELLED') throw new ConflictException({ message: 'The programme is already cancelled', allowed: [] });
      programme.status = 'CANCELLED';
      programme.cancelReason = dto.reason;
      await em.save(programme);
      await em.query(`UPDATE vip_leg SET is_current = false WHERE programme_id = $1`, [id]);
      const current = await em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: id, revisionNo: programme.currentRevision } });
      if (current.documentId) await this.documents.revoke(em, current.documentId, `programme cancelled: ${dto.reason}`);
      await this.audit.record(em, { action: 'vip.cancelled', entityType: VIP_SOURCE, entityId: id, diff: { reason: dto.reason } });
      await this.outbox.enqueue(em, { sourceType: VIP_SOURCE, sourceId: id, sourceRef: programme.ref, kind: VIP_CANCELLATION_KIND, subject: `${programme.ref}: cancelled`, grading: 'CONFIDENTIAL', metadata: { reason: dto.reason } });
      await this.distribution.notifyUnits(em, programme, current.revisionNo, current.unitsConcerned, 'vip-programme-cancelled');
      return programmeSync(programme, await this.sync.forRecord(VIP_SOURCE, id, em));
    });
  }

  /** What an issue answers: the programme and its new revision, each as it stands in e-Office, and the clashes. */
  private async answer(issued: Omit<Issued, 'clashes'>): Promise<Issued> {
    const sync = await this.sync.forRecord(VIP_SOURCE, issued.programme.id);
    return {
      programme: programmeSync(issued.programme, sync),
      revision: revisionSync(issued.revision, sync),
      clashes: await this.clashes.forLegs(issued.programme.id, issued.revision.legs),
    };
  }

  private async issueRevision(
    em: EntityManager,
    actor: Actor,
    programme: VipProgramme,
    protectee: Protectee,
    revisionNo: number,
    legs: LegWithUnits[],
    unitIds: string[],
    changes: LegChange[],
    reason: string | null,
  ): Promise<VipProgrammeRevision> {
    const issuedAt = new Date();
    const units = await em.getRepository(Unit).createQueryBuilder('u').where('u.id IN (:...ids)', { ids: unitIds }).orderBy('u.path').getMany();
    const doc = await this.documents.issue(em, {
      kind: 'VIP_PROGRAMME',
      language: 'bi',
      title: `${programme.title} — संशोधन / Revision ${revisionNo}`,
      label: `Revision ${revisionNo}`,
      sourceType: VIP_SOURCE,
      sourceId: programme.id,
      sourceRef: programme.ref,
      variant: `rev-${revisionNo}`,
      issuingUnitId: actor.unitId,
      issuedAt,
      reference: `${programme.ref} (R${revisionNo})`,
      blocks: programmeBlocks({ protectee, ref: programme.ref, revision: revisionNo, legs, changes, units }),
      landscape: true,
    });
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
        // Densified like protest routes, so a venue beside the middle of a road leg is near it.
        JSON.stringify(densify(legPoints(leg))),
      ]);
    }
    await this.audit.record(em, { action: 'vip.revision_issued', entityType: VIP_SOURCE, entityId: programme.id, diff: { revision: revisionNo, documentId: doc.id, units: unitIds.length } });
    await this.outbox.enqueue(em, {
      sourceType: VIP_SOURCE,
      sourceId: programme.id,
      sourceRef: programme.ref,
      kind: VIP_REVISION_KIND,
      subject: `${programme.title} — Revision ${revisionNo}`,
      grading: 'CONFIDENTIAL',
      documentId: doc.id,
      metadata: { revision: revisionNo, changes: changes.map((c) => c.en) },
    });
    await this.distribution.distribute(em, programme, revision);
    return revision;
  }

  private async lock(em: EntityManager, id: string): Promise<VipProgramme> {
    const p = await em.findOne(VipProgramme, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new NotFoundException(`Programme ${id} not found`);
    return p;
  }
}

function withKeys(legs: LegDto[]): LegWithUnits[] {
  return legs.map((l) => ({
    key: l.key ?? `L${randomBytes(4).toString('hex')}`,
    start: new Date(l.start).toISOString(),
    end: new Date(l.end).toISOString(),
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
