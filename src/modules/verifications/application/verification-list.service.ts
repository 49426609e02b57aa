import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { idsOf, maskMobile } from '../../../platform/http';
import { CLOCK, Clock } from '../../../platform/time';
import { inUnitSubtree, unitRef, UnitsService } from '../../../platform/units';
import { VerificationQueryDto } from '../dto/verification-query.dto';
import { VerificationAppeal } from '../entities/verification-appeal.entity';
import { VerificationApplication } from '../entities/verification-application.entity';
import { daysLeft, daysLeftSql } from '../rules/days-left';
import { slaState, slaStateSql } from '../rules/sla';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { AppealLevel, VERIFICATION_SOURCE } from '../verification-terms';
import { OPEN_STATUSES } from '../verification-workflow';
import { readableScope } from './verification-access';

export type VerificationSummary = Awaited<ReturnType<VerificationList['summariesOf']>>[number];

/**
 * Lists of applications: a verifier's own queue, the applications of the thanas in the user's
 * chain, and the open work per verifier and per thana. Lists leave the ID's digits out and show
 * the mobile masked (BRIEF §6: lists get exported and printed); the record has them in full.
 * Every list read is audited, with how many it showed.
 */
@Injectable()
export class VerificationList {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The user's own open applications, the fewest days left first (then the oldest receipt). */
  async queue(actor: Actor) {
    const now = this.clock.now();
    const scope = readableScope(actor, 'v.thana_unit_id');
    const rows = await this.dataSource
      .getRepository(VerificationApplication)
      .createQueryBuilder('v')
      .where('v.assigned_to = :me AND v.status = ANY(:open)', { me: actor.id, open: OPEN_STATUSES })
      .andWhere(scope.sql, scope.params)
      // Days left are the due day less today: the order of the due days is the order of days left.
      .orderBy('v.due_on', 'ASC')
      .addOrderBy('v.received_at', 'ASC')
      .addOrderBy('v.ref', 'ASC')
      .take(500)
      .getMany();
    await this.audit.recordAlone({ action: 'verification.listed', entityType: VERIFICATION_SOURCE, diff: { list: 'queue', count: rows.length } });
    return this.summaries(rows, now);
  }

  async list(actor: Actor, q: VerificationQueryDto, exported = false) {
    const now = this.clock.now();
    const limit = exported ? 5000 : (q.limit ?? 50);
    const offset = exported ? 0 : (q.offset ?? 0);
    const scope = readableScope(actor, 'v.thana_unit_id');
    const query = this.dataSource.getRepository(VerificationApplication).createQueryBuilder('v').where(scope.sql, scope.params);
    if (q.status) query.andWhere('v.status = :status', { status: q.status });
    if (q.purpose) query.andWhere('v.purpose = :purpose', { purpose: q.purpose });
    if (q.thanaCode) query.andWhere('v.thana_unit_id IN (SELECT id FROM unit WHERE code = :thanaCode)', { thanaCode: q.thanaCode });
    const [rows, total] = await query.orderBy('v.due_on', 'ASC').addOrderBy('v.received_at', 'ASC').addOrderBy('v.ref', 'ASC').skip(offset).take(limit).getManyAndCount();
    await this.audit.recordAlone({ action: exported ? 'verification.exported' : 'verification.listed', entityType: VERIFICATION_SOURCE, diff: { list: 'all', count: rows.length, status: q.status ?? null, thanaCode: q.thanaCode ?? null } });
    return { items: await this.summaries(rows, now), total, limit, offset };
  }

  /** Open work per thana in the user's chain, and per verifier there (verifiers with none count too). */
  async workload(actor: Actor) {
    const now = this.clock.now();
    const thanas = (await this.units.list()).filter((u) => u.kind === 'THANA' && u.isActive && (actor.roles.includes('AUDITOR') || inUnitSubtree(u.path, actor.unitPath)));
    const scope = readableScope(actor, 'v.thana_unit_id');
    const rows: Array<{ thana: string; assigned_to: string | null; open: number; overdue: number }> = await this.dataSource
      .getRepository(VerificationApplication)
      .createQueryBuilder('v')
      .select('v.thana_unit_id', 'thana')
      .addSelect('v.assigned_to', 'assigned_to')
      .addSelect('count(*)::int', 'open')
      .addSelect(`count(*) FILTER (WHERE ${daysLeftSql('v.due_on')} < 0)::int`, 'overdue')
      .where('v.status = ANY(:open)', { open: OPEN_STATUSES })
      .andWhere(scope.sql, scope.params)
      .setParameter('now', now.toISOString())
      .groupBy('v.thana_unit_id')
      .addGroupBy('v.assigned_to')
      .getRawMany();
    const verifiers = new Map<string, string[]>(thanas.map((t) => [t.id, []]));
    for (const h of await this.users.holders(thanas.map((t) => t.id), 'VERIFIER')) verifiers.get(h.unitId)!.push(h.id);
    const people = await this.users.people(idsOf([...verifiers.values()].flat(), rows.map((r) => r.assigned_to)));
    await this.audit.recordAlone({ action: 'verification.listed', entityType: VERIFICATION_SOURCE, diff: { list: 'workload', thanas: thanas.length } });
    return thanas
      .map((t) => {
        const mine = rows.filter((r) => r.thana === t.id);
        const ids = [...new Set([...verifiers.get(t.id)!, ...mine.map((r) => r.assigned_to).filter((x): x is string => x !== null)])];
        return {
          thana: unitRef(t),
          open: mine.reduce((n, r) => n + r.open, 0),
          overdue: mine.reduce((n, r) => n + r.overdue, 0),
          unassigned: mine.filter((r) => r.assigned_to === null).reduce((n, r) => n + r.open, 0),
          verifiers: ids
            .map((id) => ({ verifier: people.of(id), open: mine.find((r) => r.assigned_to === id)?.open ?? 0 }))
            .sort((a, b) => b.open - a.open || a.verifier.nameEn.localeCompare(b.verifier.nameEn)),
        };
      })
      .sort((a, b) => b.open - a.open || a.thana.code.localeCompare(b.thana.code));
  }

