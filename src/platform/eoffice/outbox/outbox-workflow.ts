import { AS_SYSTEM, StateMachine } from '../../workflow';
import { OUTBOX_STATUSES } from './outbox.entity';

/**
 * The one transition table for an outbox item. The delivery worker moves a PENDING item on;
 * a person may send a FAILED (or still PENDING) item again now, and an admin may cancel it.
 * DELIVERED and CANCELLED are final.
 */
export const OUTBOX_WORKFLOW = new StateMachine({
  name: 'outbox item',
  states: OUTBOX_STATUSES,
  subject: (item: { kind: string; sourceRef: string }) => `outbox item ${item.kind} of ${item.sourceRef}`,
  actions: {
    // The worker's steps (its SQL updates are guarded by the same from-state).
    deliver: { from: ['PENDING'], to: 'DELIVERED', roles: AS_SYSTEM },
    postpone: { from: ['PENDING'], to: 'PENDING', roles: AS_SYSTEM },
    fail: { from: ['PENDING'], to: 'FAILED', roles: AS_SYSTEM },
    retry: { from: ['FAILED', 'PENDING'], to: 'PENDING', roles: ['ADMIN', 'CONTROL_ROOM'] },
    cancel: { from: ['FAILED', 'PENDING'], to: 'CANCELLED', roles: ['ADMIN'] },
  },
});
