import { StateMachine } from '../../platform/workflow';

// dharna-pradarshan permission: the whole workflow in one table. The brief found no public
// status vocabulary, so this one is ours: small, explicit, and every other state is terminal.

export const PROTEST_STATUSES = [
  'RECEIVED',
  'THANA_REPORT_REQUESTED',
  'THANA_REPORTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
] as const;
export type ProtestStatus = (typeof PROTEST_STATUSES)[number];

/**
 * The one transition table: each action of the API, the states it may be taken from, the state
 * it leads to, and who may take it. Nothing else is legal; routes take their roles from here.
 */
export const PROTEST_WORKFLOW = new StateMachine({
  name: 'protest application',
  states: PROTEST_STATUSES,
  subject: (app: { ref: string }) => app.ref,
  actions: {
    requestThanaReport: { from: ['RECEIVED'], to: 'THANA_REPORT_REQUESTED', roles: ['CONTROL_ROOM', 'APPROVER'] },
    // The service further requires the user to belong to the application's thana.
    submitThanaReport: { from: ['THANA_REPORT_REQUESTED'], to: 'THANA_REPORTED', roles: ['OFFICER'] },
    approve: { from: ['THANA_REPORTED'], to: 'APPROVED', roles: ['APPROVER'] },
    reject: { from: ['THANA_REPORTED'], to: 'REJECTED', roles: ['APPROVER'] },
    revoke: { from: ['APPROVED'], to: 'REVOKED', roles: ['APPROVER'] },
    // On the applicant's behalf: applicants have no accounts; the control room takes the request.
    // Withdrawing after approval is the organiser calling the event off; the permission is voided.
    withdraw: { from: ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED'], to: 'WITHDRAWN', roles: ['CONTROL_ROOM'] },
  },
});
export type ProtestAction = (typeof PROTEST_WORKFLOW.actions)[number];

/** Events still in play: they can clash with a new one. */
export const LIVE_STATUSES: readonly ProtestStatus[] = ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED'];
/** Waiting for the DCP: these carry the SLA flag when the start is near. */
export const UNDECIDED_STATUSES: readonly ProtestStatus[] = ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED'];

/** The states an application can go to from `from`, whoever takes the step. */
export function allowedNext(from: ProtestStatus): readonly ProtestStatus[] {
  return PROTEST_WORKFLOW.targets(from);
}

export function canMove(from: ProtestStatus, to: ProtestStatus): boolean {
  return allowedNext(from).includes(to);
}
