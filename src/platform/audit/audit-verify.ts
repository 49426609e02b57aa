import { DataSource } from 'typeorm';
import type { DocumentSigner } from '../documents/document-signer';
import { chainHash, ChainedFields, GENESIS_HASH } from './audit-chain';

/** The key that signs the chain head: the document-signing key, kept outside the database. */
export const AUDIT_SIGNER = Symbol('AUDIT_SIGNER');

/** What a head signature covers. */
export function headStatement(position: string, hash: string, signedAt: Date): string {
  return `po-audit-head:${position}:${hash}:${signedAt.toISOString()}`;
}

/** An audit row as read from PostgreSQL, in the form the chain hashes. */
export function toChainedFields(r: Record<string, unknown>): ChainedFields {
  return {
    at: r.at as Date,
    actorId: (r.actor_id as string | null) ?? null,
    actorUsername: (r.actor_username as string | null) ?? null,
    action: r.action as string,
    entityType: r.entity_type as string,
    entityId: (r.entity_id as string | null) ?? null,
    diff: r.diff ?? null,
    ip: (r.ip as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
  };
}

export interface ChainBreak {
  /** The audit_log id of the first row that does not fit (or the last row of a rewritten stretch). */
  id: string;
  /** Its place in the chain. */
  position: string;
  reason: string;
}

export interface ChainReport {
  /** Rows linked into the chain and checked. */
  rows: number;
  firstBreak: ChainBreak | null;
  /** Committed rows the chainer has not linked yet (normally none, or a moment's worth). */
  unchained: number;
  oldestUnchainedAt: string | null;
  signatures: {
    checked: number;
    /** Signed by another key than the one given here: listed, not judged. */
    otherKey: number;
    /** Position of the newest signed head, and how many chained rows come after it. */
    lastSignedPosition: string | null;
    rowsAfterLastSignature: number;
  };
}

interface Signature {
  position: bigint;
  hash: string;
  signedAt: Date;
  fingerprint: string;
  signature: string;
}

/**
 * Walks the chain in position order (as numbers: the old check compared ids as text and
 * cried wolf at row 10), recomputing every hash, and checks each signed head against the
 * chain and the signing key. A row edited by hand breaks its own hash; a stretch rewritten
 * with every later hash recomputed breaks the first signature after it.
 */
export async function verifyAuditChain(dataSource: DataSource, signer?: DocumentSigner, batchSize = 5000): Promise<ChainReport> {
  const signatureRows: Array<Record<string, unknown>> = await dataSource.query(
    'SELECT s.position::text AS position, s.hash, s.signed_at, s.key_fingerprint, s.signature FROM audit_head_signature s ORDER BY s.position, s.id',
  );
  const signatures: Signature[] = signatureRows.map((s) => ({
    position: BigInt(s.position as string),
    hash: s.hash as string,
    signedAt: s.signed_at as Date,
    fingerprint: s.key_fingerprint as string,
    signature: s.signature as string,
  }));
  const report: ChainReport = {
    rows: 0,
    firstBreak: null,
    unchained: 0,
    oldestUnchainedAt: null,
    signatures: { checked: 0, otherKey: 0, lastSignedPosition: null, rowsAfterLastSignature: 0 },
  };
  // Counted first, so a report with a break still says what is not chained yet.
  const [pending] = (await dataSource.query(
    `SELECT count(*)::int AS n, min(a.at) AS oldest FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)`,
  )) as Array<{ n: number; oldest: Date | null }>;
  report.unchained = pending!.n;
  report.oldestUnchainedAt = pending!.oldest ? pending!.oldest.toISOString() : null;
  let next = 0;
  let prevHash = GENESIS_HASH;
  let expected = 1n;
  let lastGoodSignature = 0n;
  let lastId: string | null = null;
  const fail = (id: string, position: bigint, reason: string): ChainReport => {
    report.firstBreak = { id, position: position.toString(), reason };
    return report;
  };
  outer: for (;;) {
    const batch: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT c.position::text, c.prev_hash, c.hash, a.id::text, a.at, a.actor_id, a.actor_username, a.action, a.entity_type, a.entity_id, a.diff, a.ip, a.request_id
         FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id
        WHERE c.position >= $1::bigint ORDER BY c.position LIMIT $2`,
      [expected.toString(), batchSize],
    );
    for (const r of batch) {
      const position = BigInt(r.position as string);
      const id = r.id as string;
      if (position !== expected) return fail(id, position, `chain positions ${expected}–${position - 1n} are missing (rows removed)`);
      if (r.prev_hash !== prevHash) return fail(id, position, 'prev_hash does not match the hash of the row before it');
      const hash = chainHash(prevHash, toChainedFields(r));
      if (hash !== r.hash) return fail(id, position, 'row content does not match its hash (edited after writing)');
      while (next < signatures.length && signatures[next]!.position === position) {
        const s = signatures[next++]!;
        if (signer && s.fingerprint !== signer.fingerprint) {
          report.signatures.otherKey++;
          continue;
        }
        const valid = s.hash === hash && (!signer || signer.verifyStatement(headStatement(position.toString(), s.hash, s.signedAt), s.signature));
        if (!valid) {
          return fail(id, position, `the chain head signed at position ${position} on ${s.signedAt.toISOString()} no longer matches: rows after position ${lastGoodSignature} were rewritten and re-hashed`);
        }
        report.signatures.checked++;
        lastGoodSignature = position;
        report.signatures.lastSignedPosition = position.toString();
      }
      prevHash = hash;
      lastId = id;
      report.rows++;
      expected = position + 1n;
    }
    if (batch.length < batchSize) break outer;
  }
  if (next < signatures.length) {
    const s = signatures[next]!;
    return fail(lastId ?? '0', s.position, `a signed chain head at position ${s.position} is missing from the chain (rows removed)`);
  }
  report.signatures.rowsAfterLastSignature = Number(expected - 1n - lastGoodSignature);
  return report;
}
