// `npm run eoffice:sim`: the e-Office simulator as a standalone process for development.
// Its settings (EOFFICE_SIM_PORT, EOFFICE_SIM_ADMIN_PORT, EOFFICE_SIM_HOST, EOFFICE_SIM_TOKEN)
// are validated with the app's: src/config/env.schema.ts, the README configuration table.

import { ConfigError, loadConfig } from '../../../config/config';
import { startEofficeSimulator } from './simulator';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadConfig().eofficeSimulator;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const sim = await startEofficeSimulator(settings);
  console.log(`e-Office simulator listening on ${sim.url}  (POST /api/receipts, GET /api/health)`);
  console.log(
    `admin on ${sim.adminUrl}  (GET|PUT /admin/mode, GET /admin/ledger, POST /admin/reset)`,
  );
  console.log(`e.g. curl -X PUT ${sim.adminUrl}/admin/mode -d '{"mode":"down"}'`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
