import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UsersService } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { Change, UnitOfWork } from '../../platform/change';
import { idsOf } from '../../platform/http';
import { unitRef, UnitsService } from '../../platform/units';
import { VipDistribution, VipProgramme, VipProgrammeRevision } from './vip.entity';
import { VIP_WORKFLOW } from './vip-workflow';

/** Sends each revision to the units concerned and tracks who has acknowledged which revision. */
@Injectable()
export class VipDistributionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly units: UnitsService,
  ) {}

  async distribute(change: Change, programme: VipProgramme, revision: VipProgrammeRevision): Promise<void> {
    for (const unitId of revision.unitsConcerned) {
      await change.em.insert(VipDistribution, { revisionId: revision.id, unitId, sentCount: 1, lastSentAt: new Date() });
    }
    await this.notifyUnits(change, programme, revision.revisionNo, revision.unitsConcerned, 'vip-revision-issued');
  }

  /**
   * SMS to the in-charges of the units. The message carries no movement details, only the
   * reference and a link to the programme's page in the web app (`/vip-programmes/<id>`, on
   * the phone too), which asks for a login and then opens it: the programme stays need-to-know.
   * Never an /api address: opened on a phone, that answers 401.
   */
  async notifyUnits(
    change: Change,
    programme: VipProgramme,
    revisionNo: number,
    unitIds: string[],
    template: 'vip-revision-issued' | 'vip-programme-cancelled' | 'vip-unit-dropped',
  ): Promise<void> {
    if (unitIds.length === 0) return;
    const recipients = await this.users.reachableIn(unitIds, ['OFFICER', 'DUTY_OFFICER'], change.em);
    const link = `${this.config.BASE_URL.replace(/\/$/, '')}/vip-programmes/${programme.id}`;
    for (const r of recipients) {
      // A dropped unit gets no link: it no longer has access to any revision.
      const vars: Record<string, string> =
        template === 'vip-revision-issued'
          ? { ref: programme.ref, revision: String(revisionNo), link }
          : template === 'vip-unit-dropped'
            ? { ref: programme.ref, revision: String(revisionNo) }
            : { ref: programme.ref };
      await change.notify({ channel: 'SMS', to: r.mobile, template, language: 'bi', vars, sourceType: 'vip_programme', sourceId: programme.id });
    }
  }

  /** An acknowledgement is for one revision; a superseded revision cannot be acknowledged. */
  async acknowledge(actor: Actor, programme: VipProgramme, revisionNo: number): Promise<void> {
    await this.uow.run(async (change) => {
      const { em } = change;
      VIP_WORKFLOW.next(programme.status, 'acknowledge', actor.roles, programme);
      if (revisionNo !== programme.currentRevision) {
        throw new ConflictException({ message: `Revision ${revisionNo} is superseded by revision ${programme.currentRevision}; acknowledge the current revision`, currentRevision: programme.currentRevision });
      }
      const revision = await em.findOneOrFail(VipProgrammeRevision, { where: { programmeId: programme.id, revisionNo } });
      const row = await em.findOne(VipDistribution, { where: { revisionId: revision.id, unitId: actor.unitId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new ForbiddenException('Your unit is not on the distribution of this revision');
      if (!row.acknowledgedAt) {
        row.acknowledgedAt = new Date();
        row.acknowledgedBy = actor.id;
        await em.save(row);
        change.audit({ action: 'vip.acknowledged', entityType: 'vip_programme', entityId: programme.id, diff: { revision: revisionNo, unitId: actor.unitId } });
      }
    });
  }

  /**
   * Per unit concerned (or, with `onlyUnits`, those of them), in tree order with the units still
   * to acknowledge first, and who acknowledged: three queries however many units.
   */
  async status(revision: Pick<VipProgrammeRevision, 'id'>, onlyUnits?: ReadonlySet<string>) {
    const rows = (await this.dataSource.getRepository(VipDistribution).find({ where: { revisionId: revision.id } })).filter((r) => !onlyUnits || onlyUnits.has(r.unitId));
    const units = await this.units.byIds(rows.map((r) => r.unitId));
    const people = await this.users.people(idsOf(rows.map((r) => r.acknowledgedBy)));
    return units
      .flatMap((u) => rows.filter((r) => r.unitId === u.id).map((d) => ({ u, d })))
      .sort((a, b) => Number(a.d.acknowledgedAt !== null) - Number(b.d.acknowledgedAt !== null))
      .map(({ u, d }) => ({
        unit: unitRef(u),
        sentCount: d.sentCount,
        lastSentAt: d.lastSentAt,
        acknowledgedAt: d.acknowledgedAt,
        acknowledgedBy: people.ofOptional(d.acknowledgedBy),
      }));
  }

  /** Sends the revision again, only to the units that have not acknowledged it (their `sentCount` and `lastSentAt` show it). */
  async resend(actor: Actor, programme: VipProgramme, revision: VipProgrammeRevision): Promise<void> {
    await this.uow.run(async (change) => {
      const { em } = change;
      VIP_WORKFLOW.next(programme.status, 'resend', actor.roles, programme);
      const resent: Array<{ unit_id: string }> = await em.query(
        `UPDATE vip_distribution SET sent_count = sent_count + 1, last_sent_at = now()
          WHERE revision_id = $1 AND acknowledged_at IS NULL RETURNING unit_id`,
        [revision.id],
      ).then((r) => r[0]);
      const laggards = (await this.units.byIds(resent.map((r) => r.unit_id), em)).map((u) => ({ unit_id: u.id, code: u.code }));
      await this.notifyUnits(change, programme, revision.revisionNo, laggards.map((l) => l.unit_id), 'vip-revision-issued');
      change.audit({ action: 'vip.resent', entityType: 'vip_programme', entityId: programme.id, diff: { revision: revision.revisionNo, units: laggards.map((l) => l.code) } });
    });
  }
}
