/** TypeORM's `query()` answers an UPDATE or DELETE on PostgreSQL with `[rows, rowCount]`, and anything else with the rows. */
function isRowsAndCount(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

/** The number of rows a statement touched, either way TypeORM shapes its answer. */
export function affectedRows(result: unknown): number {
  if (isRowsAndCount(result)) return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** The rows an UPDATE or DELETE … RETURNING (or any other statement) answered, either way TypeORM shapes them. */
export function returnedRows<T>(result: unknown): T[] {
  if (isRowsAndCount(result)) return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}
