import type { Role } from '../../../platform/auth';
import { AS_SYSTEM, StateMachine } from '../../../platform/workflow';
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
export const SOLVE_ENDINGS = [
  'COMPLETED',
  'CUT_SHORT',
  'CANCELLED',
  'INTERRUPTED',
  'FAILED',
] as const;
/** How a solve ended: ran to the end, stopped at the time limit, cancelled, its job died, or failed. */
export type SolveEnded = (typeof SOLVE_ENDINGS)[number];

/** Who prepares, publishes and discards a version. */
const PREPARERS: readonly Role[] = ['ADMIN', 'DUTY_OFFICER'];

/** What the table needs of a chart: its number for messages, its solve result for publishing. */
export type ChartRecord = Pick<
  DutyChart,
  'versionNo' | 'solveResult' | 'solveErrors' | 'shortfalls'
>;

/**
 * The one transition table for chart versions. A draft is solved and edited until it is
 * published; a published version is only ever replaced by the next one, never edited.
 */
export const CHART_WORKFLOW = new StateMachine({
  name: 'duty chart',
  states: CHART_STATUSES,
  subject: (chart: ChartRecord) => `chart version ${chart.versionNo}`,
  hints: {
    PUBLISHED: 'to change a published chart, create a new version (POST /bandobasts/:id/charts)',
  },
  actions: {
    // A second solve request while one runs replaces it (the older result is dropped).
    solve: { from: ['DRAFT', 'SOLVING'], to: 'SOLVING', roles: PREPARERS },
    // The duty officer stops a running solve; the chart keeps what it had before.
    'cancel-solve': { from: ['SOLVING'], to: 'DRAFT', roles: PREPARERS },
    solved: { from: ['SOLVING'], to: 'DRAFT', roles: AS_SYSTEM },
    // The job died (the process was killed): the sweep takes the chart out of SOLVING.
    interrupted: { from: ['SOLVING'], to: 'DRAFT', roles: AS_SYSTEM },
    edit: { from: ['DRAFT'], to: 'DRAFT', roles: PREPARERS },
    // Asking again re-runs a publication whose job failed; issued papers are reused. A draft
    // needs a complete chart: a shortfall is shown, never printed as a partial order.
    publish: {
      from: ['DRAFT', 'PUBLISHING'],
      to: 'PUBLISHING',
      roles: PREPARERS,
      guard: (chart: ChartRecord, from) =>
        from === 'DRAFT' && chart.solveResult !== 'OK'
          ? {
              message: publishRefusal(chart),
              details: {
                solveResult: chart.solveResult,
                shortfalls: chart.shortfalls,
                solveErrors: chart.solveErrors,
              },
            }
          : null,
    },
    published: { from: ['PUBLISHING'], to: 'PUBLISHED', roles: AS_SYSTEM },
    // Done by publishing the next version.
    supersede: { from: ['PUBLISHED'], to: 'SUPERSEDED', roles: AS_SYSTEM },
    discard: { from: ['DRAFT', 'SOLVING'], to: 'DISCARDED', roles: PREPARERS },
  },
});
export type ChartAction = (typeof CHART_WORKFLOW.actions)[number];

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
