import { DutyChartSolution, Shortfall } from '../solver';
import { ChartShortfall } from './chart-views';
import { ShiftPlace } from './instance-builder';

export type DutySolutionOf = DutyChartSolution;

/** The solver's shortfalls, placed in the order's structure so a reader can find the post. */
export function toChartShortfalls(
  shortfalls: readonly Shortfall[],
  shifts: ReadonlyMap<string, ShiftPlace>,
): ChartShortfall[] {
  return shortfalls.map((s) => {
    const place = shifts.get(s.shiftId)!;
    return {
      divisionCode: place.divisionCode,
      sectorCode: place.sectorCode,
      postCode: place.post.code,
      postName: place.post.name,
      shiftCode: s.shiftId,
      requirement: s.requirement,
      needed: s.needed,
      assigned: s.assigned,
      missing: s.needed - s.assigned,
      reason: s.reason,
    };
  });
}

/** One post that goes short, for asking for reinforcements in one look. */
export interface ShortPost {
  divisionCode: string;
  sectorCode: string;
  postCode: string;
  postName: string;
  /** Unmet units over the post's shifts (slots, women and skill holders). */
  missing: number;
  /** The shifts that go short, in the order's order. */
  shiftCodes: string[];
  /** Unmet units per requirement: "rank:CONSTABLE", "women", "skill:armed". */
  byRequirement: Record<string, number>;
}

/** The posts that go short, most short first (then by division, sector and post code). */
export function shortPostsOf(shortfalls: readonly ChartShortfall[]): ShortPost[] {
  const posts = new Map<string, ShortPost>();
  for (const s of shortfalls) {
    const key = `${s.divisionCode}|${s.sectorCode}|${s.postCode}`;
    let post = posts.get(key);
    if (!post) {
      post = {
        divisionCode: s.divisionCode,
        sectorCode: s.sectorCode,
        postCode: s.postCode,
        postName: s.postName,
        missing: 0,
        shiftCodes: [],
        byRequirement: {},
      };
      posts.set(key, post);
    }
    post.missing += s.missing;
    if (!post.shiftCodes.includes(s.shiftCode)) post.shiftCodes.push(s.shiftCode);
    post.byRequirement[s.requirement] = (post.byRequirement[s.requirement] ?? 0) + s.missing;
  }
  const code = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...posts.values()].sort(
    (a, b) =>
      b.missing - a.missing ||
      code(a.divisionCode, b.divisionCode) ||
      code(a.sectorCode, b.sectorCode) ||
      code(a.postCode, b.postCode),
  );
}

const count = (n: number) => n.toLocaleString('en-IN');

/**
 * How a finished solve reads to the duty officer: what is unmet, whether the roll could do
 * better (the proven bound), and whether the time limit cut it short.
 */
export function solvedNote(
  solution: Pick<DutyChartSolution, 'status' | 'stats'>,
  shortPosts: number,
  limitSeconds: number,
): string {
  const { unmet = 0, lowerBound = 0, cutShort = false } = solution.stats;
  const prefix = cutShort
    ? `cut short by the ${limitSeconds} s time limit: this is the best chart found in that time`
    : 'solved';
  if (solution.status === 'OK') return `${prefix}; every requirement is met`;
  const unavoidable =
    unmet <= lowerBound
      ? 'no chart can do better with this roll'
      : `at least ${count(lowerBound)} of them cannot be avoided with this roll`;
  return `${prefix}; ${count(unmet)} requirement units are unmet on ${count(shortPosts)} posts (${unavoidable})`;
}
