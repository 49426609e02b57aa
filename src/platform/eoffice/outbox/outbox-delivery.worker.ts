import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { affectedRows } from '../../database/affected-rows';
import { JobHandler } from '../../queue/job-handler.decorator';
import { EofficeChannel } from '../eoffice-channel.service';
import { DiarisationRequest, DiarisationResult, isPermanentGatewayError, isTransientGatewayError } from '../gateway';
import { retryDelayMs } from './backoff';
import { CLAIM_DUE_ROW } from './eligible-rows.sql';
import { claimLeaseMs } from './claim-lease';
import { InstanceLiveness } from './instance-liveness';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OUTBOX_DOCUMENT_LOADER, OutboxDocumentLoader } from './outbox-documents';
import { OutboxItem } from './outbox.entity';

export type DeliveryOutcome = 'delivered' | 'skipped' | 'retry-later' | 'failed' | 'paused';

/**
 * One delivery attempt of one outbox row. The database row is the truth: the job carries
 * only the id, and every outcome (including "try again at T") is written to the row, so a
 * lost job or a flushed Redis loses nothing; the dispatcher queues again what is due.
 *
 * The row is claimed for the attempt (`claimed_by`, this instance's liveness key) in the same
 * statement that finds it due, and the outcome clears the claim. So however many jobs name the
 * row (a stale one from a dead process, one from each instance), only one attempt at a time
 * sends it, and one left in flight by a process that died is free again the moment it died.
 */
@Injectable()
export class OutboxDeliveryWorker {
  private readonly logger = new Logger('OutboxDelivery');
  /** A claim older than this is void even if its instance lives: no attempt runs that long. */
  private readonly claimLeaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly channel: EofficeChannel,
    private readonly liveness: InstanceLiveness,
    private readonly audit: AuditService,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(OUTBOX_DOCUMENT_LOADER) private readonly documents?: OutboxDocumentLoader,
  ) {
    this.claimLeaseMs = claimLeaseMs(channel.callDeadlineMs);
  }

  @JobHandler('eoffice-deliver')
  async handle(job: Job<{ outboxId: string }>): Promise<DeliveryOutcome> {
    try {
      return await this.deliver(job.data.outboxId);
    } finally {
      this.dispatcher.forget(job.data.outboxId);
    }
  }

  async deliver(id: string): Promise<DeliveryOutcome> {
    // DEGRADED: the row stays as it is, due; the dispatcher queues it again once e-Office answers.
    if (!this.channel.admit()) return 'paused';
    const me = this.liveness.key;
    if (me === null) {
      this.channel.withdraw();
      return 'paused';
    }
    const claimed = affectedRows(await this.dataSource.query(CLAIM_DUE_ROW, [id, me, this.claimLeaseMs]));
    if (claimed === 0) {
      // Delivered, not due, behind an earlier item of its record, or being sent by someone alive.
      this.channel.withdraw();
      return 'skipped';
    }
    let settled = false;
    try {
      const item = await this.dataSource.getRepository(OutboxItem).findOneByOrFail({ id });
      const outcome = await this.attempt(item, me);
      settled = true;
      return outcome;
    } finally {
      // Only when no outcome was written (an error of our own): the row is due again at once.
      if (!settled) {
        await this.dataSource
          .query(`UPDATE eoffice_outbox SET claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND claimed_by = $2`, [id, me])
          .catch(() => undefined);
      }
    }
  }

  private async attempt(item: OutboxItem, me: number): Promise<DeliveryOutcome> {
    let request: DiarisationRequest;
    try {
      request = await this.toRequest(item);
    } catch (e) {
      this.channel.withdraw();
      return this.fail(item, me, `could not prepare the item: ${(e as Error).message}`);
    }
    try {
      const result = await this.channel.diarise(request);
      return await this.markDelivered(item, result);
    } catch (e) {
      if (isPermanentGatewayError(e)) return this.fail(item, me, e.message);
      const message = e instanceof Error ? e.message : String(e);
      if (item.attempts + 1 >= this.config.EOFFICE_MAX_ATTEMPTS) {
        return this.fail(item, me, `gave up after ${item.attempts + 1} attempts; last error: ${message}`);
      }
      const retryAfter = isTransientGatewayError(e) ? e.retryAfterMs : undefined;
      return this.postpone(item, me, retryAfter ?? retryDelayMs(item.attempts + 1), message);
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
      // Whoever claims it now, e-Office's receipt is the item's: it is recorded.
      const updated = await em.query(
        `UPDATE eoffice_outbox SET status = 'DELIVERED', eoffice_ref = $2, channel_ref = $3, delivered_at = now(),
           attempts = attempts + 1, last_attempt_at = now(), last_error = NULL, updated_at = now(), version = version + 1,
           claimed_by = NULL, claimed_at = NULL
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

  /** Due again after `delayMs`; the attempt counts against EOFFICE_MAX_ATTEMPTS. */
  private async postpone(item: OutboxItem, me: number, delayMs: number, error: string): Promise<DeliveryOutcome> {
    await this.dataSource.query(
      `UPDATE eoffice_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3,
         attempts = attempts + 1, last_attempt_at = now(), updated_at = now(), claimed_by = NULL, claimed_at = NULL
       WHERE id = $1 AND status = 'PENDING' AND claimed_by = $4`,
      [item.id, delayMs, error.slice(0, 2000), me],
    );
    return 'retry-later';
  }

  private async fail(item: OutboxItem, me: number, reason: string): Promise<DeliveryOutcome> {
    await this.tx.run(async (em) => {
      const updated = await em.query(
        `UPDATE eoffice_outbox SET status = 'FAILED', last_error = $2, attempts = attempts + 1, last_attempt_at = now(), updated_at = now(),
           version = version + 1, claimed_by = NULL, claimed_at = NULL
         WHERE id = $1 AND status = 'PENDING' AND claimed_by = $3 RETURNING id`,
        [item.id, reason.slice(0, 2000), me],
      );
      if (affectedRows(updated) === 0) return;
      await this.audit.record(em, { action: 'eoffice.delivery_failed', entityType: item.sourceType, entityId: item.sourceId, diff: { outboxId: item.id, reason } });
    });
    this.logger.warn(`outbox ${item.id} (${item.sourceRef}) FAILED: ${reason}`);
    return 'failed';
  }
}
