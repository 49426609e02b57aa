import { DataSource } from 'typeorm';

/** Arbitrary but fixed: "POPS" in ASCII. Every instance uses the same key. */
export const MIGRATION_LOCK_KEY = 0x504f5053;

/**
 * Runs pending migrations while holding a session-level advisory lock on a dedicated
 * connection, so instances that boot together run them once and the others wait.
 */
export async function migrateUnderLock<T = void>(
  dataSource: DataSource,
  log: (m: string) => void,
  afterwards?: () => Promise<T>,
): Promise<T | undefined> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    return await afterwards?.();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
