import { tableViolations } from '../../platform/workflow/testing';
import { DAK_WORKFLOW, DakActing } from './dak-workflow';

const item = (over: Partial<DakActing> = {}): DakActing => ({ ref: 'DAK/2026/000001', holder: false, desk: false, marked: false, ...over });

describe('dak workflow table', () => {
  it('goes from diarised to marked, received, forwarded and closed, and back when reopened', () => {
    expect(DAK_WORKFLOW.targets('AWAITING_CONFIRMATION')).toEqual(['DIARISED', 'CLOSED']);
    expect(DAK_WORKFLOW.targets('DIARISED')).toEqual(['MARKED', 'CLOSED']);
    expect(DAK_WORKFLOW.targets('MARKED')).toEqual(['RECEIVED']);
    expect(DAK_WORKFLOW.targets('RECEIVED')).toEqual(['MARKED', 'RECEIVED', 'CLOSED']);
    expect(DAK_WORKFLOW.targets('CLOSED')).toEqual(['RECEIVED']);
  });

  it('lets only the dak desk confirm an e-mailed item, and the desk or its holder mark a fresh one', () => {
    expect(DAK_WORKFLOW.allowedActions('AWAITING_CONFIRMATION', ['CONTROL_ROOM'], item({ desk: true }))).toEqual(['confirm', 'close']);
    expect(DAK_WORKFLOW.allowedActions('AWAITING_CONFIRMATION', ['OFFICER'], item({ holder: true }))).toEqual(['close']);
    expect(DAK_WORKFLOW.allowedActions('DIARISED', ['CONTROL_ROOM'], item({ desk: true }))).toEqual(['mark', 'close']);
    expect(DAK_WORKFLOW.allowedActions('DIARISED', ['OFFICER'], item({ holder: true }))).toEqual(['mark', 'close']);
    expect(DAK_WORKFLOW.allowedActions('DIARISED', ['OFFICER'], item())).toEqual([]);
  });

  it('keeps a marked item to its holder: the desk cannot receive, forward or close it for them', () => {
    expect(DAK_WORKFLOW.allowedActions('MARKED', ['OFFICER'], item({ holder: true }))).toEqual(['receive']);
    expect(DAK_WORKFLOW.allowedActions('MARKED', ['ADMIN'], item({ desk: true }))).toEqual([]);
    expect(DAK_WORKFLOW.allowedActions('RECEIVED', ['APPROVER'], item({ holder: true, marked: true }))).toEqual(['forward', 'reply', 'putInFile', 'close']);
    expect(DAK_WORKFLOW.allowedActions('RECEIVED', ['CONTROL_ROOM'], item({ desk: true, marked: true }))).toEqual([]);
    expect(DAK_WORKFLOW.allowedActions('RECEIVED', ['AUDITOR'], item({ holder: true, marked: true }))).toEqual([]);
  });

  it('reopens a closed item to its last holder, never one closed before it was marked', () => {
    expect(DAK_WORKFLOW.allowedActions('CLOSED', ['OFFICER'], item({ holder: true, marked: true }))).toEqual(['reopen']);
    expect(DAK_WORKFLOW.allowedActions('CLOSED', ['ADMIN'], item({ desk: true, marked: true }))).toEqual(['reopen']);
    expect(DAK_WORKFLOW.allowedActions('CLOSED', ['ADMIN'], item({ desk: true, marked: false }))).toEqual([]);
    expect(() => DAK_WORKFLOW.next('CLOSED', 'reopen', ['ADMIN'], item({ desk: true }))).toThrow(/closed before it was marked/);
  });

  it('refuses an illegal action with 409 naming the allowed ones', () => {
    try {
      DAK_WORKFLOW.next('MARKED', 'close', ['OFFICER'], item({ holder: true }));
      throw new Error('not refused');
    } catch (e) {
      const body = (e as { getStatus(): number; getResponse(): Record<string, unknown> }).getResponse();
      expect((e as { getStatus(): number }).getStatus()).toBe(409);
      expect(body).toMatchObject({ state: 'MARKED', action: 'close', allowed: ['receive'] });
      expect(body.message).toMatch(/^DAK\/2026\/000001 is MARKED: close \(to CLOSED\) is not possible; you may: receive/);
    }
  });

  it('holds to the one table over every state and role', () => {
    const records = [false, true].flatMap((holder) => [false, true].flatMap((desk) => [false, true].map((marked) => item({ holder, desk, marked }))));
    expect(tableViolations(DAK_WORKFLOW, records)).toEqual([]);
  });
});
