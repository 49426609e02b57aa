import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const SRC_ROOT = join(__dirname, '..', '..');
const PROJECT_ROOT = join(SRC_ROOT, '..');

/** The one description of our database, shared by the app, the CLI (ormconfig.ts) and tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    extra: { max: poolSize, application_name: 'police-ops' },
  };
}
