import { ConflictException, ForbiddenException } from '@nestjs/common';
import { AS_SYSTEM } from '../../../platform/workflow';
import { tableViolations } from '../../../platform/workflow/testing';
import { CHART_STATUSES, CHART_WORKFLOW, ChartRecord } from './chart-states';

const chart = (solveResult: ChartRecord['solveResult']): ChartRecord => ({
  versionNo: 2,
  solveResult,
  solveErrors: solveResult === 'FAILED' ? ['no officers'] : [],
  shortfalls: [],
});
const solved = chart('OK');
const duty = ['DUTY_OFFICER'] as const;

function refusal(fn: () => unknown): ConflictException | ForbiddenException {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConflictException || e instanceof ForbiddenException) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('chart version transitions', () => {
  it('lets a draft be solved, edited and published', () => {
    expect(CHART_WORKFLOW.next('DRAFT', 'solve', duty, solved)).toBe('SOLVING');
    expect(CHART_WORKFLOW.next('SOLVING', 'solved', AS_SYSTEM, solved)).toBe('DRAFT');
    expect(CHART_WORKFLOW.next('DRAFT', 'edit', duty, solved)).toBe('DRAFT');
    expect(CHART_WORKFLOW.next('DRAFT', 'publish', duty, solved)).toBe('PUBLISHING');
    expect(CHART_WORKFLOW.next('PUBLISHING', 'published', AS_SYSTEM, solved)).toBe('PUBLISHED');
  });

  it('refuses to edit a published chart, says how to change it, and names what the user may do (nothing)', () => {
    const e = refusal(() => CHART_WORKFLOW.next('PUBLISHED', 'edit', duty, solved));
    expect(e).toBeInstanceOf(ConflictException);
    expect(e.getResponse()).toMatchObject({ state: 'PUBLISHED', action: 'edit', allowed: [] });
    expect(e.message).toContain('create a new version');
    // Only publishing the next version supersedes it.
    expect(CHART_WORKFLOW.next('PUBLISHED', 'supersede', AS_SYSTEM, solved)).toBe('SUPERSEDED');
  });

  it('leaves superseded and discarded versions with no way forward', () => {
    for (const s of CHART_STATUSES.filter((x) => x === 'SUPERSEDED' || x === 'DISCARDED')) {
      expect(() => CHART_WORKFLOW.next(s, 'solve', duty, solved)).toThrow(ConflictException);
      expect(CHART_WORKFLOW.allowedActions(s, [...duty, ...AS_SYSTEM], solved)).toEqual([]);
    }
  });

  it.each([null, 'STALE', 'FAILED', 'INFEASIBLE'] as const)(
    'refuses to publish a draft whose solve result is %s, with the reason and what may be done instead',
    (result) => {
      const e = refusal(() => CHART_WORKFLOW.next('DRAFT', 'publish', duty, chart(result)));
      expect(e).toBeInstanceOf(ConflictException);
      expect(e.getResponse()).toMatchObject({
        state: 'DRAFT',
        action: 'publish',
        solveResult: result,
        allowed: ['solve', 'edit', 'discard'],
      });
    },
  );

  it('re-runs a publication whose job failed, whatever the solve result says', () => {
    expect(CHART_WORKFLOW.next('PUBLISHING', 'publish', duty, chart('STALE'))).toBe('PUBLISHING');
  });

  it('keeps the job steps to the system and the preparing steps to ADMIN and DUTY_OFFICER', () => {
    expect(refusal(() => CHART_WORKFLOW.next('SOLVING', 'solved', duty, solved))).toBeInstanceOf(
      ForbiddenException,
    );
    expect(
      refusal(() => CHART_WORKFLOW.next('DRAFT', 'solve', ['AUDITOR'], solved)),
    ).toBeInstanceOf(ForbiddenException);
    for (const a of ['solve', 'edit', 'publish', 'discard'] as const) {
      expect(CHART_WORKFLOW.routeRoles(a)).toEqual(['ADMIN', 'DUTY_OFFICER']);
    }
  });

  it('property: next succeeds exactly for the actions allowedActions lists', () => {
    const records = [null, 'OK', 'STALE', 'FAILED', 'INFEASIBLE'] as const;
    expect(tableViolations(CHART_WORKFLOW, records.map(chart))).toEqual([]);
  });
});
