export const ROLES = [
  'ADMIN',
  'CONTROL_ROOM',
  /** e.g. DCP (Intelligence & Security), who decides protest permissions. */
  'APPROVER',
  /** Intelligence branch: character verification. */
  'VERIFIER',
  /** Prepares duty charts (bandobast). */
  'DUTY_OFFICER',
  'OFFICER',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles whose data access is not limited to their own unit's subtree. Everyone else sees
 * only records of their unit and the units under it.
 */
export const COMMISSIONERATE_WIDE_ROLES: readonly Role[] = ['ADMIN', 'AUDITOR', 'APPROVER', 'CONTROL_ROOM'];
