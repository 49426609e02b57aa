import { ConflictException, ForbiddenException } from '@nestjs/common';
import { tableViolations } from '../../platform/workflow/testing';
import { VIP_WORKFLOW } from './vip-workflow';

const programme = { ref: 'VIP/2026/000031' };

describe('VIP programme transitions', () => {
  it('lets the desk revise, draft a bandobast, re-send and cancel an issued programme, and the units acknowledge it', () => {
    expect(VIP_WORKFLOW.allowedActions('ISSUED', ['CONTROL_ROOM'], programme)).toEqual(['revise', 'bandobastDraft', 'resend', 'cancel']);
    expect(VIP_WORKFLOW.allowedActions('ISSUED', ['APPROVER'], programme)).toEqual(['revise', 'bandobastDraft', 'resend', 'cancel']);
    expect(VIP_WORKFLOW.allowedActions('ISSUED', ['OFFICER'], programme)).toEqual(['acknowledge']);
    expect(VIP_WORKFLOW.next('ISSUED', 'revise', ['CONTROL_ROOM'], programme)).toBe('ISSUED');
    expect(VIP_WORKFLOW.next('ISSUED', 'cancel', ['CONTROL_ROOM'], programme)).toBe('CANCELLED');
  });

  it('treats a cancelled programme as final for everyone', () => {
    for (const roles of [['CONTROL_ROOM'], ['APPROVER'], ['OFFICER'], ['DUTY_OFFICER']] as const) {
      expect(VIP_WORKFLOW.allowedActions('CANCELLED', roles, programme)).toEqual([]);
    }
    expect(() => VIP_WORKFLOW.next('CANCELLED', 'cancel', ['CONTROL_ROOM'], programme)).toThrow(ConflictException);
    expect(() => VIP_WORKFLOW.next('CANCELLED', 'acknowledge', ['OFFICER'], programme)).toThrow(ConflictException);
  });

  it('keeps the desk\'s actions from unit users and acknowledgement from the desk', () => {
    expect(() => VIP_WORKFLOW.next('ISSUED', 'cancel', ['OFFICER'], programme)).toThrow(ForbiddenException);
    expect(() => VIP_WORKFLOW.next('ISSUED', 'acknowledge', ['CONTROL_ROOM'], programme)).toThrow(ForbiddenException);
  });

  it('property: next succeeds exactly for the actions allowedActions lists', () => {
    expect(tableViolations(VIP_WORKFLOW, [programme])).toEqual([]);
  });
});
