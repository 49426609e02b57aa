import { ConflictException } from '@nestjs/common';
import type { Role } from '../../platform/auth/roles';

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

/** From each state, the states it may move to. Nothing else is legal. */
export const PROTEST_TRANSITIONS: Readonly<Record<ProtestStatus, readonly ProtestStatus[]>> = {
  RECEIVED: ['THANA_REPORT_REQUESTED', 'WITHDRAWN'],
  THANA_REPORT_REQUESTED: ['THANA_REPORTED', 'WITHDRAWN'],
  THANA_REPORTED: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  // Withdrawing after approval is the organiser calling the event off; the permission is voided.
  APPROVED: ['REVOKED', 'WITHDRAWN'],
  REJECTED: [],
  WITHDRAWN: [],
  REVOKED: [],
};

/** The actions the API offers, the state each leads to, and who may take it. */
export const PROTEST_ACTIONS = {
  requestThanaReport: { to: 'THANA_REPORT_REQUESTED', roles: ['CONTROL_ROOM', 'APPROVER'] },
  // The service further requires the user to belong to the application's thana.
  submitThanaReport: { to: 'THANA_REPORTED', roles: ['OFFICER'] },
  approve: { to: 'APPROVED', roles: ['APPROVER'] },
  reject: { to: 'REJECTED', roles: ['APPROVER'] },
  // On the applicant's behalf: applicants have no accounts; the control room takes the request.
  withdraw: { to: 'WITHDRAWN', roles: ['CONTROL_ROOM'] },
  revoke: { to: 'REVOKED', roles: ['APPROVER'] },
} as const satisfies Record<string, { to: ProtestStatus; roles: readonly Role[] }>;
export type ProtestAction = keyof typeof PROTEST_ACTIONS;

/** Events still in play: they can clash with a new one. */
export const LIVE_STATUSES: readonly ProtestStatus[] = ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED'];
/** Waiting for the DCP: these carry the SLA flag when the start is near. */
export const UNDECIDED_STATUSES: readonly ProtestStatus[] = ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED'];

export function allowedNext(from: ProtestStatus): readonly ProtestStatus[] {
  return PROTEST_TRANSITIONS[from];
}

export function canMove(from: ProtestStatus, to: ProtestStatus): boolean {
  return PROTEST_TRANSITIONS[from].includes(to);
}

/** 409 naming the states the application can go to from here, so the caller can recover. */
export function assertTransition(ref: string, from: ProtestStatus, to: ProtestStatus): void {
  if (canMove(from, to)) return;
  const allowed = [...allowedNext(from)];
  throw new ConflictException({
    message: `${ref} is ${from}; it cannot become ${to}${allowed.length ? ` (it can become ${allowed.join(', ')})` : ' (no further change is possible)'}`,
    status: from,
    allowed,
  });
}
