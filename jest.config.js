// Two projects: fast unit tests next to the code, and e2e tests against the real app
// on a real PostgreSQL (embedded unless DATABASE_URL is given), started once per run.
const transform = {
  '^.+\\.ts$': ['@swc/jest'],
  '^.+\\.m?js$': '<rootDir>/test/support/esm-transformer.js',
};
// Only our code and the ESM-only dependencies need compiling.
// axe-core's bundle finds its window by being left as it is; playwright-core is CommonJS.
const transformIgnorePatterns = ['/node_modules/.*\\.(cjs|json)$', '/node_modules/(axe-core|@axe-core|playwright-core)/'];
module.exports = {
  testTimeout: 120000,
  // A worker's heap grows with every e2e file it runs (each loads the whole app afresh); past
  // this, it is replaced after its file instead of running out of memory in a later one.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/src', '<rootDir>/bench', '<rootDir>/scripts', '<rootDir>/web/src'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
