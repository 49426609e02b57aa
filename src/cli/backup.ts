/**
 * `npm run backup -- [file] [--pg-dump=<path>]`: the whole database, in pg_dump's custom format, from the embedded
 * server or DATABASE_URL, to `file` (default DATA_DIR/backups/police-ops-<UTC time>.dump). It
 * is written to `<file>.partial` and renamed when complete, so a file by the final name is a
 * whole backup. Prints its size and sha256. Exit 0 when written, 2 when it could not be.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { commandLine, ownerDatabase, pgTool, runWithProgress, serverFacts, ToolError } from './pg-tools';

async function main(): Promise<void> {
  const cli = commandLine(process.argv.slice(2));
  const db = await ownerDatabase();
  try {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
    const file = resolve(cli.args[0] ?? join(db.config.DATA_DIR, 'backups', `police-ops-${stamp}.dump`));
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const facts = await serverFacts(db.url);
    const pgDump = pgTool('pg_dump', facts.major, cli.option('pg-dump'));
    const partial = `${file}.partial`;
    try {
      // Grants and owners are the app's to set (a restore migrates, which grants the app role).
      await runWithProgress(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${db.url}`], 'backup', facts.tables, /dumping contents of table/);
      renameSync(partial, file);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
    const sha256 = await new Promise<string>((ok, fail) => {
      const hash = createHash('sha256');
      createReadStream(file).on('data', (c) => hash.update(c)).on('end', () => ok(hash.digest('hex'))).on('error', fail);
    });
    console.log(`backup written: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, sha256 ${sha256})`);
  } finally {
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`backup could not be written: ${e instanceof ToolError || e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
