import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { chainHash, ChainedFields, chainPayload, GENESIS_HASH } from './audit-chain';

/** Serialises appends so each row's prev_hash is the row before it. */
const AUDIT_CHAIN_LOCK = 0x41554454; // "AUDT"

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  diff?: Record<string, unknown> | null;
}

export interface ChainBreak {
  id: string;
  reason: string;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends a row inside the caller's transaction: if the change rolls back, so does its
   * audit row. Actor, IP and request id come from the request context.
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must be called inside a transaction');
    }
    const ctx = RequestContext.get();
    const fields: Omit<ChainedFields, 'diff'> & { diff: unknown } = {
      at: new Date(),
      actorId: ctx.actor?.id ?? null,
      actorUsername: ctx.actor?.username ?? 'system',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      // Round-trip through JSON so what we hash is exactly what jsonb stores.
      diff: entry.diff == null ? null : JSON.parse(JSON.stringify(entry.diff)),
      ip: ctx.ip ?? null,
      requestId: ctx.requestId ?? null,
    };
    // The lock is taken in its own statement so the next one's snapshot sees the row the
    // previous holder committed; it is held only for the insert and the commit that follows.
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // hash = sha256(prev_hash + "\n" + payload), the same formula as chainHash(), computed in
    // the insert itself so the lock is held for one statement and the commit.
    await em.query(
      `INSERT INTO audit_log (at, actor_id, actor_username, action, entity_type, entity_id, diff, ip, request_id, prev_hash, hash)
       SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9, p.h, encode(digest(p.h || E'\n' || $10, 'sha256'), 'hex')
       FROM (SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), $11) AS h) p`,
      [
        fields.at,
        fields.actorId,
        fields.actorUsername,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.diff === null ? null : JSON.stringify(fields.diff),
        fields.ip,
        fields.requestId,
        chainPayload(fields),
        GENESIS_HASH,
      ],
    );
  }

  /** Records in a transaction of its own, for events that change nothing else (e.g. a view). */
  recordAlone(entry: AuditEntry): Promise<void> {
    return this.dataSource.transaction((em) => this.record(em, entry));
  }

  /** Walks the whole chain in id order and returns the first row that does not fit. */
  async verifyChain(batchSize = 5000): Promise<{ rows: number; firstBreak: ChainBreak | null }> {
    return verifyAuditChain(this.dataSource, batchSize);
  }
}

export async function verifyAuditChain(
  dataSource: DataSource,
  batchSize = 5000,
): Promise<{ rows: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let lastId = '0';
  let rows = 0;
  for (;;) {
    const batch: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT id::text, at, actor_id, actor_username, action, entity_type, entity_id, diff, ip, request_id, prev_hash, hash
         FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId, batchSize],
    );
    for (const r of batch) {
      rows++;
      const id = r.id as string;
      if (r.prev_hash !== prevHash) {
        return { rows, firstBreak: { id, reason: 'prev_hash does not match the hash of the row before it' } };
      }
      const expected = chainHash(prevHash, {
        at: r.at as Date,
        actorId: (r.actor_id as string | null) ?? null,
        actorUsername: (r.actor_username as string | null) ?? null,
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: (r.entity_id as string | null) ?? null,
        diff: r.diff ?? null,
        ip: (r.ip as string | null) ?? null,
        requestId: (r.request_id as string | null) ?? null,
      });
      if (expected !== r.hash) {
        return { rows, firstBreak: { id, reason: 'row content does not match its hash (edited after writing)' } };
      }
      prevHash = r.hash as string;
      lastId = id;
    }
    if (batch.length < batchSize) return { rows, firstBreak: null };
  }
}
