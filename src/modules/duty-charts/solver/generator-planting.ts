/**
 * Plants a witness chart while generating: every shift's team is dealt from real,
 * available officers first, and the shift's requirements are then read off that team.
 * So a generated instance is feasible by construction (the witness proves it), and a
 * deliberately infeasible one has a shortfall we can state exactly.
 */
import { distanceKm } from './geo';
import { ForceMember, Horizon, istTime } from './generator-force';
import { PostPlan, SectorPlan, TeamTemplate } from './generator-posts';
import { SeededRandom } from './rng';
import { toEpochMinutes } from './time';
import { RANKS, Rank, Shift } from './types';

export const SHIFT_PATTERN = [
  { letter: 'A', from: 6, to: 14 },
  { letter: 'B', from: 14, to: 22 },
  { letter: 'C', from: 22, to: 30 }, // crosses midnight
] as const;

/** Share of available officers of a rank that the templates are scaled to use. */
const UTILISATION = 0.9;

export interface PlantedTeam {
  post: PostPlan;
  day: number;
  letter: number;
  start: number;
  end: number;
  members: number[];
  shift: Shift;
}

export function plantChart(
  random: SeededRandom,
  force: ForceMember[],
  posts: PostPlan[],
  sectors: SectorPlan[],
  horizon: Horizon,
): PlantedTeam[] {
  scaleTemplates(posts, force);
  const nearest = nearestBySectorAndRank(force, sectors);
  const dealtOnDay = new Int32Array(force.length).fill(-1);
  // One shift letter per officer for the whole chart keeps the witness legal on every
  // day (16 h rest between same-letter duties, 8 h in any 24 h).
  const letterOf = new Int8Array(force.length).fill(-1);
  const teams: PlantedTeam[] = [];
  for (let day = 0; day < horizon.days; day++) {
    for (let letter = 0; letter < SHIFT_PATTERN.length; letter++) {
      const pattern = SHIFT_PATTERN[letter];
      const startIso = istTime(horizon.startDate, day, pattern.from);
      const endIso = istTime(horizon.startDate, day, pattern.to);
      const start = toEpochMinutes(startIso);
      const end = toEpochMinutes(endIso);
      const eligible = (o: number) =>
        dealtOnDay[o] !== day &&
        (letterOf[o] < 0 || letterOf[o] === letter) &&
        !force[o].leave.some((leave) => leave.start < end && start < leave.end);
      for (const post of random.shuffle([...posts])) {
        const members = dealTeam(post, nearest[post.sectorIndex], force, eligible);
        if (members.length === 0) continue;
        for (const o of members) {
          dealtOnDay[o] = day;
          letterOf[o] = letter;
        }
        const id =
          horizon.days === 1
            ? `${post.id}-${pattern.letter}`
            : `${post.id}-${pattern.letter}-d${day + 1}`;
        const team: PlantedTeam = {
          post,
          day,
          letter,
          start,
          end,
          members,
          shift: { id, start: startIso, end: endIso, require: { ranks: {} } },
        };
        deriveRequirement(team, force);
        teams.push(team);
      }
    }
  }
  return teams;
}

/** Requirements read off the dealt team: exact ranks, and the template's minimums as far as the team meets them. */
export function deriveRequirement(team: PlantedTeam, force: ForceMember[]): void {
  const ranks: Partial<Record<Rank, number>> = {};
  for (const o of team.members)
    ranks[force[o].officer.rank] = (ranks[force[o].officer.rank] ?? 0) + 1;
  const template = team.post.template;
  const women = team.members.filter((o) => force[o].officer.gender === 'F').length;
  const skills: Record<string, number> = {};
  for (const [skill, wanted] of Object.entries(template.skills)) {
    const held = team.members.filter((o) => force[o].officer.skills?.includes(skill)).length;
    if (Math.min(wanted, held) > 0) skills[skill] = Math.min(wanted, held);
  }
  team.shift.require = { ranks: orderedRanks(ranks) };
  if (Math.min(template.women, women) > 0)
    team.shift.require.minWomen = Math.min(template.women, women);
  if (Object.keys(skills).length > 0) team.shift.require.skills = skills;
}

