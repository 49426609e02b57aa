import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { withClient } from './databases';

/**
 * The machine's own PostgreSQL and Redis, for the tests of what an embedded server cannot
 * show (several app processes on one external server, pg_dump of the server's version).
 * MACHINE_PG_URL and MACHINE_REDIS_URL name them; a test that needs one says why it skips
 * when it does not answer.
 */
export const MACHINE_PG = process.env.MACHINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MACHINE_REDIS = process.env.MACHINE_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The server's major version, or why it cannot be used. */
export async function machinePostgres(): Promise<{ major: number } | { unavailable: string }> {
  const client = new Client({ connectionString: MACHINE_PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
    return { major: rows[0].major as number };
  } catch (e) {
    return { unavailable: `no PostgreSQL at ${MACHINE_PG.replace(/\/\/[^@]*@/, '//')} (${(e as Error).message})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the machine's Redis answers, within 2 s. */
export async function machineRedisAnswers(): Promise<boolean> {
  const redis = new Redis(MACHINE_REDIS, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A fresh database on the machine's server; dropped by `dropMachineDatabase`. */
export async function createMachineDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(MACHINE_PG, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(MACHINE_PG);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropMachineDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(MACHINE_PG, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
}
