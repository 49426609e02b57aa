import 'reflect-metadata';
import exitHook from 'async-exit-hook';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { EmbeddedDatabase } from './platform/database/embedded-postgres.launcher';

/**
 * Entry point: validate config, start the embedded PostgreSQL when DATABASE_URL is unset,
 * migrate, serve. On SIGTERM/SIGINT the app closes first (workers finish, pools drain) and
 * the embedded PostgreSQL stops after it.
 */
async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const log = new Logger('Main');
  const running: { app?: INestApplication; embedded?: EmbeddedDatabase } = {};

  exitHook((done) => {
    void (async () => {
      try {
        await running.app?.close();
      } finally {
        await running.embedded?.stop();
        done();
      }
    })();
  });

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = new EmbeddedDatabase({ dataDir: config.DATA_DIR, log: (m) => config.LOG_LEVEL === 'debug' && log.debug(m) });
    running.embedded = embedded;
    databaseUrl = await embedded.start();
    log.log(`embedded PostgreSQL running (data in ${embedded.clusterDir})`);
  }
  const app = await createApp({ config, databaseUrl });
  running.app = app;
  await app.listen(config.PORT, config.HOST);
  log.log(`police-ops ready on ${await app.getUrl()} in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG: found only once the database answered (e.g. its roles)
  }
  console.error('police-ops failed to start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
