import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../platform/context';
import { unitScope, Unit } from '../../../platform/units';
import { ClashDetector } from '../clash/clash-detector.service';
import type { ClashSubject } from '../clash/clash-source';
import { LIVE_STATUS_SQL } from '../clash/protest-clash.sql';
import { ProtestQueryDto } from '../dto/protest-query.dto';
import { ProtestApplication } from '../entities/protest-application.entity';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { addDays, CLOCK, Clock, istDateKey, istStartOfDay, parseIstInstant } from '../../../platform/time';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { slaAtRiskSql } from '../rules/sla';
import { toBoardEvent, toSummary, SummaryRow } from './protest-summary';

/** The list's row as a clash source sees it. */
const LISTED_APPLICATION: ClashSubject = { id: 'p.id', during: 'p.during', venueId: 'p.venue_id', geoPoints: 'p.geo_points', geoBox: 'p.geo_box' };

/** The control room's views: the filtered list, and the board of today's and tomorrow's events. */
@Injectable()
export class ProtestList {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly detector: ClashDetector,
  ) {}

  /** Soonest first within a date range; newest first when no start of the range is given. */
  async list(actor: Actor, f: ProtestQueryDto) {
    const q = this.base(actor);
    const sla = slaAtRiskSql('p', this.settings.slaHours, this.clock.now());
    // The record view's clashes, as a condition: every clash source (other protests, VIP legs),
    // each showing this user only what it would show them on the record.
    const shown = this.detector.shownExists(LISTED_APPLICATION, actor);
    const clash = `(p.status IN (${LIVE_STATUS_SQL}) AND ${shown.sql})`;
    q.setParameters({ ...sla.params, ...shown.params });
    if (f.from) q.andWhere('p.ends_at > :from', { from: parseIstInstant(f.from) });
    if (f.to) q.andWhere('p.starts_at < :to', { to: parseIstInstant(f.to) });
    if (f.status) q.andWhere('p.status = :status', { status: f.status });
    if (f.thana) q.andWhere('u.code = :thana', { thana: f.thana });
    if (f.venue) q.andWhere('v.code = :venue', { venue: f.venue });
    if (f.type) q.andWhere('p.event_type = :type', { type: f.type });
    if (f.late !== undefined) q.andWhere('p.is_late = :late', { late: f.late });
    if (f.clash !== undefined) q.andWhere(f.clash ? clash : `NOT ${clash}`);
    if (f.sla !== undefined) q.andWhere(f.sla ? sla.sql : `NOT ${sla.sql}`);
    const counted = await q.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const rows = await q
      .addSelect(`${clash}`, 'has_clash')
      .addSelect(sla.sql, 'sla_at_risk')
      .orderBy('p.starts_at', f.from ? 'ASC' : 'DESC')
      .addOrderBy('p.ref', 'ASC')
      .limit(f.limit)
      .offset(f.offset)
      .getRawMany<SummaryRow>();
    return { total: counted?.n ?? 0, items: rows.map(toSummary) };
  }

  /** Applications revoked because of another record, e.g. a VIP programme (for that record's own view). */
  revokedFor(type: string, ref: string): Promise<Array<{ id: string; ref: string; status: string }>> {
    return this.dataSource
      .getRepository(ProtestApplication)
      .createQueryBuilder('p')
      .select(['p.id AS id', 'p.ref AS ref', 'p.status AS status'])
      .where('p.revocation_linked_type = :type AND p.revocation_linked_ref = :ref', { type, ref })
      .orderBy('p.ref')
      .getRawMany();
  }

  /** Approved events on today's and tomorrow's IST dates, with where they take place. */
  async board(actor: Actor, now = this.clock.now()) {
    const today = istStartOfDay(now);
    const days = [today, addDays(today, 1)];
    const rows = await this.base(actor)
      .andWhere(`p.status = 'APPROVED'`)
      .andWhere(`p.during && tstzrange(:from, :to, '[)')`, { from: today.toISOString(), to: addDays(today, 2).toISOString() })
      .addSelect(['p.route AS route', 'v.lat AS venue_lat', 'v.lng AS venue_lng', 'p.conditions AS conditions'])
      .orderBy('p.starts_at')
      .getRawMany<SummaryRow>();
    const events = rows.map(toBoardEvent);
    return {
      from: today.toISOString(),
      to: addDays(today, 2).toISOString(),
      days: days.map((day) => ({
        date: istDateKey(day),
        events: events.filter((e) => new Date(e.startsAt) < addDays(day, 1) && new Date(e.endsAt) > day),
      })),
    };
  }

  /** Applications the actor may see, with their venue and thana, selecting the summary columns. */
  private base(actor: Actor): SelectQueryBuilder<ProtestApplication> {
    const scope = unitScope(actor, 'p.thana_unit_id');
    return this.dataSource
      .createQueryBuilder()
      .from(ProtestApplication, 'p')
      .leftJoin(ProtestVenue, 'v', 'v.id = p.venue_id')
      .innerJoin(Unit, 'u', 'u.id = p.thana_unit_id')
      .where(scope.sql, scope.params)
      .select([
        'p.id AS id', 'p.ref AS ref', 'p.status AS status', 'p.version AS version', 'p.event_type AS event_type',
        'p.starts_at AS starts_at', 'p.ends_at AS ends_at', 'p.expected_participants AS expected_participants',
        'p.organisation AS organisation', 'p.applicant_name_hi AS applicant_name_hi', 'p.applicant_name_en AS applicant_name_en',
        'p.is_late AS is_late', 'p.lead_time_hours AS lead_time_hours', "p.route -> 0 ->> 'name' AS route_from",
        "p.route -> -1 ->> 'name' AS route_to", 'v.code AS venue_code', 'v.name_en AS venue_name_en', 'v.name_hi AS venue_name_hi',
        'u.id AS thana_id', 'u.code AS thana_code', 'u.name_en AS thana_name_en', 'u.name_hi AS thana_name_hi',
      ]) as unknown as SelectQueryBuilder<ProtestApplication>;
  }
}
