/**
 * `npm run audit:verify`: walks the audit log's hash chain and names the first row that
 * does not fit. Exit 0 when intact, 1 when broken, 2 when it could not run.
 */
import 'reflect-metadata';
import { verifyAuditChain } from '../platform/audit/audit.service';
import { withDatabase } from './cli-database';

withDatabase(async (dataSource) => {
  const { rows, firstBreak } = await verifyAuditChain(dataSource);
  if (firstBreak) {
    console.log(`BROKEN at audit_log row ${firstBreak.id}: ${firstBreak.reason} (${rows} rows checked)`);
    return 1;
  }
  console.log(`OK: ${rows} audit rows, hash chain intact`);
  return 0;
})
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error('audit:verify could not run:', e instanceof Error ? e.message : e);
    process.exit(2);
  });
