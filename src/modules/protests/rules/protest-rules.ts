import { formatIstDateTime, formatMinuteOfDay } from '../../../platform/time';
import type { ProtestSettings } from '../protest-settings';
import { leadTimeRule } from './lead-time';
import { firstQuietOverlap } from './quiet-hours';
import type { RuleResult } from './rule-result';
import { withinVenueHours } from './venue-hours';

export interface RuleVenue {
  readonly nameEn: string;
  readonly capacity: number | null;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
}

/** A restriction order whose area and time window the event touches. */
export interface RestrictionHit {
  readonly id: string;
  readonly orderRef: string;
  readonly reason: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface RuleInput {
  readonly receivedAt: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly expectedParticipants: number;
  readonly loudspeaker: { readonly from: Date; readonly to: Date } | null;
  /** null for a route (juloos, rally): venue rules do not apply. */
  readonly venue: RuleVenue | null;
  readonly restrictions: readonly RestrictionHit[];
}

type Limits = Pick<ProtestSettings, 'leadTimeHours' | 'maxDurationHours' | 'quietFromMinute' | 'quietToMinute'>;

/** Every rule, in a fixed order, each with what it compared: shown to the DCP, never applied silently. */
export function evaluateRules(input: RuleInput, limits: Limits): RuleResult[] {
  return [
    leadTimeRule(input.receivedAt, input.startsAt, limits.leadTimeHours),
    loudspeakerRule(input, limits),
    capacityRule(input),
    venueHoursRule(input),
    durationRule(input, limits.maxDurationHours),
    restrictionRule(input.restrictions),
  ];
}

function loudspeakerRule({ loudspeaker }: RuleInput, l: Limits): RuleResult {
  const window = `${formatMinuteOfDay(l.quietFromMinute)}–${formatMinuteOfDay(l.quietToMinute)}`;
  if (!loudspeaker) return { rule: 'LOUDSPEAKER_QUIET_HOURS', ok: true, detail: 'no loudspeaker requested' };
  const hit = firstQuietOverlap(loudspeaker.from, loudspeaker.to, l.quietFromMinute, l.quietToMinute);
  const asked = `loudspeaker asked for ${formatIstDateTime(loudspeaker.from)} to ${formatIstDateTime(loudspeaker.to)}`;
  return hit
    ? { rule: 'LOUDSPEAKER_QUIET_HOURS', ok: false, detail: `${asked}; it would run at ${formatIstDateTime(hit)}, inside the ${window} quiet hours` }
    : { rule: 'LOUDSPEAKER_QUIET_HOURS', ok: true, detail: `${asked}; clear of the ${window} quiet hours` };
}

function capacityRule({ venue, expectedParticipants: n }: RuleInput): RuleResult {
  if (!venue) return { rule: 'VENUE_CAPACITY', ok: true, detail: 'a route, not a venue: no capacity applies' };
  if (venue.capacity == null) return { rule: 'VENUE_CAPACITY', ok: true, detail: `${venue.nameEn} has no capacity on record; ${n} expected` };
  const ok = n <= venue.capacity;
  return { rule: 'VENUE_CAPACITY', ok, detail: `${n} expected; ${venue.nameEn} takes at most ${venue.capacity}` };
}

function venueHoursRule({ venue, startsAt, endsAt }: RuleInput): RuleResult {
  if (!venue) return { rule: 'VENUE_HOURS', ok: true, detail: 'a route, not a venue: no venue hours apply' };
  if (!venue.opensAt || !venue.closesAt) return { rule: 'VENUE_HOURS', ok: true, detail: `${venue.nameEn} has no hours on record` };
  const ok = withinVenueHours(startsAt, endsAt, venue.opensAt, venue.closesAt);
  return {
    rule: 'VENUE_HOURS',
    ok,
    detail: `event ${formatIstDateTime(startsAt)} to ${formatIstDateTime(endsAt)}; ${venue.nameEn} is open ${venue.opensAt}–${venue.closesAt} on one day`,
  };
}

function durationRule({ startsAt, endsAt }: RuleInput, maxHours: number): RuleResult {
  const hours = Math.round((endsAt.getTime() - startsAt.getTime()) / 360_000) / 10;
  return { rule: 'MAX_DURATION', ok: hours <= maxHours, detail: `runs ${hours} h; at most ${maxHours} h continuously (Standing Order L&O/48/2022)` };
}

function restrictionRule(hits: readonly RestrictionHit[]): RuleResult {
  if (hits.length === 0) return { rule: 'RESTRICTION_ORDER', ok: true, detail: 'no restriction order covers this place and time' };
  const list = hits.map((h) => `${h.orderRef} (${h.reason})`).join('; ');
  return { rule: 'RESTRICTION_ORDER', ok: false, detail: `inside the area and time of ${list}` };
}
