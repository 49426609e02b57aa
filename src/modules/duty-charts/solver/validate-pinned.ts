/** Validation of pinned duties, the `pinned` extension to the shared format. */
import { breaksRest, busiestDayMinutes, Interval, overlaps } from './duty-calendar';
import { toEpochMinutes } from './time';
import { BandobastInstance, DEFAULT_RULES, RANKS, Rank } from './types';
import { checkRank, isNonEmptyString, isObject, Json } from './validate-fields';

/**
 * Pinned duties must already respect every officer-side rule and fit the shift's rank
 * counts: the solver keeps them as given, so a bad pin could only be obeyed by
 * breaking a hard constraint.
 */
export function checkPinned(
  instance: BandobastInstance,
  officerIds: Map<string, number>,
  shifts: Map<string, Json>,
  errors: string[],
): void {
  const pinned: unknown = instance.pinned;
  if (pinned === undefined) return;
  if (!Array.isArray(pinned)) {
    errors.push('pinned: must be an array of { officerId, shiftId, slotRank? }');
    return;
  }
  const rules = { ...DEFAULT_RULES, ...instance.rules };
  const restRules = {
    minRestMinutes: rules.minRestHours * 60,
    maxMinutesPer24h: rules.maxHoursPer24h * 60,
  };
  const slotsTaken = new Map<string, number>();
  const dutiesByOfficer = new Map<string, { at: string; shiftId: unknown; duty: Interval }[]>();
  pinned.forEach((pin: unknown, index) => {
    const at = `pinned[${index}]`;
    if (!isObject(pin)) {
      errors.push(`${at}: must be { officerId, shiftId, slotRank? }`);
      return;
    }
    const officerIndex = isNonEmptyString(pin.officerId)
      ? officerIds.get(pin.officerId)
      : undefined;
    const shift = isNonEmptyString(pin.shiftId) ? shifts.get(pin.shiftId) : undefined;
    if (officerIndex === undefined)
      errors.push(`${at}.officerId: no officer with id ${JSON.stringify(pin.officerId)}`);
    if (!shift) errors.push(`${at}.shiftId: no shift with id ${JSON.stringify(pin.shiftId)}`);
    if (officerIndex === undefined || !shift) return;
    const officer = instance.officers[officerIndex];
    if (pin.slotRank !== undefined && !checkRank(pin.slotRank, `${at}.slotRank`, errors)) return;
    const slotRank = (pin.slotRank ?? officer.rank) as Rank;
    const officerRank = RANKS.indexOf(officer.rank);
    const slotRankIndex = RANKS.indexOf(slotRank);
    if (
      officerRank !== slotRankIndex &&
      !(rules.higherRankMayFillLower && officerRank < slotRankIndex)
    ) {
      errors.push(
        `${at}.slotRank: officer ${officer.id} is ${officer.rank} and cannot fill a ${slotRank} slot`,
      );
      return;
    }
    const wanted = ((shift.require as Json).ranks as Json)[slotRank];
    const key = `${String(pin.shiftId)}|${slotRank}`;
    const taken = (slotsTaken.get(key) ?? 0) + 1;
    slotsTaken.set(key, taken);
    if (typeof wanted !== 'number' || taken > wanted) {
      errors.push(
        `${at}: shift ${String(pin.shiftId)} needs ${typeof wanted === 'number' ? wanted : 0} ${slotRank} but ${taken} are pinned`,
      );
      return;
    }
    const duty = {
      start: toEpochMinutes(shift.start as string),
      end: toEpochMinutes(shift.end as string),
    };
    for (const leave of officer.unavailable ?? []) {
      if (overlaps(duty, { start: toEpochMinutes(leave.from), end: toEpochMinutes(leave.to) })) {
        errors.push(
          `${at}: officer ${officer.id} is unavailable ${leave.from} to ${leave.to}, during shift ${String(pin.shiftId)}`,
        );
      }
    }
    const earlier = dutiesByOfficer.get(officer.id) ?? [];
    for (const other of earlier) {
      if (other.shiftId === pin.shiftId) {
        errors.push(
          `${at}: officer ${officer.id} is pinned twice to shift ${String(pin.shiftId)} (also ${other.at})`,
        );
      } else if (breaksRest(duty, other.duty, restRules)) {
        errors.push(
          `${at}: officer ${officer.id} would have less than ${rules.minRestHours} h rest between this duty and ${other.at}`,
        );
      }
    }
    earlier.push({ at, shiftId: pin.shiftId, duty });
    dutiesByOfficer.set(officer.id, earlier);
    if (busiestDayMinutes(earlier.map((entry) => entry.duty)) > restRules.maxMinutesPer24h) {
      errors.push(
        `${at}: officer ${officer.id} would work more than ${rules.maxHoursPer24h} h in 24 h with the pinned duties`,
      );
    }
  });
}
