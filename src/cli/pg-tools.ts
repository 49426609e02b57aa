import { spawn, spawnSync } from 'node:child_process';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { EmbeddedDatabase } from '../platform/database/embedded-postgres.launcher';
import { loadCliConfig } from './cli-config';
import { progressOf } from './progress';

/** A command-line tool failed in a way its user can act on: the message says what to do. */
export class ToolError extends Error {}

export interface OwnerDatabase {
  config: AppConfig;
  /** The owner's URL (migrations' role): a dump and a restore see and own every object. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The database a backup or restore works on, as the owner: DATABASE_URL, or the embedded
 * cluster (the running app's, or started for this command). Nothing is migrated here.
 */
export async function ownerDatabase(): Promise<OwnerDatabase> {
  const config = loadCliConfig();
  if (config.DATABASE_URL) return { config, url: config.DATABASE_URL, stop: async () => undefined };
  const embedded = new EmbeddedDatabase({ dataDir: config.DATA_DIR });
  const attached = await embedded.attachOrStart();
  return { config, url: attached.url, stop: async () => (attached.started ? embedded.stop() : undefined) };
}

/** The server's major version and its count of tables (for the progress bar). */
export async function serverFacts(url: string): Promise<{ major: number; tables: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int / 10000 AS major,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')) AS tables`,
    );
    return rows[0] as { major: number; tables: number };
  } finally {
    await client.end();
  }
}

/** The command's arguments, and the value of its `--<name>=…` option when given. */
export function commandLine(argv: readonly string[]): { args: string[]; option(name: string): string | undefined } {
  const options = new Map<string, string>();
  const args: string[] = [];
  for (const a of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(a);
    if (m) options.set(m[1]!, m[2]!);
    else args.push(a);
  }
  return { args, option: (name) => options.get(name) };
}

/**
 * The PostgreSQL client program `name` (pg_dump, pg_restore): `given` (the command's
 * `--pg-dump=` or `--pg-restore=` option), else from PATH; refused, saying what to install,
 * when older than the server (pg_dump cannot read a newer server's catalogue, and refuses to).
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number, given?: string): string {
  const program = given || name;
  const option = `--${name.replace('_', '-')}=<path>`;
  const probe = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new ToolError(`${name} was not found (${program}): install the PostgreSQL ${serverMajor} client programs (postgresql-client-${serverMajor}), or give its path as ${option}`);
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(probe.stdout.replace(/^[^0-9]*/, ''))?.[1]);
  if (!(major >= serverMajor)) {
    throw new ToolError(
      `${program} is PostgreSQL ${major}, the server is ${serverMajor}: ${name} must be at least the server's version. Install postgresql-client-${serverMajor} and give its ${name} as ${option}`,
    );
  }
  return program;
}

/**
 * Runs pg_dump or pg_restore with --verbose, turning its "table" lines into a progress bar (on
 * a terminal; a line every tenth of the way otherwise), and keeping its other output for an
 * error message.
 */
export function runWithProgress(program: string, args: string[], what: string, total: number, perTable: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--verbose', ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
    const progress = progressOf(what, Math.max(1, total), 'tables');
    const tail: string[] = [];
    let buffered = '';
    let done = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (perTable.test(line)) progress.update(Math.min(total, ++done));
        else if (!/^\S+: (?:last built-in|reading|identifying|saving|dumping|processing|creating|executing|finding|flagging|connecting|implied data|launching)/.test(line)) tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    child.once('error', (e) => {
      progress.stop();
      reject(e);
    });
    child.once('close', (code) => {
      progress.update(total);
      progress.stop();
      if (code === 0) resolve();
      else reject(new ToolError(`${program} failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}
