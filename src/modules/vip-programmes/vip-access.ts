import { Actor } from '../../platform/context';
import { Role } from '../../platform/auth';

/** The VIP desk: may create, revise and cancel programmes, and sees every leg. */
export const VIP_DESK_ROLES: Role[] = ['CONTROL_ROOM', 'APPROVER'];
/** Unit users who see the legs that touch their unit's area, when their unit is concerned. */
export const VIP_UNIT_ROLES: Role[] = ['OFFICER', 'DUTY_OFFICER'];

export const isDesk = (actor: Actor) => actor.roles.some((r) => VIP_DESK_ROLES.includes(r));
export const isUnitReader = (actor: Actor) => actor.roles.some((r) => VIP_UNIT_ROLES.includes(r));

/** What the access log lists: every read of a programme (views, change checks, downloads), and refused reads. */
export const VIP_ACCESS_ACTIONS = ['vip.viewed', 'vip.revision_checked', 'vip.downloaded', 'vip.refused'];
