import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UsersService } from '../../../platform/auth';
import { UnitOfWork } from '../../../platform/change';
import { JobHandler } from '../../../platform/queue';
import { CLOCK, Clock, formatIstDate, istMidnight } from '../../../platform/time';
import { Unit } from '../../../platform/units';
import { VerificationAppeal } from '../entities/verification-appeal.entity';
import { VerificationApplication } from '../entities/verification-application.entity';
import { slaState, slaStateSql } from '../rules/sla';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { VERIFICATION_SOURCE } from '../verification-terms';
import { OPEN_STATUSES } from '../verification-workflow';

/** At most this many applications are escalated per run; the next run takes the rest. */
const PER_RUN = 500;

/**
 * Escalation notices (issue 14): once an open application is near its Lok Seva limit, and once
 * it is past it, its verifier (or, with none, the thana's verifiers) and the APPROVERs of its
 * circle get an SMS with the reference, the thana and the due day; no applicant's details.
 * Each notice is marked on the application in the same unit of work, so it goes once. Undecided
 * appeals likewise, to the APPROVERs of the thana's zone, against their own limits.
 */
@Injectable()
export class VerificationEscalation {
  private readonly logger = new Logger(VerificationEscalation.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @JobHandler('verification-escalate')
  async run(): Promise<{ nearBreach: number; breached: number; appealsNearBreach: number; appealsBreached: number }> {
    const now = this.clock.now();
    const state = slaStateSql('v.due_on');
    const due = await this.dataSource
      .getRepository(VerificationApplication)
      .createQueryBuilder('v')
      .select(['v.id'])
      .where('v.status = ANY(:open)', { open: OPEN_STATUSES })
      .andWhere(`((${state} = 'NEAR_BREACH' AND v.sla_warned_at IS NULL) OR (${state} = 'BREACHED' AND v.sla_breach_noticed_at IS NULL))`)
      .setParameters({ now: now.toISOString(), warnDaysLeft: this.settings.warnDaysLeft })
      .orderBy('v.due_on', 'ASC')
      .take(PER_RUN)
      .getMany();
    const counts = { nearBreach: 0, breached: 0 };
    for (const { id } of due) {
      const sent = await this.escalate(id, now);
      if (sent) counts[sent === 'BREACHED' ? 'breached' : 'nearBreach']++;
    }
    const appeals = await this.runAppeals(now);
    if (due.length || appeals.appealsNearBreach || appeals.appealsBreached) this.logger.log({ ...counts, ...appeals });
    return { ...counts, ...appeals };
  }

  /**
   * Undecided appeals near their own limit (VERIFICATION_APPEAL_WARNING_DAYS_LEFT) and past it:
   * the APPROVERs of the thana's zone (the appellate authorities) are told once of each.
   */
  private async runAppeals(now: Date): Promise<{ appealsNearBreach: number; appealsBreached: number }> {
    const state = slaStateSql('a.due_on');
    const due = await this.dataSource
      .getRepository(VerificationAppeal)
      .createQueryBuilder('a')
      .select(['a.id'])
      .where('a.decision IS NULL')
      .andWhere(`((${state} = 'NEAR_BREACH' AND a.sla_warned_at IS NULL) OR (${state} = 'BREACHED' AND a.sla_breach_noticed_at IS NULL))`)
      .setParameters({ now: now.toISOString(), warnDaysLeft: this.settings.appealWarnDaysLeft })
      .orderBy('a.due_on', 'ASC')
      .take(PER_RUN)
      .getMany();
    const counts = { appealsNearBreach: 0, appealsBreached: 0 };
    for (const { id } of due) {
      const sent = await this.escalateAppeal(id, now);
      if (sent) counts[sent === 'BREACHED' ? 'appealsBreached' : 'appealsNearBreach']++;
    }
    return counts;
  }

  private escalateAppeal(id: string, now: Date): Promise<'NEAR_BREACH' | 'BREACHED' | null> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const appeal = await em.getRepository(VerificationAppeal).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!appeal || appeal.decision) return null;
      const state = slaState(appeal.dueOn, now, this.settings.appealWarnDaysLeft);
      if (state === 'ON_TIME' || (state === 'NEAR_BREACH' && appeal.slaWarnedAt) || (state === 'BREACHED' && appeal.slaBreachNoticedAt)) return null;
      const app = await em.findOneOrFail(VerificationApplication, { where: { id: appeal.applicationId } });
      const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
      // The thana's zone, found by the codes of its path (the commissionerate when it has none).
      const above = await em.find(Unit, { where: { code: In(thana.path.split('.')) } });
      const zone = above.find((u) => u.kind === 'ZONE' && thana.path.startsWith(`${u.path}.`)) ?? above.find((u) => u.kind === 'COMMISSIONERATE');
      const recipients = zone ? await this.users.reachableIn([zone.id], ['APPROVER'], em) : [];
      for (const to of recipients) {
        await change.notify({
          channel: 'SMS',
          to: to.mobile,
          template: state === 'BREACHED' ? 'verification-appeal-sla-breached' : 'verification-appeal-sla-warning',
          language: 'bi',
          vars: { reference: app.ref, thana: `${thana.nameHi} (${thana.nameEn})`, dueOn: formatIstDate(istMidnight(appeal.dueOn)) },
          sourceType: VERIFICATION_SOURCE,
          sourceId: app.id,
        });
      }
      await em.update(VerificationAppeal, { id: appeal.id }, state === 'BREACHED' ? { slaBreachNoticedAt: now } : { slaWarnedAt: now });
      change.audit({
        action: state === 'BREACHED' ? 'verification.appeal_sla_breached' : 'verification.appeal_sla_near_breach',
        entityType: VERIFICATION_SOURCE,
        entityId: app.id,
        diff: { ref: app.ref, appealId: appeal.id, level: appeal.level, dueOn: appeal.dueOn, thana: thana.code, told: recipients.map((r) => r.id) },
      });
      return state;
    });
  }

  private escalate(id: string, now: Date): Promise<'NEAR_BREACH' | 'BREACHED' | null> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const app = await em.getRepository(VerificationApplication).createQueryBuilder('v').where('v.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!app || !OPEN_STATUSES.includes(app.status)) return null;
      const state = slaState(app.dueOn, now, this.settings.warnDaysLeft);
      // Checked again on the locked row: another instance may have sent it meanwhile.
      if (state === 'ON_TIME' || (state === 'NEAR_BREACH' && app.slaWarnedAt) || (state === 'BREACHED' && app.slaBreachNoticedAt)) return null;
      const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
      const circle = thana.parentId ? await em.findOne(Unit, { where: { id: thana.parentId } }) : null;
      const verifiers = (await this.users.reachableIn([thana.id], ['VERIFIER'], em)).filter((u) => !app.assignedTo || u.id === app.assignedTo);
      const approvers = circle ? await this.users.reachableIn([circle.id], ['APPROVER'], em) : [];
      const template = state === 'BREACHED' ? 'verification-sla-breached' : 'verification-sla-warning';
      const recipients = [...new Map([...verifiers, ...approvers].map((u) => [u.id, u])).values()];
      for (const to of recipients) {
        await change.notify({
          channel: 'SMS',
          to: to.mobile,
          template,
          language: 'bi',
          vars: { reference: app.ref, thana: `${thana.nameHi} (${thana.nameEn})`, dueOn: formatIstDate(istMidnight(app.dueOn)) },
          sourceType: VERIFICATION_SOURCE,
          sourceId: app.id,
        });
      }
      if (state === 'BREACHED') app.slaBreachNoticedAt = now;
      else app.slaWarnedAt = now;
      // A raw update: the version stays, so a screen open on the record is not made stale.
      await em.update(VerificationApplication, { id: app.id }, { slaWarnedAt: app.slaWarnedAt, slaBreachNoticedAt: app.slaBreachNoticedAt, updatedAt: () => 'updated_at', version: () => 'version' });
      change.audit({
        action: state === 'BREACHED' ? 'verification.sla_breached' : 'verification.sla_near_breach',
        entityType: VERIFICATION_SOURCE,
        entityId: app.id,
        diff: { ref: app.ref, dueOn: app.dueOn, thana: thana.code, told: recipients.map((r) => r.id) },
      });
      return state;
    });
  }
}
