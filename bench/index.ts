/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so memory figures are
 * per benchmark) and prints the figures the issues ask for. Pass names to run a subset:
 * `npm run bench -- cold-start pdf-render`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  const res = spawnSync(process.execPath, ['-r', 'ts-node/register', join(__dirname, file)], {
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  if (res.status !== 0) {
    failed++;
    console.log(`(${file} failed with exit code ${res.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
