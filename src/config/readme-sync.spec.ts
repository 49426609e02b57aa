import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_DOCS } from './env.schema';

describe('README configuration table', () => {
  it('lists every environment variable the app reads', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const missing = Object.keys(ENV_DOCS).filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
