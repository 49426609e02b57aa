import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { TransactionService } from '../database/transaction.service';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  diff?: Record<string, unknown> | null;
}

/**
 * Appends audit rows inside the caller's transaction: if the change rolls back, so do its
 * rows. Appending is a plain insert that takes no lock; the hash chain is linked after
 * commit by the AuditChainer, so audited writes no longer queue behind each other.
 */
@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionService) {}

  record(em: EntityManager, entry: AuditEntry): Promise<void> {
    return this.recordMany(em, [entry]);
  }

  /** One insert for all the rows of a change, in the order given. Actor, IP and request id come from the request context. */
  async recordMany(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must be called inside a transaction');
    }
    const ctx = RequestContext.get();
    const at = new Date();
    const columns = 9;
    const params: unknown[] = [];
    const rows = entries.map((entry, i) => {
      params.push(
        at,
        ctx.actor?.id ?? null,
        ctx.actor?.username ?? 'system',
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.diff == null ? null : JSON.stringify(entry.diff),
        ctx.ip ?? null,
        ctx.requestId ?? null,
      );
      return `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(',')})`;
    });
    await em.query(
      `INSERT INTO audit_log (at, actor_id, actor_username, action, entity_type, entity_id, diff, ip, request_id) VALUES ${rows.join(',')}`,
      params,
    );
  }

  /**
   * Records in a transaction of its own, for events that change nothing else (e.g. a view):
   * one entry, or several (the graded items of a page) in one commit.
   */
  async recordAlone(entry: AuditEntry | readonly AuditEntry[]): Promise<void> {
    const entries = Array.isArray(entry) ? (entry as readonly AuditEntry[]) : [entry as AuditEntry];
    if (entries.length > 0) await this.tx.run((em) => this.recordMany(em, entries));
  }
}

/** A write in progress that collects its audit rows (the unit of work's Change is one). */
export interface AuditedWrite {
  readonly em: EntityManager;
  audit(entry: AuditEntry): void;
}
