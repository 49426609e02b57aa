import type { Role } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { UNIT_PATH_SEPARATOR, unitScope, unitSubtreeSql } from '../../platform/units';
import type { Grading } from '../../platform/eoffice';

// Who may see a dak item. Graded items (Confidential and above) are need-to-know: the holders in
// the item's movement chain (every user and unit it was marked to, the desk that diarised it),
// their superiors in the unit tree (users whose unit is above a holder unit; for an item marked
// to an officer, above the officer's unit), and ADMIN. Everyone else gets 404, by every path.
// A NORMAL item is seen as the register always was (its readers, DAK_REGISTER_ROLES, for items of
// the unit that diarised it and those below, or all with a commissionerate-wide role) and, besides,
// by the chain of its holders and their superiors, whatever their role.

/** Who reads the register as a whole (within their unit scope); anyone else sees what they held. */
export const DAK_REGISTER_ROLES: readonly Role[] = ['CONTROL_ROOM', 'ADMIN', 'APPROVER', 'AUDITOR'];

/** Gradings that are need-to-know. */
export const NEED_TO_KNOW_GRADINGS: readonly Grading[] = ['CONFIDENTIAL', 'SECRET', 'TOP_SECRET'];

export const isGraded = (grading: Grading): boolean => NEED_TO_KNOW_GRADINGS.includes(grading);

/** A boolean SQL condition over the receipt alias `d`, with its parameters. */
export interface DakScope {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The item `alias` has had the actor in its chain of holders, or a holder below the actor: SQL
 * over the movement history (joined to `unit` for the subtree, as the platform allows).
 */
export function inHolderChainSql(alias: string): string {
  const strictlyBelow = `starts_with(hu.path, :dakActorPath || '${UNIT_PATH_SEPARATOR}')`;
  return `EXISTS (SELECT 1 FROM dak_movement m JOIN unit hu ON hu.id = m.to_unit_id
    WHERE m.receipt_id = ${alias}.id AND (
      m.to_user_id = :dakActorId
      OR (m.to_user_id IS NULL AND ${unitSubtreeSql('hu.path', ':dakActorPath')})
      OR (m.to_user_id IS NOT NULL AND ${strictlyBelow})))`;
}

/** Which receipts (`alias`) the actor may see at all. */
export function dakVisibleScope(actor: Actor, alias = 'd'): DakScope {
  if (actor.roles.includes('ADMIN')) return { sql: 'TRUE', params: {} };
  const chain = inHolderChainSql(alias);
  const register = actor.roles.some((r) => DAK_REGISTER_ROLES.includes(r)) ? unitScope(actor, `${alias}.unit_id`, 'dakScopePath') : { sql: 'FALSE', params: {} };
  const graded = `${alias}.grading IN (${NEED_TO_KNOW_GRADINGS.map((g) => `'${g}'`).join(', ')})`;
  return {
    sql: `(CASE WHEN ${graded} THEN ${chain} ELSE (${register.sql} OR ${chain}) END)`,
    params: { ...register.params, dakActorId: actor.id, dakActorPath: actor.unitPath },
  };
}

/** Whether the actor holds the item now: it is marked to them, or to their unit with no officer taking it. */
export function holdsNow(actor: Pick<Actor, 'id' | 'unitId'>, d: { holderUnitId: string; holderUserId: string | null }): boolean {
  return d.holderUserId ? d.holderUserId === actor.id : d.holderUnitId === actor.unitId;
}
