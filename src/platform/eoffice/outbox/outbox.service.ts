import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditedWrite, AuditService } from '../../audit/audit.service';
import { Actor, RequestContext } from '../../context/request-context';
import { TransactionService } from '../../database/transaction.service';
import type { ChannelFaultKind, EofficeGrading } from '../gateway';
import { IntakeChannel, OutboxItem, OutboxStatus } from './outbox.entity';
import { OUTBOX_WORKFLOW } from './outbox-workflow';

export interface NewOutboxItem {
  /** The domain record this item belongs to; items of one record are delivered in order. */
  sourceType: string;
  sourceId: string;
  /** Human reference, e.g. `PRT/2026/000123`. */
  sourceRef: string;
  kind: string;
  subject: string;
  /** Never Top Secret: such an item is kept in the register and does not leave by wire. */
  grading?: EofficeGrading;
  /** For inbound items (dak): how and when it reached us, so the outage record is complete. */
  intakeChannel?: IntakeChannel | null;
  receivedAt?: Date | null;
  metadata?: Record<string, unknown>;
  /** An issued document (PDF) to attach. */
  documentId?: string | null;
}

export interface OutboxFilters {
  status?: OutboxStatus;
  kind?: string;
  sourceType?: string;
  sourceRef?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one helper every module calls: records an item for e-Office inside the caller's
   * transaction, so the business change and its outbox row commit or roll back together.
   */
  async enqueue(change: AuditedWrite, item: NewOutboxItem): Promise<OutboxItem> {
    const { em } = change;
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must be called inside the transaction of the change');
    }
    // insert, not save: one INSERT … RETURNING without save's change tracking, on every audited write.
    const saved = em.create(OutboxItem, {
      ...item,
      grading: item.grading ?? 'NORMAL',
      intakeChannel: item.intakeChannel ?? null,
      receivedAt: item.receivedAt ?? null,
      metadata: item.metadata ?? {},
      documentId: item.documentId ?? null,
      status: 'PENDING',
      attempts: 0,
      createdBy: RequestContext.get().actor?.id ?? null,
    });
    await em.insert(OutboxItem, saved as object);
    change.audit({
      action: 'eoffice.outbox_enqueued',
      entityType: 'eoffice_outbox',
      entityId: saved.id,
      diff: { sourceType: item.sourceType, sourceRef: item.sourceRef, kind: item.kind },
    });
    return saved;
  }

  async list(f: OutboxFilters): Promise<{ total: number; items: OutboxItem[] }> {
    const q = this.dataSource
      .getRepository(OutboxItem)
      .createQueryBuilder('o')
      .orderBy('o.seq', 'DESC')
      .take(f.limit)
      .skip(f.offset);
    if (f.status) q.andWhere('o.status = :status', { status: f.status });
    if (f.kind) q.andWhere('o.kind = :kind', { kind: f.kind });
    if (f.sourceType) q.andWhere('o.source_type = :sourceType', { sourceType: f.sourceType });
    if (f.sourceRef) q.andWhere('o.source_ref = :sourceRef', { sourceRef: f.sourceRef });
    const [items, total] = await q.getManyAndCount();
    return { total, items };
  }

  async get(id: string): Promise<OutboxItem> {
    const item = await this.dataSource.getRepository(OutboxItem).findOne({ where: { id } });
    if (!item) throw new NotFoundException(`Outbox item ${id} not found`);
    return item;
  }

  /** Manual resend: a FAILED row (or a PENDING one waiting out its backoff) is due again now. */
  async retry(actor: Actor, id: string): Promise<OutboxItem> {
    return this.tx.run(async (em) => {
      const item = await this.lock(em, id);
      const from = item.status;
      item.status = OUTBOX_WORKFLOW.next(from, 'retry', actor.roles, item);
      item.nextAttemptAt = new Date();
      // A person has looked at it: give it a fresh attempt budget.
      item.attempts = 0;
      const saved = await em.save(item);
      await this.audit.record(em, {
        action: 'eoffice.outbox_retry',
        entityType: 'eoffice_outbox',
        entityId: id,
        diff: { status: { from, to: 'PENDING' } },
      });
      return saved;
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<OutboxItem> {
    return this.tx.run(async (em) => {
      const item = await this.lock(em, id);
      const from = item.status;
      item.status = OUTBOX_WORKFLOW.next(from, 'cancel', actor.roles, item);
      item.cancelReason = reason;
      // An attempt still in flight finds the row no longer PENDING and records nothing.
      item.claimedBy = null;
      item.claimedAt = null;
      const saved = await em.save(item);
      await this.audit.record(em, {
        action: 'eoffice.outbox_cancel',
        entityType: 'eoffice_outbox',
        entityId: id,
        diff: { status: { from, to: 'CANCELLED' }, reason },
      });
      return saved;
    });
  }

  modeRow(): Promise<
    Array<{
      mode: 'ONLINE' | 'DEGRADED';
      since: Date;
      reason: string | null;
      reasonHi: string | null;
      fault: ChannelFaultKind | null;
      faultCode: string | null;
      httpStatus: number | null;
      faultSeenIn: 'probe' | 'deliveries' | null;
    }>
  > {
    return this.dataSource.query(
      `SELECT mode, since, reason, reason_hi AS "reasonHi", fault, fault_code AS "faultCode", http_status AS "httpStatus",
         fault_seen_in AS "faultSeenIn"
       FROM system_mode`,
    );
  }

  /** Backlog figures for the status page. */
  async figures(): Promise<{
    backlog: number;
    oldestPendingAgeSeconds: number | null;
    deliveredLastHour: number;
    failed: number;
  }> {
    const [row] = await this.dataSource.query(`
      SELECT
        count(*) FILTER (WHERE status = 'PENDING')::int AS backlog,
        extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING'))::float AS oldest,
        count(*) FILTER (WHERE status = 'DELIVERED' AND delivered_at > now() - interval '1 hour')::int AS delivered,
        count(*) FILTER (WHERE status = 'FAILED')::int AS failed
      FROM eoffice_outbox WHERE status IN ('PENDING','FAILED') OR delivered_at > now() - interval '1 hour'`);
    return {
      backlog: row.backlog,
      oldestPendingAgeSeconds: row.oldest === null ? null : Math.round(row.oldest),
      deliveredLastHour: row.delivered,
      failed: row.failed,
    };
  }

  private async lock(em: EntityManager, id: string): Promise<OutboxItem> {
    const item = await em.findOne(OutboxItem, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!item) throw new NotFoundException(`Outbox item ${id} not found`);
    return item;
  }
}
