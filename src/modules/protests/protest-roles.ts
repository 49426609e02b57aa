import type { Role } from '../../platform/auth';

/**
 * Who may read protest applications and their registries. OFFICER (thana users) are limited
 * to their unit's subtree by unitScope; the others see the commissionerate.
 */
export const PROTEST_READERS: Role[] = ['CONTROL_ROOM', 'APPROVER', 'OFFICER', 'ADMIN', 'AUDITOR'];

/** Intake: the control room enters what came by e-Office, e-mail, WhatsApp, hand or post. */
export const PROTEST_INTAKE: Role[] = ['CONTROL_ROOM'];
