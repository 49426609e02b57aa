import { ConflictException, ForbiddenException } from '@nestjs/common';
import { tableViolations } from '../../platform/workflow/testing';
import { allowedNext, canMove, PROTEST_STATUSES, PROTEST_WORKFLOW, ProtestStatus } from './protest-workflow';

describe('protest workflow table', () => {
  it('follows the issue: received → thana report requested → thana reported → approved or rejected', () => {
    expect(canMove('RECEIVED', 'THANA_REPORT_REQUESTED')).toBe(true);
    expect(canMove('THANA_REPORT_REQUESTED', 'THANA_REPORTED')).toBe(true);
    expect(canMove('THANA_REPORTED', 'APPROVED')).toBe(true);
    expect(canMove('THANA_REPORTED', 'REJECTED')).toBe(true);
  });

  it('lets the applicant withdraw at any stage before a final answer, and after approval', () => {
    for (const from of ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED'] as const) {
      expect(canMove(from, 'WITHDRAWN')).toBe(true);
    }
  });

  it('revokes only what was approved', () => {
    expect(PROTEST_STATUSES.filter((s) => canMove(s, 'REVOKED'))).toEqual(['APPROVED']);
  });

  it('never skips the thana report before a decision', () => {
    expect(canMove('RECEIVED', 'APPROVED')).toBe(false);
    expect(canMove('THANA_REPORT_REQUESTED', 'APPROVED')).toBe(false);
    expect(canMove('RECEIVED', 'REJECTED')).toBe(false);
  });

  it('treats rejected, withdrawn and revoked as final', () => {
    for (const s of ['REJECTED', 'WITHDRAWN', 'REVOKED'] as const) expect(allowedNext(s)).toEqual([]);
  });

  it('names only known states, and every state is reachable from RECEIVED', () => {
    const seen = new Set<ProtestStatus>(['RECEIVED']);
    const queue: ProtestStatus[] = ['RECEIVED'];
    while (queue.length) {
      for (const next of allowedNext(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...PROTEST_STATUSES].sort());
  });

  it('leads every action to a state some other state can move to', () => {
    for (const action of PROTEST_WORKFLOW.actions) {
      const to = PROTEST_WORKFLOW.to(action);
      expect(PROTEST_STATUSES.some((from) => canMove(from, to))).toBe(true);
    }
  });

  it('refuses an illegal move with a 409 listing the actions this user may take instead', () => {
    const app = { ref: 'PRT/2026/000001' };
    let error: unknown;
    try {
      PROTEST_WORKFLOW.next('RECEIVED', 'approve', ['APPROVER', 'CONTROL_ROOM'], app);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictException);
    expect((error as ConflictException).getResponse()).toMatchObject({ allowed: ['requestThanaReport', 'withdraw'], state: 'RECEIVED', action: 'approve' });
    expect((error as ConflictException).message).toContain('APPROVED');
    expect(() => PROTEST_WORKFLOW.next('THANA_REPORTED', 'approve', ['APPROVER'], app)).not.toThrow();
  });

  it('refuses with 403 a role the table does not name for an action the state allows', () => {
    expect(() => PROTEST_WORKFLOW.next('THANA_REPORTED', 'approve', ['CONTROL_ROOM', 'ADMIN'], { ref: 'PRT/2026/000001' })).toThrow(ForbiddenException);
  });

  it('property: next succeeds exactly for the actions allowedActions lists', () => {
    expect(tableViolations(PROTEST_WORKFLOW, [{ ref: 'PRT/2026/000001' }])).toEqual([]);
  });
});
