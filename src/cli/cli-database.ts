import { DataSource } from 'typeorm';
import { migrateDatabase } from '../app';
import { loadCliConfig } from './cli-config';
import { dataSourceOptions } from '../platform/database/data-source.options';
import { EmbeddedDatabase } from '../platform/database/embedded-postgres.launcher';

/**
 * Gives a command-line tool the app's database: DATABASE_URL, the embedded cluster the
 * running app serves, or the embedded cluster started just for this command.
 */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadCliConfig();
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const candidate = new EmbeddedDatabase({ dataDir: config.DATA_DIR });
    const attached = await candidate.attachOrStart();
    url = attached.url;
    if (attached.started) embedded = candidate;
  }
  const role = await migrateDatabase(url, () => undefined, { appUrl: config.DATABASE_APP_URL, queueOnPostgres: !config.REDIS_URL });
  const dataSource = new DataSource(dataSourceOptions(role.url, 2));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}