  /**
   * The near-breach and breached board: the open applications of each thana in the user's chain
   * that are near their Lok Seva limit or past it, the most urgent first.
   */
  async slaBoard(actor: Actor) {
    const now = this.clock.now();
    const scope = readableScope(actor, 'v.thana_unit_id');
    const rows = await this.dataSource
      .getRepository(VerificationApplication)
      .createQueryBuilder('v')
      .where('v.status = ANY(:open)', { open: OPEN_STATUSES })
      .andWhere(`${slaStateSql('v.due_on')} <> 'ON_TIME'`)
      .andWhere(scope.sql, scope.params)
      .setParameters({ now: now.toISOString(), warnDaysLeft: this.settings.warnDaysLeft })
      .orderBy('v.due_on', 'ASC')
      .addOrderBy('v.ref', 'ASC')
      .take(2000)
      .getMany();
    const items = await this.summaries(rows, now);
    const appeals = await this.appealsAtRisk(actor, now);
    await this.audit.recordAlone({ action: 'verification.listed', entityType: VERIFICATION_SOURCE, diff: { list: 'sla-board', count: rows.length, appeals: appeals.length } });
    type Entry = { thana: (typeof items)[number]['thana']; nearBreach: typeof items; breached: typeof items; appealsNearBreach: typeof appeals; appealsBreached: typeof appeals };
    const thanas = new Map<string, Entry>();
    const entry = (thana: Entry['thana']) => {
      const e = thanas.get(thana.id) ?? { thana, nearBreach: [], breached: [], appealsNearBreach: [], appealsBreached: [] };
      thanas.set(thana.id, e);
      return e;
    };
    for (const item of items) (item.sla === 'BREACHED' ? entry(item.thana).breached : entry(item.thana).nearBreach).push(item);
    for (const a of appeals) (a.sla === 'BREACHED' ? entry(a.thana).appealsBreached : entry(a.thana).appealsNearBreach).push(a);
    const breached = (e: Entry) => e.breached.length + e.appealsBreached.length;
    const near = (e: Entry) => e.nearBreach.length + e.appealsNearBreach.length;
    return [...thanas.values()].sort((a, b) => breached(b) - breached(a) || near(b) - near(a) || a.thana.code.localeCompare(b.thana.code));
  }

  /** Undecided appeals near their own limit or past it, in the user's chain, the most urgent first. */
  private async appealsAtRisk(actor: Actor, now: Date) {
    const scope = readableScope(actor, 'v.thana_unit_id');
    const rows: Array<{ id: string; application_id: string; ref: string; level: AppealLevel; received_at: Date; due_on: string; thana_unit_id: string }> = await this.dataSource
      .getRepository(VerificationAppeal)
      .createQueryBuilder('a')
      .innerJoin(VerificationApplication, 'v', 'v.id = a.application_id')
      .select(['a.id AS id', 'a.application_id AS application_id', 'v.ref AS ref', 'a.level AS level', 'a.received_at AS received_at', "to_char(a.due_on, 'YYYY-MM-DD') AS due_on", 'v.thana_unit_id AS thana_unit_id'])
      .where('a.decision IS NULL')
      .andWhere(`${slaStateSql('a.due_on')} <> 'ON_TIME'`)
      .andWhere(scope.sql, scope.params)
      .setParameters({ now: now.toISOString(), warnDaysLeft: this.settings.appealWarnDaysLeft })
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('v.ref', 'ASC')
      .limit(2000)
      .getRawMany();
    const units = await this.units.refs(rows.map((r) => r.thana_unit_id));
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      ref: r.ref,
      level: r.level,
      receivedAt: r.received_at,
      dueOn: r.due_on,
      daysLeft: daysLeft(r.due_on, now),
      sla: slaState(r.due_on, now, this.settings.appealWarnDaysLeft),
      thana: units.of(r.thana_unit_id),
    }));
  }

  private summaries(rows: VerificationApplication[], now: Date) {
    return this.summariesOf(rows, now);
  }

  async summariesOf(rows: VerificationApplication[], now: Date) {
    const people = await this.users.people(idsOf(rows.map((r) => r.assignedTo)));
    const units = await this.units.refs(rows.map((r) => r.thanaUnitId));
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      status: r.status,
      purpose: r.purpose,
      nameHi: r.nameHi,
      nameEn: r.nameEn,
      mobileMasked: maskMobile(r.mobile)!,
      idDocumentType: r.idDocumentType,
      thana: units.of(r.thanaUnitId),
      assignedTo: people.ofOptional(r.assignedTo),
      receivedAt: r.receivedAt,
      dueOn: r.dueOn,
      daysLeft: daysLeft(r.dueOn, now),
      sla: !OPEN_STATUSES.includes(r.status) ? null : slaState(r.dueOn, now, this.settings.warnDaysLeft),
      outcome: r.outcome,
    }));
  }
}
