import { StateMachine } from '../../platform/workflow';
import { VIP_DESK_ROLES, VIP_UNIT_ROLES } from './vip-access';

export const VIP_STATUSES = ['ISSUED', 'CANCELLED'] as const;
export type VipStatus = (typeof VIP_STATUSES)[number];

/**
 * The one transition table for a programme. While it is issued the desk revises it (revision
 * N+1 stays ISSUED), drafts its bandobast, re-sends it and may cancel it; the units concerned
 * acknowledge it. A cancelled programme is final: its paper is revoked, nothing is sent again.
 */
export const VIP_WORKFLOW = new StateMachine({
  name: 'VIP programme',
  states: VIP_STATUSES,
  subject: (programme: { ref: string }) => programme.ref,
  actions: {
    revise: { from: ['ISSUED'], to: 'ISSUED', roles: VIP_DESK_ROLES },
    bandobastDraft: { from: ['ISSUED'], to: 'ISSUED', roles: VIP_DESK_ROLES },
    resend: { from: ['ISSUED'], to: 'ISSUED', roles: VIP_DESK_ROLES },
    cancel: { from: ['ISSUED'], to: 'CANCELLED', roles: VIP_DESK_ROLES },
    acknowledge: { from: ['ISSUED'], to: 'ISSUED', roles: VIP_UNIT_ROLES },
  },
});
