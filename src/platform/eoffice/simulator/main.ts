// `npm run eoffice:sim`: the e-Office simulator as a standalone process for development.
//   EOFFICE_SIM_PORT        e-Office stand-in (default 4600)
//   EOFFICE_SIM_ADMIN_PORT  always-up admin listener (default 4601), for switching back from `down`
//   EOFFICE_SIM_HOST        default 127.0.0.1
//   EOFFICE_SIM_TOKEN       require this bearer token on POST /api/receipts (default: none)

import { startEofficeSimulator } from './simulator';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number 0-65535, got "${raw}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const sim = await startEofficeSimulator({
    port: portFrom('EOFFICE_SIM_PORT', 4600),
    adminPort: portFrom('EOFFICE_SIM_ADMIN_PORT', 4601),
    host: process.env.EOFFICE_SIM_HOST || '127.0.0.1',
    token: process.env.EOFFICE_SIM_TOKEN || undefined,
  });
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
