/**
 * TypeORM's `query()` answers an UPDATE or DELETE on PostgreSQL with `[rows, rowCount]` and
 * anything else with the rows; this reads the number of rows a statement touched either way.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
