/**
 * `npm run purge -- [--dry-run [--as-of=<ISO time>]]`: removes the personal data whose retention has run out
 * (README "Retention"; the periods are the RETENTION_*_DAYS settings), with a progress bar,
 * and prints what each rule purged. `--dry-run` changes nothing and prints what is due (with
 * `--as-of`, what will be due then: for planning, never for purging early). Both
 * are audited. Runs against the embedded server or DATABASE_URL, beside a running app or not.
 * Exit 0 when done, 2 when it could not run.
 */
import 'reflect-metadata';
import { PROTEST_RETENTION } from '../modules/protests/protest-retention';
import { VERIFICATION_RETENTION } from '../modules/verifications/verification-retention';
import { AuditService } from '../platform/audit/audit.service';
import { TransactionService } from '../platform/database/transaction.service';
import { NOTIFICATION_RETENTION } from '../platform/notify/notification-retention';
import { RetentionReport, RetentionRun } from '../platform/retention';
import { withDatabase } from './cli-database';
import { loadCliConfig } from './cli-config';
import { Progress, progressOf } from './progress';

function reportLines(report: RetentionReport): string[] {
  return [
    `${report.dryRun ? 'Dry run (nothing changed)' : 'Purged'} as of ${report.at}:`,
    ...report.rules.map((r) => {
      const count = report.dryRun ? `${r.due} due` : `${r.purged} purged, ${r.papers} papers`;
      const held = r.held ? `; ${r.held} held until their e-Office delivery finishes` : '';
      const oldest = report.dryRun && r.oldestSince ? `; oldest from ${r.oldestSince.slice(0, 10)}` : '';
      return `  ${r.recordType} (kept ${r.days} days, before ${r.cutoff.slice(0, 10)}): ${count}${held}${oldest}. Removes: ${r.what}.`;
    }),
    'The audit log is kept whole (at least a year, DPDP Rules rule 6); its rows name records by reference, never a person.',
  ];
}

const dryRun = process.argv.includes('--dry-run');
const asOf = process.argv.find((a) => a.startsWith('--as-of='))?.slice('--as-of='.length);
const at = asOf === undefined ? new Date() : new Date(asOf);
if (Number.isNaN(at.getTime())) fail(`--as-of: "${asOf}" is not a time (ISO 8601, e.g. 2027-12-01T00:00:00+05:30)`);
if (asOf !== undefined && !dryRun) fail('--as-of is for a dry run only: a purge always runs as of now');
withDatabase(async (dataSource) => {
  const config = loadCliConfig();
  const tx = new TransactionService(dataSource);
  const run = new RetentionRun(dataSource, tx, new AuditService(tx), [PROTEST_RETENTION, VERIFICATION_RETENTION, NOTIFICATION_RETENTION], config);
  let bar: Progress | undefined;
  const report = await run.run(at, {
    dryRun,
    progress: (done, total) => {
      if (total === 0) return;
      bar ??= progressOf('purge', total, 'records');
      bar.update(done);
    },
  });
  bar?.stop();
  for (const line of reportLines(report)) console.log(line);
})
  .then(() => process.exit(0))
  .catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

function fail(why: string): never {
  console.error('purge could not run:', why);
  process.exit(2);
}
