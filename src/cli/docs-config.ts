/**
 * `npm run docs:config`: rewrites the README's configuration table from the config's own
 * documentation (src/config/env.schema.ts). `--check` only says whether it is stale (exit 1).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCurrentTable } from '../config/readme-table';

const file = join(__dirname, '..', '..', 'README.md');
const readme = readFileSync(file, 'utf8');
const current = withCurrentTable(readme);
if (current === readme) {
  console.log('README.md configuration table is up to date');
} else if (process.argv.includes('--check')) {
  console.error('README.md configuration table is stale: run `npm run docs:config`');
  process.exit(1);
} else {
  writeFileSync(file, current);
  console.log('README.md configuration table rewritten from src/config/env.schema.ts');
}
