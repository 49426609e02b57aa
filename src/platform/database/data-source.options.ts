import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const SRC_ROOT = join(__dirname, '..', '..');
const PROJECT_ROOT = join(SRC_ROOT, '..');

/**
 * The one description of our database, shared by the app, the CLI (ormconfig.ts) and tests.
 * `statementTimeoutMs` is for the running app's pool only (DB_STATEMENT_TIMEOUT_MS): PostgreSQL
 * cancels any statement that takes longer, so one heavy request cannot hold a connection for
 * minutes. Migrations and the CLI connect without it.
 */
export function dataSourceOptions(url: string, poolSize = 10, statementTimeoutMs?: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // The schema comes only from migrations.
    synchronize: false,
    migrationsRun: false,
    entities: [join(SRC_ROOT, '**', '*.entity.{ts,js}')],
    migrations: [join(PROJECT_ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, application_name: 'police-ops', ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}) },
  };
}
