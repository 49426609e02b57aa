import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { idsOf, maskMobile } from '../../../platform/http';
import { CLOCK, Clock } from '../../../platform/time';
import { inUnitSubtree, unitRef, UnitsService } from '../../../platform/units';
import { VerificationQueryDto } from '../dto/verification-query.dto';
import { VerificationApplication } from '../entities/verification-application.entity';
import { daysLeft, daysLeftSql } from '../rules/days-left';
import { slaState, slaStateSql } from '../rules/sla';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { VERIFICATION_SOURCE } from '../verification-terms';
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
    await this.audit.recordAlone({ action: 'verification.listed', entityType: VERIFICATION_SOURCE, diff: { list: 'sla-board', count: rows.length } });
    const thanas = new Map<string, { thana: (typeof items)[number]['thana']; nearBreach: typeof items; breached: typeof items }>();
    for (const item of items) {
      const entry = thanas.get(item.thana.id) ?? { thana: item.thana, nearBreach: [], breached: [] };
      (item.sla === 'BREACHED' ? entry.breached : entry.nearBreach).push(item);
      thanas.set(item.thana.id, entry);
    }
    return [...thanas.values()].sort((a, b) => b.breached.length - a.breached.length || b.nearBreach.length - a.nearBreach.length || a.thana.code.localeCompare(b.thana.code));
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
      sla: r.status === 'SIGNED_OFF' ? null : slaState(r.dueOn, now, this.settings.warnDaysLeft),
      outcome: r.outcome,
    }));
  }
}
