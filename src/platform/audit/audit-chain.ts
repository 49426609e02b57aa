import { createHash } from 'node:crypto';

/** The first row's prev_hash. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: unknown;
  ip: string | null;
  requestId: string | null;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The row's content as hashed: canonical JSON with the time in ISO form. */
export function chainPayload(row: ChainedFields): string {
  return canonicalJson({ ...row, at: row.at.toISOString() });
}

/** sha256(prev_hash + "\n" + payload), as the AuditChainer links rows and the verifier checks them. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(chainPayload(row)).digest('hex');
}
