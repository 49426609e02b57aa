/**
 * The instance compiled into flat, indexed arrays. The solver touches these millions
 * of times at 5,500 officers, so ids become indices and times become minutes once.
 */
import { distanceKm } from './geo';
import { isNightDuty, localDay, MINUTES_PER_DAY, offsetMinutes, toEpochMinutes } from './time';
import { Interval, RestRules } from './duty-calendar';
import { BandobastInstance, DEFAULT_RULES, Officer, RANKS, Rank } from './types';

export const RANK_COUNT = RANKS.length;

export interface SkillNeed {
  skill: number;
  count: number;
}

export interface BandobastModel {
  instance: BandobastInstance;
  rules: RestRules & { higherRankMayFillLower: boolean };
  skillNames: string[];

  officerIds: string[];
  officerRank: Int8Array;
  officerIsWoman: Uint8Array;
  /** Bit set of the skills any shift asks for; `skillWords` words per officer. */
  officerSkillBits: Uint32Array;
  skillWords: number;
  officerUnit: Int32Array;
  officerLat: Float64Array;
  officerLng: Float64Array;
  officerLeave: Interval[][];
  historyHours: Float64Array;
  historyNights: Float64Array;
  /** Officers of each rank, in input order. */
  officersByRank: number[][];

  shiftIds: string[];
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  shiftHours: Float64Array;
  shiftIsNight: Uint8Array;
  shiftDay: Int32Array;
  shiftPost: Int32Array;
  shiftSector: Int32Array;
  /** Needed officers per (shift, rank): index shift * RANK_COUNT + rank. */
  shiftRankNeed: Int32Array;
  shiftSlotCount: Int32Array;
  shiftMinWomen: Int32Array;
  shiftSkillNeeds: SkillNeed[][];
  /** True when a shift alone is longer than the 24-hour cap, so nobody may take it. */
  shiftTooLong: Uint8Array;
  /** Shifts in start order; index in that order per shift. */
  shiftsByStart: number[];

  postIds: string[];
  postLat: Float64Array;
  postLng: Float64Array;
  sectorNames: string[];
  unitNames: string[];
  /** Sum of rank needs over each sector's shifts; scales the unit-cohesion cost. */
  sectorSlotTotal: Float64Array;
}

export function compileModel(instance: BandobastInstance): BandobastModel {
  const rules = { ...DEFAULT_RULES, ...instance.rules };
  const skillIndex = new Map<string, number>();
  for (const post of instance.posts) {
    for (const shift of post.shifts) {
      for (const [skill, count] of Object.entries(shift.require.skills ?? {})) {
        if (count > 0 && !skillIndex.has(skill)) skillIndex.set(skill, skillIndex.size);
      }
    }
  }
  const skillWords = Math.max(1, Math.ceil(skillIndex.size / 32));
  const units = new Map<string, number>();
  const officers = compileOfficers(instance.officers, skillIndex, skillWords, units);

  const sectors = new Map<string, number>();
  const shiftCount = instance.posts.reduce((sum, post) => sum + post.shifts.length, 0);
  const shiftIds: string[] = [];
  const shiftStart = new Float64Array(shiftCount);
  const shiftEnd = new Float64Array(shiftCount);
  const shiftHours = new Float64Array(shiftCount);
  const shiftIsNight = new Uint8Array(shiftCount);
  const shiftDay = new Int32Array(shiftCount);
  const shiftPost = new Int32Array(shiftCount);
  const shiftSector = new Int32Array(shiftCount);
  const shiftRankNeed = new Int32Array(shiftCount * RANK_COUNT);
  const shiftSlotCount = new Int32Array(shiftCount);
  const shiftMinWomen = new Int32Array(shiftCount);
  const shiftTooLong = new Uint8Array(shiftCount);
  const shiftSkillNeeds: SkillNeed[][] = [];
  const postLat = new Float64Array(instance.posts.length).fill(NaN);
  const postLng = new Float64Array(instance.posts.length).fill(NaN);
  const maxMinutes = rules.maxHoursPer24h * 60;

  instance.posts.forEach((post, p) => {
    if (post.location) {
      postLat[p] = post.location.lat;
      postLng[p] = post.location.lng;
    }
    if (!sectors.has(post.sector)) sectors.set(post.sector, sectors.size);
    for (const shift of post.shifts) {
      const s = shiftIds.length;
      shiftIds.push(shift.id);
      const start = toEpochMinutes(shift.start);
      const end = toEpochMinutes(shift.end);
      const offset = offsetMinutes(shift.start);
      shiftStart[s] = start;
      shiftEnd[s] = end;
      shiftHours[s] = (end - start) / 60;
      shiftIsNight[s] = isNightDuty(start, end, offset) ? 1 : 0;
      shiftDay[s] = localDay(start, offset);
      shiftPost[s] = p;
      shiftSector[s] = sectors.get(post.sector) as number;
      shiftTooLong[s] = Math.min(end - start, MINUTES_PER_DAY) > maxMinutes ? 1 : 0;
      for (const [rank, count] of Object.entries(shift.require.ranks)) {
        shiftRankNeed[s * RANK_COUNT + RANKS.indexOf(rank as Rank)] = count ?? 0;
        shiftSlotCount[s] += count ?? 0;
      }
      shiftMinWomen[s] = shift.require.minWomen ?? 0;
      shiftSkillNeeds.push(
        Object.entries(shift.require.skills ?? {})
          .filter(([, count]) => count > 0)
          .map(([skill, count]) => ({ skill: skillIndex.get(skill) as number, count })),
      );
    }
  });

  const sectorSlotTotal = new Float64Array(sectors.size);
  for (let s = 0; s < shiftCount; s++) sectorSlotTotal[shiftSector[s]] += shiftSlotCount[s];
  const shiftsByStart = Array.from({ length: shiftCount }, (_, s) => s).sort(
    (a, b) => shiftStart[a] - shiftStart[b] || a - b,
  );

  return {
    instance,
    rules: {
      minRestMinutes: rules.minRestHours * 60,
      maxMinutesPer24h: maxMinutes,
      higherRankMayFillLower: rules.higherRankMayFillLower,
    },
    skillNames: [...skillIndex.keys()],
    skillWords,
    ...officers,
    unitNames: [...units.keys()],
    shiftIds,
    shiftStart,
    shiftEnd,
    shiftHours,
    shiftIsNight,
    shiftDay,
    shiftPost,
    shiftSector,
    shiftRankNeed,
    shiftSlotCount,
    shiftMinWomen,
    shiftSkillNeeds,
    shiftTooLong,
    shiftsByStart,
    postIds: instance.posts.map((post) => post.id),
    postLat,
    postLng,
    sectorNames: [...sectors.keys()],
    sectorSlotTotal,
  };
}

