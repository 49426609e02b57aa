import type { GeoPoint } from '../../../platform/geo';
import type { GrantedCondition, RoutePoint } from '../entities/protest-application.entity';
import { EVENT_TYPES, EventType } from '../event-types';
import type { ProtestStatus } from '../protest-workflow';

/** The columns ProtestList selects. */
export interface SummaryRow {
  id: string;
  ref: string;
  status: ProtestStatus;
  version: number;
  event_type: EventType;
  starts_at: Date;
  ends_at: Date;
  expected_participants: number;
  organisation: string | null;
  applicant_name_hi: string | null;
  applicant_name_en: string | null;
  is_late: boolean;
  lead_time_hours: number;
  route_from: string | null;
  route_to: string | null;
  venue_code: string | null;
  venue_name_en: string | null;
  venue_name_hi: string | null;
  thana_id: string;
  thana_code: string;
  thana_name_en: string;
  thana_name_hi: string;
  has_clash?: boolean;
  sla_at_risk?: boolean;
  route?: RoutePoint[] | null;
  venue_lat?: number | null;
  venue_lng?: number | null;
  conditions?: GrantedCondition[] | null;
}

/** One line of the control room's list. */
export function toSummary(r: SummaryRow) {
  return {
    id: r.id,
    ref: r.ref,
    status: r.status,
    version: r.version,
    eventType: r.event_type,
    eventTypeLabel: EVENT_TYPES[r.event_type],
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    expectedParticipants: r.expected_participants,
    applicantName: r.applicant_name_en ?? r.applicant_name_hi,
    organisation: r.organisation,
    place: r.venue_name_en ?? `${r.route_from} → ${r.route_to}`,
    venue: r.venue_code ? { code: r.venue_code, nameEn: r.venue_name_en, nameHi: r.venue_name_hi } : null,
    thana: { id: r.thana_id, code: r.thana_code, nameEn: r.thana_name_en, nameHi: r.thana_name_hi },
    flags: { late: r.is_late, leadTimeHours: Number(r.lead_time_hours), clash: Boolean(r.has_clash), slaAtRisk: Boolean(r.sla_at_risk) },
  };
}

/** An approved event on the board, with the points to put on a map. */
export function toBoardEvent(r: SummaryRow) {
  const location: { venue: (GeoPoint & { nameEn: string | null; nameHi: string | null }) | null; route: RoutePoint[] | null } = {
    venue: r.venue_code ? { nameEn: r.venue_name_en, nameHi: r.venue_name_hi, lat: Number(r.venue_lat), lng: Number(r.venue_lng) } : null,
    route: r.route ?? null,
  };
  const { flags: _flags, ...summary } = toSummary(r);
  return { ...summary, location, conditions: r.conditions ?? [] };
}