export function orderedRanks(ranks: Partial<Record<Rank, number>>): Partial<Record<Rank, number>> {
  const ordered: Partial<Record<Rank, number>> = {};
  for (const rank of RANKS) if (ranks[rank]) ordered[rank] = ranks[rank];
  return ordered;
}

/** Deals the template's women and skills first, from the nearest eligible holders, then the plain rank counts. */
function dealTeam(
  post: PostPlan,
  nearest: Map<Rank, number[]>,
  force: ForceMember[],
  eligible: (o: number) => boolean,
): number[] {
  const open = new Map(Object.entries(post.template.ranks) as [Rank, number][]);
  const members: number[] = [];
  const take = (wants: (o: number) => boolean): boolean => {
    // Fill constable slots with specialists first: that is where most of them serve.
    for (const rank of [...RANKS].reverse()) {
      if (!open.get(rank)) continue;
      const officer = (nearest.get(rank) ?? []).find(
        (o) => !members.includes(o) && eligible(o) && wants(o),
      );
      if (officer === undefined) continue;
      members.push(officer);
      open.set(rank, (open.get(rank) as number) - 1);
      return true;
    }
    return false;
  };
  for (let k = 0; k < post.template.women; k++) take((o) => force[o].officer.gender === 'F');
  for (const [skill, count] of Object.entries(post.template.skills)) {
    for (let k = 0; k < count; k++) take((o) => force[o].officer.skills?.includes(skill) === true);
  }
  for (const [rank, count] of open) {
    const candidates = nearest.get(rank) ?? [];
    let still = count;
    for (let i = 0; i < candidates.length && still > 0; i++) {
      if (!members.includes(candidates[i]) && eligible(candidates[i])) {
        members.push(candidates[i]);
        still--;
      }
    }
  }
  return members;
}

/**
 * Scales the templates so each rank's daily demand is about 90% of the officers of
 * that rank who are not on leave: the Diwali order used nearly everyone, but not all.
 */
function scaleTemplates(posts: PostPlan[], force: ForceMember[]): void {
  for (const rank of RANKS) {
    const supply = force.filter(
      (member) => member.officer.rank === rank && !onLeaveThroughout(member),
    ).length;
    const target = Math.floor(UTILISATION * supply);
    const perShift = (template: TeamTemplate) => template.ranks[rank] ?? 0;
    let demand =
      posts.reduce((sum, post) => sum + perShift(post.template), 0) * SHIFT_PATTERN.length;
    while (demand > target) {
      const biggest = posts.reduce(
        (best, post) => (perShift(post.template) > perShift(best.template) ? post : best),
        posts[0],
      );
      if (perShift(biggest.template) === 0) break;
      biggest.template.ranks[rank] = perShift(biggest.template) - 1;
      demand -= SHIFT_PATTERN.length;
    }
    if (rank !== 'CONSTABLE' && rank !== 'HEAD_CONSTABLE') continue;
    const growable = posts.filter(
      (post) => post.kind === 'fixed-point' || post.kind === 'check-point',
    );
    for (let k = 0; growable.length > 0 && demand + SHIFT_PATTERN.length <= target; k++) {
      const post = growable[k % growable.length];
      post.template.ranks[rank] = perShift(post.template) + 1;
      demand += SHIFT_PATTERN.length;
    }
  }
}

function onLeaveThroughout(member: ForceMember): boolean {
  return member.leave.some((leave) => leave.end - leave.start > 24 * 60);
}

function nearestBySectorAndRank(
  force: ForceMember[],
  sectors: SectorPlan[],
): Map<Rank, number[]>[] {
  return sectors.map((sector) => {
    const byRank = new Map<Rank, number[]>();
    const distance = force.map((member) =>
      distanceKm(member.lat, member.lng, sector.lat, sector.lng),
    );
    for (const rank of RANKS) {
      const list = force.map((_, o) => o).filter((o) => force[o].officer.rank === rank);
      byRank.set(
        rank,
        list.sort((a, b) => distance[a] - distance[b] || a - b),
      );
    }
    return byRank;
  });
}
