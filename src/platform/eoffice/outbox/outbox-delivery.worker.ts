import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import { BrokenCircuitError } from 'cockatiel';
import { DataSource } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { affectedRows } from '../../database/affected-rows';
import { JobHandler } from '../../queue/job-handler.decorator';
import { EofficeChannel } from '../eoffice-channel.service';
import { DiarisationRequest, DiarisationResult, isPermanentGatewayError, isTransientGatewayError } from '../gateway';
import { retryDelayMs } from './backoff';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OUTBOX_DOCUMENT_LOADER, OutboxDocumentLoader } from './outbox-documents';
import { OutboxItem } from './outbox.entity';

export type DeliveryOutcome = 'delivered' | 'skipped' | 'retry-later' | 'failed' | 'paused';

/**
 * One delivery attempt of one outbox row. The database row is the truth: the job carries
 * only the id, and every outcome (including "try again at T") is written to the row, so a
 * lost job or a flushed Redis loses nothing; the reconciler re-queues what is due.
 */
@Injectable()
export class OutboxDeliveryWorker {
  private readonly logger = new Logger('OutboxDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly channel: EofficeChannel,
    private readonly audit: AuditService,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(OUTBOX_DOCUMENT_LOADER) private readonly documents?: OutboxDocumentLoader,
  ) {}

  @JobHandler('eoffice-deliver')
  async handle(job: Job<{ outboxId: string }>): Promise<DeliveryOutcome> {
    try {
      return await this.deliver(job.data.outboxId);
    } finally {
      this.dispatcher.forget(job.data.outboxId);
    }
  }

  async deliver(id: string): Promise<DeliveryOutcome> {
    const item = await this.dataSource
      .getRepository(OutboxItem)
      .createQueryBuilder('o')
      .where('o.id = :id', { id })
      .andWhere(`o.status = 'PENDING' AND o.next_attempt_at <= now()`)
      // Order per record: an earlier undelivered item of the same record goes first.
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM eoffice_outbox p WHERE p.source_type = o.source_type AND p.source_id = o.source_id
           AND p.seq < o.seq AND p.status IN ('PENDING','FAILED'))`,
      )
      .getOne();
    if (!item) return 'skipped';
    if (this.channel.isOpen) return 'paused';

    let request: DiarisationRequest;
    try {
      request = await this.toRequest(item);
    } catch (e) {
      return this.fail(item, `could not prepare the item: ${(e as Error).message}`);
    }
    try {
      const result = await this.channel.diarise(request);
      return await this.markDelivered(item, result);
    } catch (e) {
      if (e instanceof BrokenCircuitError) return this.postpone(item, this.config.EOFFICE_PROBE_INTERVAL_SECONDS * 1000, false, 'e-Office unreachable (DEGRADED); waiting');
      if (isPermanentGatewayError(e)) return this.fail(item, e.message);
      const message = e instanceof Error ? e.message : String(e);
      if (item.attempts + 1 >= this.config.EOFFICE_MAX_ATTEMPTS) {
        return this.fail(item, `gave up after ${item.attempts + 1} attempts; last error: ${message}`);
      }
      const retryAfter = isTransientGatewayError(e) ? e.retryAfterMs : undefined;
      return this.postpone(item, retryAfter ?? retryDelayMs(item.attempts + 1), true, message);
    }
  }

  private async toRequest(item: OutboxItem): Promise<DiarisationRequest> {
    let document;
    if (item.documentId) {
      if (!this.documents) throw new Error('no document store is configured');
      document = await this.documents.load(item.documentId);
    }
    return {
      idempotencyKey: item.id,
      kind: item.kind,
      subject: item.subject,
      sourceRef: item.sourceRef,
      grading: item.grading,
      ...(item.intakeChannel ? { intakeChannel: item.intakeChannel } : {}),
      ...(item.receivedAt ? { receivedAt: item.receivedAt.toISOString() } : {}),
      metadata: { ...item.metadata, sourceType: item.sourceType, queuedAt: item.createdAt.toISOString() },
      ...(document ? { document } : {}),
    };
  }

  private async markDelivered(item: OutboxItem, result: DiarisationResult): Promise<DeliveryOutcome> {
    const ref = { eofficeRef: result.eofficeRef, channelRef: result.status === 'SENT_FOR_DIARISATION' ? result.channelRef : null };
    return this.tx.run(async (em) => {
      // Safe to skip the WAL flush here: if a crash loses this commit, the row is still PENDING,
      // is sent again with the same key, and e-Office answers with the same receipt number.
      await em.query(`SET LOCAL synchronous_commit = off`);
      // Guarded: if another worker already recorded this row, do nothing (e-Office deduplicated the send).
      // The row is the item's only record of its state and reference: SyncStateService reads it from here.
      const updated = await em.query(
        `UPDATE eoffice_outbox SET status = 'DELIVERED', eoffice_ref = $2, channel_ref = $3, delivered_at = now(),
           attempts = attempts + 1, last_attempt_at = now(), last_error = NULL, updated_at = now(), version = version + 1
         WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [item.id, ref.eofficeRef, ref.channelRef],
      );
      if (affectedRows(updated) === 0) return 'skipped';
      await this.audit.record(em, {
        action: 'eoffice.delivered',
        entityType: item.sourceType,
        entityId: item.sourceId,
        diff: { outboxId: item.id, sourceRef: item.sourceRef, kind: item.kind, ...ref },
      });
      return 'delivered';
    });
  }

  private async postpone(item: OutboxItem, delayMs: number, countAttempt: boolean, error: string): Promise<DeliveryOutcome> {
    await this.dataSource.query(
      `UPDATE eoffice_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3,
         attempts = attempts + $4, last_attempt_at = CASE WHEN $4 = 1 THEN now() ELSE last_attempt_at END, updated_at = now()
       WHERE id = $1 AND status = 'PENDING'`,
      [item.id, delayMs, error.slice(0, 2000), countAttempt ? 1 : 0],
    );
    return countAttempt ? 'retry-later' : 'paused';
  }

  private async fail(item: OutboxItem, reason: string): Promise<DeliveryOutcome> {
    await this.tx.run(async (em) => {
      const updated = await em.query(
        `UPDATE eoffice_outbox SET status = 'FAILED', last_error = $2, attempts = attempts + 1, last_attempt_at = now(), updated_at = now(), version = version + 1
         WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [item.id, reason.slice(0, 2000)],
      );
      if (affectedRows(updated) === 0) return;
      await this.audit.record(em, { action: 'eoffice.delivery_failed', entityType: item.sourceType, entityId: item.sourceId, diff: { outboxId: item.id, reason } });
    });
    this.logger.warn(`outbox ${item.id} (${item.sourceRef}) FAILED: ${reason}`);
    return 'failed';
  }
}
