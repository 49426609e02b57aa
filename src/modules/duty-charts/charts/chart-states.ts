import { ConflictException } from '@nestjs/common';
import type { DutyChart } from './duty-chart.entity';

export const CHART_STATUSES = [
  'DRAFT',
  'SOLVING',
  'PUBLISHING',
  'PUBLISHED',
  'SUPERSEDED',
  'DISCARDED',
] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];
export type SolveResult = 'OK' | 'INFEASIBLE' | 'FAILED' | 'STALE';

export type ChartAction =
  'solve' | 'solved' | 'edit' | 'publish' | 'published' | 'supersede' | 'discard';

/**
 * The one transition table for chart versions. A draft is solved and edited until it is
 * published; a published version is only ever replaced by the next one, never edited.
 */
export const CHART_TRANSITIONS: Record<ChartStatus, Partial<Record<ChartAction, ChartStatus>>> = {
  DRAFT: { solve: 'SOLVING', edit: 'DRAFT', publish: 'PUBLISHING', discard: 'DISCARDED' },
  // A second solve request while one runs replaces it (the older result is dropped).
  SOLVING: { solve: 'SOLVING', solved: 'DRAFT', discard: 'DISCARDED' },
  // Asking again re-runs a publication whose job failed; issued papers are reused.
  PUBLISHING: { publish: 'PUBLISHING', published: 'PUBLISHED' },
  PUBLISHED: { supersede: 'SUPERSEDED' },
  SUPERSEDED: {},
  DISCARDED: {},
};

export function nextStatus(current: ChartStatus, action: ChartAction): ChartStatus {
  const next = CHART_TRANSITIONS[current][action];
  if (!next) {
    const hint =
      current === 'PUBLISHED'
        ? '; to change a published chart, create a new version (POST /bandobasts/:id/charts)'
        : '';
    throw new ConflictException({
      message: `a ${current} chart cannot ${action}${hint}`,
      allowed: Object.keys(CHART_TRANSITIONS[current]),
    });
  }
  return next;
}

/** Why a draft cannot be published yet, in words a duty officer can act on. */
export function publishRefusal(
  chart: Pick<DutyChart, 'solveResult' | 'solveErrors' | 'shortfalls'>,
): string {
  switch (chart.solveResult) {
    case null:
      return 'this version has not been solved yet; solve it before publishing';
    case 'STALE':
      return 'this version was edited after it was solved; solve it again (your edits are pinned and kept) before publishing';
    case 'FAILED':
      return `the last solve failed: ${chart.solveErrors.slice(0, 3).join('; ')}`;
    default:
      return `the chart cannot be published: ${chart.shortfalls.length} requirement(s) are unmet, e.g. ${chart.shortfalls[0]?.reason ?? ''}`;
  }
}
