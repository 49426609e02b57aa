import { FieldProblem } from '../../../platform/http';
import { RANKS } from '../../../platform/ranks';
import { formatIstDateTime, parseIstInstant } from '../../../platform/time';
import { isSkill, normaliseSkill, unknownSkillMessage } from '../../personnel';
import { DivisionDto, ShiftDto } from './bandobast.dto';

/** Ranks that may lead a division (ADCP, or a DCP) and a sector (ACP, or an Inspector). */
export const DIVISION_IN_CHARGE_RANKS = ['SP', 'ASP'];
export const SECTOR_IN_CHARGE_RANKS = ['ASP', 'DSP', 'INSPECTOR'];
const MAX_SHIFT_MS = 24 * 3600_000;

export interface ExistingCodes {
  divisions: Set<string>;
  sectors: Set<string>;
  posts: Set<string>;
  shifts: Set<string>;
}

/**
 * Every problem in a submitted structure, each named by its path
 * (`divisions[0].sectors[2].posts[1].shifts[0].ranks.CONSTABEL`), so a 250-post order
 * can be fixed in one pass. Every shift in it is new work, so none may start before `now`.
 */
export function checkStructure(
  divisions: readonly DivisionDto[],
  existing: ExistingCodes,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string) =>
    problems.push({ field, message: `${field}: ${message}` });
  const unique = (set: Set<string>, code: string, field: string, what: string) => {
    if (set.has(code))
      fail(`${field}.code`, `${what} code ${code} is used twice in this bandobast`);
    set.add(code);
  };
  divisions.forEach((d, di) => {
    const dp = `divisions[${di}]`;
    unique(existing.divisions, d.code, dp, 'division');
    d.sectors.forEach((s, si) => {
      const sp = `${dp}.sectors[${si}]`;
      unique(existing.sectors, s.code, sp, 'sector');
      s.posts.forEach((p, pi) => {
        const pp = `${sp}.posts[${pi}]`;
        unique(existing.posts, p.code, pp, 'post');
        if ((p.lat === undefined) !== (p.lng === undefined))
          fail(`${pp}.lat`, 'give both lat and lng, or neither');
        p.shifts.forEach((sh, hi) => {
          const hp = `${pp}.shifts[${hi}]`;
          unique(existing.shifts, sh.code, hp, 'shift');
          checkShift(sh, hp, now, fail);
        });
      });
    });
  });
  return problems;
}

function checkShift(
  sh: ShiftDto,
  path: string,
  now: Date,
  fail: (field: string, message: string) => void,
): void {
  const start = parseIstInstant(sh.start).getTime();
  const end = parseIstInstant(sh.end).getTime();
  if (start < now.getTime())
    fail(
      `${path}.start`,
      `start is in the past (now ${formatIstDateTime(now)} IST): a new shift must start later`,
    );
  if (end <= start)
    fail(`${path}.end`, 'end must be after start (a night shift ends on the next day)');
  else if (end - start > MAX_SHIFT_MS) fail(`${path}.end`, 'a shift may last at most 24 hours');
  if (sh.reportAt && parseIstInstant(sh.reportAt).getTime() > start)
    fail(`${path}.reportAt`, 'reporting time must not be after the start');
  let total = 0;
  for (const [rank, count] of Object.entries(sh.ranks ?? {})) {
    if (!(RANKS as readonly string[]).includes(rank))
      fail(`${path}.ranks.${rank}`, `unknown rank "${rank}"; ranks are ${RANKS.join(', ')}`);
    else if (!Number.isInteger(count) || count < 0 || count > 500)
      fail(`${path}.ranks.${rank}`, 'must be a whole number from 0 to 500');
    else total += count;
  }
  if (total === 0) fail(`${path}.ranks`, 'a shift needs at least one officer');
  if ((sh.minWomen ?? 0) > total)
    fail(`${path}.minWomen`, `needs ${sh.minWomen} women but only ${total} officers in all`);
  for (const [skill, count] of Object.entries(sh.skills ?? {})) {
    const name = normaliseSkill(skill);
    if (!isSkill(name)) fail(`${path}.skills.${skill}`, unknownSkillMessage(skill));
    else if (!Number.isInteger(count) || count < 0 || count > total)
      fail(`${path}.skills.${skill}`, `must be a whole number from 0 to ${total}`);
  }
}

/** The skills object with canonical names ("Bomb Disposal" → "bomb-disposal"). */
export function canonicalSkills(
  skills: Record<string, number> | undefined,
): Record<string, number> {
  return Object.fromEntries(Object.entries(skills ?? {}).map(([k, v]) => [normaliseSkill(k), v]));
}
