// "Is this unit in that unit's subtree": one answer for SQL and for TypeScript.
//
// A unit's path is its ancestors' codes and its own joined by '.', e.g. `BPL.ZONE_1.TT_NAGAR`
// (codes are [A-Z0-9_], so '.' only ever separates). A unit is in the subtree of `root` when its
// path is root's path or starts with root's path followed by '.'. The separator keeps prefix
// siblings apart (`BPL.Z1` is not under `BPL.Z`); comparing by `starts_with` instead of LIKE
// keeps '_' (in almost every code) from being a wildcard, so `BPL.TH_1` does not reach into
// `BPL.TH11`, and nothing needs escaping. SQL and TypeScript use the very same comparison.
import { COMMISSIONERATE_WIDE_ROLES } from '../auth/roles';
import type { Actor } from '../context/request-context';

export const UNIT_PATH_SEPARATOR = '.';

/** A unit's path from its parent's path (null for the root) and its own code. */
export function childPath(parentPath: string | null, code: string): string {
  return parentPath ? `${parentPath}${UNIT_PATH_SEPARATOR}${code}` : code;
}

/** Whether the unit at `path` is the unit at `rootPath` or lies anywhere under it. */
export function inUnitSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}${UNIT_PATH_SEPARATOR}`);
}

/**
 * The same test as SQL, over two SQL expressions (columns or parameters), e.g.
 * `unitSubtreeSql('u.path', ':root')` or `unitSubtreeSql('u.path', 'p.path')`.
 */
export function unitSubtreeSql(pathSql: string, rootPathSql: string): string {
  return `(${pathSql} = ${rootPathSql} OR starts_with(${pathSql}, ${rootPathSql} || '${UNIT_PATH_SEPARATOR}'))`;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * SQL condition: `unitColumn` (a column holding a unit id) is a unit in the subtree of the unit
 * at `rootPath`. `param` names the query parameter, so two such conditions can share a query.
 */
export function unitSubtreeScope(
  unitColumn: string,
  rootPath: string,
  param = 'subtreeRoot',
): SqlCondition {
  return {
    sql: `${unitColumn} IN (SELECT id FROM unit WHERE ${unitSubtreeSql('path', `:${param}`)})`,
    params: { [param]: rootPath },
  };
}

/** Whether the actor's roles let them see the whole commissionerate, not just their unit's subtree. */
export function seesWholeCommissionerate(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => COMMISSIONERATE_WIDE_ROLES.includes(r));
}

/**
 * SQL condition limiting rows to the actor's unit subtree, unless a role sees the whole
 * commissionerate. `unitColumn` is a column holding a unit id; `param` names the query
 * parameter, for a second scope in the same query.
 */
export function unitScope(actor: Actor, unitColumn: string, param = 'scopePath'): SqlCondition {
  if (seesWholeCommissionerate(actor)) return { sql: 'TRUE', params: {} };
  return unitSubtreeScope(unitColumn, actor.unitPath, param);
}

/** `unitScope` in TypeScript: whether the actor may see records of the unit at `unitPath`. */
export function unitInScope(actor: Actor, unit: { path: string }): boolean {
  return seesWholeCommissionerate(actor) || inUnitSubtree(unit.path, actor.unitPath);
}
