/**
 * `npm run restore -- <file> [--pg-restore=<path>]`: a backup of `npm run backup` into the configured database
 * (DATABASE_URL, or the embedded server's), which must be empty: a restore never mixes with or
 * overwrites records. Then migrates (a backup of an older version is brought up to date and
 * the app role granted again) and verifies the audit chain. Exit 0 when restored and the chain
 * is intact, 1 when restored but the chain is broken, 2 when it could not restore.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../platform/audit/audit-verify';
import { dataSourceOptions } from '../platform/database/data-source.options';
import { DocumentSigner } from '../platform/documents/document-signer';
import { commandLine, ownerDatabase, pgTool, runWithProgress, serverFacts, ToolError } from './pg-tools';

async function main(): Promise<number> {
  const cli = commandLine(process.argv.slice(2));
  const arg = cli.args[0];
  if (!arg) throw new ToolError('name the backup file: npm run restore -- <file>');
  const file = resolve(arg);
  if (!existsSync(file)) throw new ToolError(`${file} does not exist`);
  const db = await ownerDatabase();
  try {
    const facts = await serverFacts(db.url);
    if (facts.tables > 0) {
      throw new ToolError(`the database already holds ${facts.tables} tables: restore goes into an empty database (create one and point DATABASE_URL at it)`);
    }
    const pgRestore = pgTool('pg_restore', facts.major, cli.option('pg-restore'));
    const tables = await tablesIn(pgRestore, file);
    await runWithProgress(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${db.url}`, file], 'restore', tables, /processing data for table/);
    console.log('restored; migrating and granting the app role');
    // Loaded only now: the whole app comes with it, and a refused restore needs none of it.
    const { migrateDatabase } = await import('../app');
    const role = await migrateDatabase(db.url, () => undefined, { appUrl: db.config.DATABASE_APP_URL, queueOnPostgres: !db.config.REDIS_URL });
    const dataSource = new DataSource(dataSourceOptions(role.url, 2));
    await dataSource.initialize();
    try {
      const report = await verifyAuditChain(dataSource, DocumentSigner.fromConfig(db.config.DOCUMENT_SIGNING_KEY, db.config.DATA_DIR));
      if (report.firstBreak) {
        console.log(`audit chain BROKEN at row ${report.firstBreak.id}: ${report.firstBreak.reason}`);
        return 1;
      }
      console.log(`audit chain intact: ${report.rows} rows${report.unchained ? `, ${report.unchained} not yet chained (the app chains them when it starts)` : ''}`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.stop();
  }
}

/** How many tables' data the backup holds, from its table of contents. */
async function tablesIn(pgRestore: string, file: string): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const list = spawnSync(pgRestore, ['--list', file], { encoding: 'utf8' });
  if (list.status !== 0) throw new ToolError(`${file} is not a backup pg_restore can read: ${list.stderr.trim()}`);
  return list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(`restore could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