function compileOfficers(
  list: Officer[],
  skillIndex: Map<string, number>,
  skillWords: number,
  units: Map<string, number>,
) {
  const count = list.length;
  const officerRank = new Int8Array(count);
  const officerIsWoman = new Uint8Array(count);
  const officerSkillBits = new Uint32Array(count * skillWords);
  const officerUnit = new Int32Array(count);
  const officerLat = new Float64Array(count).fill(NaN);
  const officerLng = new Float64Array(count).fill(NaN);
  const historyHours = new Float64Array(count);
  const historyNights = new Float64Array(count);
  const officersByRank: number[][] = RANKS.map(() => []);
  const officerLeave: Interval[][] = [];
  list.forEach((officer, o) => {
    const rank = RANKS.indexOf(officer.rank);
    officerRank[o] = rank;
    officersByRank[rank].push(o);
    officerIsWoman[o] = officer.gender === 'F' ? 1 : 0;
    for (const skill of officer.skills ?? []) {
      const bit = skillIndex.get(skill);
      if (bit !== undefined) officerSkillBits[o * skillWords + (bit >>> 5)] |= 1 << (bit & 31);
    }
    if (!units.has(officer.unit)) units.set(officer.unit, units.size);
    officerUnit[o] = units.get(officer.unit) as number;
    if (officer.location) {
      officerLat[o] = officer.location.lat;
      officerLng[o] = officer.location.lng;
    }
    historyHours[o] = officer.history?.dutyHours30d ?? 0;
    historyNights[o] = officer.history?.nightDuties30d ?? 0;
    officerLeave.push(
      (officer.unavailable ?? []).map((leave) => ({
        start: toEpochMinutes(leave.from),
        end: toEpochMinutes(leave.to),
      })),
    );
  });
  return {
    officerIds: list.map((officer) => officer.id),
    officerRank,
    officerIsWoman,
    officerSkillBits,
    officerUnit,
    officerLat,
    officerLng,
    officerLeave,
    historyHours,
    historyNights,
    officersByRank,
  };
}

export function hasSkill(model: BandobastModel, officer: number, skill: number): boolean {
  return (
    (model.officerSkillBits[officer * model.skillWords + (skill >>> 5)] & (1 << (skill & 31))) !== 0
  );
}

/** Distance used when either side has no location: neutral, neither near nor far. */
export const UNKNOWN_DISTANCE_KM = 5;

export function officerPostKm(model: BandobastModel, officer: number, post: number): number {
  const lat = model.officerLat[officer];
  const postLat = model.postLat[post];
  if (Number.isNaN(lat) || Number.isNaN(postLat)) return UNKNOWN_DISTANCE_KM;
  return distanceKm(lat, model.officerLng[officer], postLat, model.postLng[post]);
}

/** May an officer of `officerRank` sit in a slot of `slotRank` under the rules? */
export function rankFits(model: BandobastModel, officerRank: number, slotRank: number): boolean {
  return officerRank === slotRank || (model.rules.higherRankMayFillLower && officerRank < slotRank);
}
