import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export function testServerUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('TEST_PG_URL is not set: run e2e tests through jest (global setup)');
  return url;
}

/** A fresh, empty database on the test server; returns its URL. */
export async function createTestDatabase(prefix = 'e2e'): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A database with every migration applied, made once per run (global-setup.ts) and copied for
 * each app a test boots: `CREATE DATABASE … TEMPLATE` copies its files in a fraction of the
 * time the migrations take. The app's boot still runs its migration check and grants.
 */
export async function createMigrationsTemplate(): Promise<string> {
  const url = await createTestDatabase('e2e_template');
  // Loaded here only, so that the test files that import this module do not load the app.
  const { migrateDatabase } = await import('../../src/app');
  await migrateDatabase(url, () => undefined, { queueOnPostgres: true });
  return new URL(url).pathname.slice(1);
}

/** A fresh database already migrated (a copy of the run's template), or an empty one without it; returns its URL. */
export async function createMigratedTestDatabase(): Promise<string> {
  const template = process.env.TEST_PG_TEMPLATE;
  if (!template) return createTestDatabase();
  const name = `e2e_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Waits for a condition instead of sleeping a fixed time. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
