/**
 * `npm run audit:verify`: walks the audit log's hash chain, checks the signed chain heads
 * against the document-signing key, and names the first row that does not fit. Rows not yet
 * chained are reported, not judged. Exit 0 when intact, 1 when broken, 2 when it could not run.
 */
import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { verifyAuditChain } from '../platform/audit/audit-verify';
import { DocumentSigner } from '../platform/documents/document-signer';
import { withDatabase } from './cli-database';

withDatabase(async (dataSource) => {
  const config = loadConfig();
  const signer = DocumentSigner.fromConfig(config.DOCUMENT_SIGNING_KEY, config.DATA_DIR);
  const report = await verifyAuditChain(dataSource, signer);
  const { signatures: s } = report;
  if (report.firstBreak) {
    console.log(`BROKEN at audit_log row ${report.firstBreak.id} (chain position ${report.firstBreak.position}): ${report.firstBreak.reason} (${report.rows} rows checked)`);
    return 1;
  }
  console.log(`OK: ${report.rows} audit rows, hash chain intact`);
  console.log(`signed heads: ${s.checked} verified${s.otherKey ? `, ${s.otherKey} signed by another key (not checked)` : ''}; newest at position ${s.lastSignedPosition ?? '—'}, ${s.rowsAfterLastSignature} rows after it`);
  if (report.unchained > 0) console.log(`not yet chained: ${report.unchained} rows, oldest from ${report.oldestUnchainedAt}`);
  return 0;
})
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error('audit:verify could not run:', e instanceof Error ? e.message : e);
    process.exit(2);
  });
