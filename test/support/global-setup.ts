import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { resetArtifacts } from './artifacts';
import { createMigrationsTemplate } from './databases';
import { testDatabases } from './personal-data-scan';

/**
 * One PostgreSQL per test run: the given DATABASE_URL, or an embedded one. Each test file
 * then creates its own database on it (see test-app.ts), so files never see each other's rows,
 * copied from a template migrated once here.
 */
export default async function globalSetup(): Promise<void> {
  // PDFs and logs of this run only, for the personal-data scan in global-teardown.ts.
  resetArtifacts();
  // The browser tests (test/web/) and the static-serving tests drive the built web app:
  // build dist/web when it is missing or older than web/ (a few seconds; nothing when current).
  const web = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'ensure-build.js'), '--web'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (web.status !== 0) throw new Error(`building the web app for the e2e tests failed (exit ${web.status})`);
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_URL = process.env.DATABASE_URL;
    // Databases of earlier runs stay on such a server; the scan at the end reads this run's only.
    (globalThis as { __TEST_DBS_BEFORE__?: string[] }).__TEST_DBS_BEFORE__ = await testDatabases(process.env.DATABASE_URL);
    console.log('\n[e2e] using DATABASE_URL for the test databases');
  } else {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/support/pg-server.ts'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    const line = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL for tests exited with ${code}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    process.env.TEST_PG_URL = url;
    (globalThis as { __TEST_PG__?: unknown }).__TEST_PG__ = child;
    console.log('\n[e2e] started an embedded PostgreSQL for the test run');
  }
  process.env.TEST_PG_TEMPLATE = await createMigrationsTemplate();
  if (!process.env.REDIS_URL) {
    console.log('[e2e] REDIS_URL is unset: Redis-backend queue tests will be skipped');
  }
}
