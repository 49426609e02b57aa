// What the rest of the app may use of the audit trail.
export { AuditService } from './audit.service';
export { AuditQueryService } from './audit-query.service';
export { canonicalJson } from './audit-chain';
