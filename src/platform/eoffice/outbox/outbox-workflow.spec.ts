import { ConflictException, ForbiddenException } from '@nestjs/common';
import { AS_SYSTEM } from '../../workflow';
import { tableViolations } from '../../workflow/testing';
import { OUTBOX_WORKFLOW } from './outbox-workflow';

const item = { kind: 'PROTEST_LETTER', sourceRef: 'PRT/2026/000001' };

describe('outbox item transitions', () => {
  it('lets the control room retry and an admin also cancel a FAILED or PENDING item', () => {
    for (const s of ['FAILED', 'PENDING'] as const) {
      expect(OUTBOX_WORKFLOW.allowedActions(s, ['CONTROL_ROOM'], item)).toEqual(['retry']);
      expect(OUTBOX_WORKFLOW.allowedActions(s, ['ADMIN'], item)).toEqual(['retry', 'cancel']);
      expect(OUTBOX_WORKFLOW.next(s, 'retry', ['CONTROL_ROOM'], item)).toBe('PENDING');
      expect(OUTBOX_WORKFLOW.next(s, 'cancel', ['ADMIN'], item)).toBe('CANCELLED');
    }
    expect(() => OUTBOX_WORKFLOW.next('FAILED', 'cancel', ['CONTROL_ROOM'], item)).toThrow(ForbiddenException);
  });

  it('treats DELIVERED and CANCELLED as final', () => {
    for (const s of ['DELIVERED', 'CANCELLED'] as const) {
      expect(OUTBOX_WORKFLOW.allowedActions(s, ['ADMIN', ...AS_SYSTEM], item)).toEqual([]);
      expect(() => OUTBOX_WORKFLOW.next(s, 'retry', ['ADMIN'], item)).toThrow(ConflictException);
    }
  });

  it('leaves delivery to the worker', () => {
    expect(OUTBOX_WORKFLOW.next('PENDING', 'deliver', AS_SYSTEM, item)).toBe('DELIVERED');
    expect(OUTBOX_WORKFLOW.next('PENDING', 'fail', AS_SYSTEM, item)).toBe('FAILED');
    expect(() => OUTBOX_WORKFLOW.next('PENDING', 'deliver', ['ADMIN'], item)).toThrow(ForbiddenException);
  });

  it('property: next succeeds exactly for the actions allowedActions lists', () => {
    expect(tableViolations(OUTBOX_WORKFLOW, [item])).toEqual([]);
  });
});
