/**
 * Input validation for a bandobast instance. Every message names the field, in the
 * form `officers[3].rank: unknown rank "CONSTABEL" (did you mean "CONSTABLE"?)`, so
 * whoever typed the file can fix it without reading code.
 */
import { isoProblem, toEpochMinutes } from './time';
import { BandobastInstance, GENDERS } from './types';
import { checkRank, isCount, isNonEmptyString, isObject, Json } from './validate-fields';
import { checkPinned } from './validate-pinned';

export type ValidationResult =
  { ok: true; instance: BandobastInstance } | { ok: false; errors: string[] };

/** Thrown by `solve` when the instance is not usable; `errors` name the fields. */
export class InvalidInstanceError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid duty-chart instance:\n  ${errors.join('\n  ')}`);
    this.name = 'InvalidInstanceError';
  }
}

export function validateInstance(raw: unknown): ValidationResult {
  const errors: string[] = [];
  if (!isObject(raw)) return { ok: false, errors: ['instance: must be a JSON object'] };
  if (raw.seed !== undefined && !(typeof raw.seed === 'number' && Number.isInteger(raw.seed))) {
    errors.push('seed: must be an integer');
  }
  checkRules(raw.rules, errors);
  const officerIds = checkOfficers(raw.officers, errors);
  const shiftIds = checkPosts(raw.posts, errors);
  if (errors.length === 0)
    checkPinned(raw as unknown as BandobastInstance, officerIds, shiftIds, errors);
  return errors.length === 0
    ? { ok: true, instance: raw as unknown as BandobastInstance }
    : { ok: false, errors };
}

/** Validates and returns the typed instance, or throws `InvalidInstanceError`. */
export function assertValidInstance(raw: unknown): BandobastInstance {
  const result = validateInstance(raw);
  if (!result.ok) throw new InvalidInstanceError(result.errors);
  return result.instance;
}

function checkRules(rules: unknown, errors: string[]): void {
  if (rules === undefined) return;
  if (!isObject(rules)) {
    errors.push('rules: must be an object');
    return;
  }
  const { minRestHours, maxHoursPer24h, higherRankMayFillLower } = rules;
  if (
    minRestHours !== undefined &&
    !(typeof minRestHours === 'number' && minRestHours >= 0 && minRestHours <= 24 * 7)
  ) {
    errors.push(
      `rules.minRestHours: must be a number of hours between 0 and 168, got ${JSON.stringify(minRestHours)}`,
    );
  }
  if (
    maxHoursPer24h !== undefined &&
    !(typeof maxHoursPer24h === 'number' && maxHoursPer24h > 0 && maxHoursPer24h <= 24)
  ) {
    errors.push(
      `rules.maxHoursPer24h: must be a number of hours above 0 and at most 24, got ${JSON.stringify(maxHoursPer24h)}`,
    );
  }
  if (higherRankMayFillLower !== undefined && typeof higherRankMayFillLower !== 'boolean') {
    errors.push('rules.higherRankMayFillLower: must be true or false');
  }
}

function checkOfficers(officers: unknown, errors: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(officers)) {
    errors.push('officers: must be an array');
    return ids;
  }
  officers.forEach((officer: unknown, index) => {
    const at = `officers[${index}]`;
    if (!isObject(officer)) {
      errors.push(`${at}: must be an object`);
      return;
    }
    if (!isNonEmptyString(officer.id)) errors.push(`${at}.id: must be a non-empty string`);
    else if (ids.has(officer.id))
      errors.push(
        `${at}.id: duplicate officer id "${officer.id}" (also officers[${ids.get(officer.id)}])`,
      );
    else ids.set(officer.id, index);
    checkRank(officer.rank, `${at}.rank`, errors);
    if (!(GENDERS as readonly unknown[]).includes(officer.gender)) {
      errors.push(
        `${at}.gender: must be one of ${GENDERS.join(', ')}, got ${JSON.stringify(officer.gender)}`,
      );
    }
    if (!isNonEmptyString(officer.unit))
      errors.push(`${at}.unit: must be a non-empty string (the thana or unit)`);
    if (officer.skills !== undefined) {
      if (!Array.isArray(officer.skills)) errors.push(`${at}.skills: must be an array of strings`);
      else
        officer.skills.forEach(
          (skill, s) =>
            isNonEmptyString(skill) ||
            errors.push(`${at}.skills[${s}]: must be a non-empty string`),
        );
    }
    checkLocation(officer.location, `${at}.location`, errors);
    checkUnavailable(officer.unavailable, `${at}.unavailable`, errors);
    checkHistory(officer.history, `${at}.history`, errors);
  });
  return ids;
}

function checkLocation(location: unknown, at: string, errors: string[]): void {
  if (location === undefined) return;
  const valid =
    isObject(location) &&
    typeof location.lat === 'number' &&
    typeof location.lng === 'number' &&
    Math.abs(location.lat) <= 90 &&
    Math.abs(location.lng) <= 180;
  if (!valid) errors.push(`${at}: must be { "lat": -90..90, "lng": -180..180 }`);
}

function checkUnavailable(windows: unknown, at: string, errors: string[]): void {
  if (windows === undefined) return;
  if (!Array.isArray(windows)) {
    errors.push(`${at}: must be an array of { from, to }`);
    return;
  }
  windows.forEach((window: unknown, index) => {
    if (!isObject(window)) {
      errors.push(`${at}[${index}]: must be { "from", "to" }`);
      return;
    }
    checkWindow(window.from, window.to, `${at}[${index}]`, 'from', 'to', errors);
  });
}

/** Checks two timestamps and that the second is later; returns true when both are usable. */
function checkWindow(
  start: unknown,
  end: unknown,
  at: string,
  startName: string,
  endName: string,
  errors: string[],
): boolean {
  const startProblem = isoProblem(start);
  const endProblem = isoProblem(end);
  if (startProblem) errors.push(`${at}.${startName}: ${startProblem}`);
  if (endProblem) errors.push(`${at}.${endName}: ${endProblem}`);
  if (startProblem || endProblem) return false;
  if (toEpochMinutes(end as string) <= toEpochMinutes(start as string)) {
    errors.push(`${at}.${endName}: must be later than ${startName} (${String(start)})`);
    return false;
  }
  return true;
}

function checkHistory(history: unknown, at: string, errors: string[]): void {
  if (history === undefined) return;
  if (!isObject(history)) {
    errors.push(`${at}: must be an object`);
    return;
  }
  for (const field of ['dutyHours30d', 'nightDuties30d'] as const) {
    const value = history[field];
    if (
      value !== undefined &&
      !(typeof value === 'number' && value >= 0 && Number.isFinite(value))
    ) {
      errors.push(`${at}.${field}: must be a number ≥ 0, got ${JSON.stringify(value)}`);
    }
  }
}

function checkPosts(posts: unknown, errors: string[]): Map<string, Json> {
  const shiftIds = new Map<string, Json>();
  if (!Array.isArray(posts)) {
    errors.push('posts: must be an array');
    return shiftIds;
  }
  const postIds = new Set<string>();
  posts.forEach((post: unknown, index) => {
    const at = `posts[${index}]`;
    if (!isObject(post)) {
      errors.push(`${at}: must be an object`);
      return;
    }
    if (!isNonEmptyString(post.id)) errors.push(`${at}.id: must be a non-empty string`);
    else if (postIds.has(post.id)) errors.push(`${at}.id: duplicate post id "${post.id}"`);
    else postIds.add(post.id);
    if (!isNonEmptyString(post.sector)) errors.push(`${at}.sector: must be a non-empty string`);
    checkLocation(post.location, `${at}.location`, errors);
    if (!Array.isArray(post.shifts)) {
      errors.push(`${at}.shifts: must be an array`);
      return;
    }
    post.shifts.forEach((shift: unknown, s) =>
      checkShift(shift, `${at}.shifts[${s}]`, shiftIds, errors),
    );
  });
  return shiftIds;
}

function checkShift(
  shift: unknown,
  at: string,
  shiftIds: Map<string, Json>,
  errors: string[],
): void {
  if (!isObject(shift)) {
    errors.push(`${at}: must be an object`);
    return;
  }
  if (!isNonEmptyString(shift.id)) errors.push(`${at}.id: must be a non-empty string`);
  else if (shiftIds.has(shift.id)) errors.push(`${at}.id: duplicate shift id "${shift.id}"`);
  else shiftIds.set(shift.id, shift);
  checkWindow(shift.start, shift.end, at, 'start', 'end', errors);
  const require = shift.require;
  if (!isObject(require)) {
    errors.push(`${at}.require: must be an object with "ranks"`);
    return;
  }
  if (!isObject(require.ranks)) {
    errors.push(`${at}.require.ranks: must be an object like { "CONSTABLE": 4 }`);
  } else {
    let total = 0;
    for (const [rank, count] of Object.entries(require.ranks)) {
      if (!checkRank(rank, `${at}.require.ranks`, errors)) continue;
      if (!isCount(count))
        errors.push(
          `${at}.require.ranks.${rank}: must be a whole number ≥ 0, got ${JSON.stringify(count)}`,
        );
      else total += count;
    }
    if (total === 0) errors.push(`${at}.require.ranks: must ask for at least one officer`);
  }
  if (require.minWomen !== undefined && !isCount(require.minWomen)) {
    errors.push(
      `${at}.require.minWomen: must be a whole number ≥ 0, got ${JSON.stringify(require.minWomen)}`,
    );
  }
  if (require.skills !== undefined) {
    if (!isObject(require.skills))
      errors.push(`${at}.require.skills: must be an object like { "armed": 2 }`);
    else {
      for (const [skill, count] of Object.entries(require.skills)) {
        if (!isCount(count))
          errors.push(
            `${at}.require.skills.${skill}: must be a whole number ≥ 0, got ${JSON.stringify(count)}`,
          );
      }
    }
  }
}
