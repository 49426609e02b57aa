/**
 * The force for a generated bandobast: officers of Bhopal thanas with ranks, gender,
 * skills, home locations, 30-day history and some leave. Proportions are plausible,
 * not official (no public source gives them); they are knobs, not facts.
 */
import { istIso, istMidnight } from '../../../platform/time';
import { BHOPAL_THANAS } from './bhopal-thanas';
import { SeededRandom } from './rng';
import { toEpochMinutes } from './time';
import { Officer, Rank } from './types';

/** Share of each rank in a deployed force, and the share of women in it. */
const RANK_MIX: { rank: Rank; share: number; women: number }[] = [
  { rank: 'INSPECTOR', share: 0.015, women: 0.08 },
  { rank: 'SI', share: 0.05, women: 0.12 },
  { rank: 'ASI', share: 0.06, women: 0.08 },
  { rank: 'HEAD_CONSTABLE', share: 0.2, women: 0.1 },
  { rank: 'CONSTABLE', share: 0.675, women: 0.15 },
];

const SKILL_MIX: { skill: string; share: number }[] = [
  { skill: 'armed', share: 0.35 },
  { skill: 'driver', share: 0.15 },
  { skill: 'wireless', share: 0.12 },
  { skill: 'first_aid', share: 0.08 },
  { skill: 'videography', share: 0.03 },
  { skill: 'bomb_disposal', share: 0.01 },
];

export interface ForceMember {
  officer: Officer;
  lat: number;
  lng: number;
  /** Leave in epoch minutes, for planting the witness chart. */
  leave: { start: number; end: number }[];
}

export interface Horizon {
  startDate: string;
  days: number;
}

/** "2026-11-08" plus `days`, at hh:mm IST, as ISO 8601 with offset. */
export function istTime(startDate: string, days: number, hour: number): string {
  return istIso(new Date(istMidnight(startDate).getTime() + (days * 24 + hour) * 3_600_000));
}

export function generateForce(random: SeededRandom, size: number, horizon: Horizon): ForceMember[] {
  const counts = apportion(
    size,
    RANK_MIX.map((mix) => mix.share),
  );
  const members: ForceMember[] = [];
  RANK_MIX.forEach((mix, index) => {
    for (let k = 0; k < counts[index]; k++) {
      const thana = random.pick(BHOPAL_THANAS);
      // Officers live and work within ~1.5 km of their thana.
      const lat = round4(thana.lat + (random.next() - 0.5) * 0.028);
      const lng = round4(thana.lng + (random.next() - 0.5) * 0.03);
      const unavailable = leaveFor(random, horizon);
      const officer: Officer = {
        id: '',
        rank: mix.rank,
        gender: random.next() < mix.women ? 'F' : 'M',
        unit: thana.unit,
        skills: SKILL_MIX.filter((skill) => random.next() < skill.share).map(
          (skill) => skill.skill,
        ),
        location: { lat, lng },
        history: { dutyHours30d: 150 + 8 * random.below(11), nightDuties30d: random.below(11) },
      };
      if (unavailable.length > 0) officer.unavailable = unavailable;
      members.push({
        officer,
        lat,
        lng,
        leave: unavailable.map((window) => ({
          start: toEpochMinutes(window.from),
          end: toEpochMinutes(window.to),
        })),
      });
    }
  });
  // Shuffle so ids do not encode rank, then number them like service numbers.
  random
    .shuffle(members)
    .forEach((member, index) => (member.officer.id = `BPL-${String(index + 1).padStart(5, '0')}`));
  return members;
}

function leaveFor(random: SeededRandom, horizon: Horizon): { from: string; to: string }[] {
  const roll = random.next();
  const { startDate, days } = horizon;
  if (roll < 0.04) return [{ from: istTime(startDate, 0, 0), to: istTime(startDate, days, 12) }]; // on leave throughout
  if (roll < 0.07) return [{ from: istTime(startDate, 0, 0), to: istTime(startDate, 0, 14) }]; // reports from 14:00
  if (roll < 0.09) return [{ from: istTime(startDate, 0, 14), to: istTime(startDate, 1, 6) }]; // morning shift only
  if (days > 1 && roll < 0.12)
    return [{ from: istTime(startDate, 1, 0), to: istTime(startDate, 2, 0) }]; // day 2 off
  return [];
}

/** Whole numbers proportional to shares that add up to `total` (largest remainder). */
export function apportion(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (total * share) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k % order.length].index]++;
  return counts;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
