import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { affectedRows, returnedRows } from '../../database/affected-rows';
import { JobHandler } from '../../queue/job-handler.decorator';
import { EofficeChannel } from '../eoffice-channel.service';
import { DiarisationRequest, DiarisationResult, isPermanentGatewayError, isTransientGatewayError } from '../gateway';
import { retryDelayMs } from './backoff';
import { DeliveryJobData } from './delivery-batch';
import { CLAIM_DUE_ROWS, ClaimedItem } from './eligible-rows.sql';
import { claimLeaseMs } from './claim-lease';
import { InstanceLiveness } from './instance-liveness';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OUTBOX_DOCUMENT_LOADER, OutboxDocumentLoader } from './outbox-documents';
import type { OutboxFault } from './outbox.entity';

export type DeliveryOutcome = 'delivered' | 'skipped' | 'retry-later' | 'failed' | 'paused';

/** A row e-Office took, its mark not yet written. */
interface Taken {
  item: ClaimedItem;
  result: DiarisationResult;
}

/**
 * Delivery attempts of a batch of outbox rows (deliveryBatchSize), sent one after another. The
 * database row is the truth: the job carries only ids, and every outcome (including "try again
 * at T") is written to the row, so a lost job or a flushed Redis loses nothing; the dispatcher
 * queues again what is due.
 *
 * The rows are claimed for the attempt (`claimed_by`, this instance's liveness key) in the
 * statement that finds them due, and the outcome clears the claim. So however many jobs name a
 * row (a stale one from a dead process, one from each instance), only one attempt at a time
 * sends it, and one left in flight by a process that died is free again the moment it died.
 *
 * The rows e-Office took are marked DELIVERED and audited together at the end of the batch, in
 * one transaction: if it is lost, they are still PENDING and are sent again with the same keys,
 * and e-Office answers with the same receipts.
 */
@Injectable()
export class OutboxDeliveryWorker {
  private readonly logger = new Logger('OutboxDelivery');
  /** A claim older than this is void even if its instance lives: no attempt runs that long. */
  private readonly claimLeaseMs: number;
  /** Claims held this long are renewed before the next send, so none lapses while its batch waits. */
  private readonly renewClaimsAfterMs: number;

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
    this.renewClaimsAfterMs = this.claimLeaseMs - channel.callDeadlineMs - 5_000;
  }

  @JobHandler('eoffice-deliver')
  async handle(job: Job<DeliveryJobData>): Promise<Record<DeliveryOutcome, number>> {
    const ids = 'outboxIds' in job.data ? job.data.outboxIds : [job.data.outboxId];
    try {
      const outcomes = await this.deliver(ids);
      const counts: Record<DeliveryOutcome, number> = { delivered: 0, skipped: 0, 'retry-later': 0, failed: 0, paused: 0 };
      for (const outcome of outcomes.values()) counts[outcome] += 1;
      return counts;
    } finally {
      this.dispatcher.forget(ids);
    }
  }

  /** One attempt at each row named, in the order given; the outcome of each. */
  async deliver(ids: readonly string[]): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>(ids.map((id) => [id, 'skipped']));
    const me = this.liveness.key;
    if (me === null) {
      for (const id of ids) outcomes.set(id, 'paused');
      return outcomes;
    }
    // Not claimed: delivered, not due, behind an earlier item of its record, or being sent by someone alive.
    const items = returnedRows<ClaimedItem>(await this.dataSource.query(CLAIM_DUE_ROWS, [ids, me, this.claimLeaseMs]));
    if (items.length === 0) return outcomes;
    let claimedAt = Date.now();
    const unsettled = new Set(items.map((i) => i.id));
    const taken: Taken[] = [];
    try {
      items.sort((a, b) => Number(a.seq) - Number(b.seq));
      for (const [i, item] of items.entries()) {
        // DEGRADED: the rest stay as they are, due; the dispatcher queues them again once e-Office answers.
        if (!this.channel.admit()) {
          for (const rest of items.slice(i)) outcomes.set(rest.id, 'paused');
          break;
        }
        if (Date.now() - claimedAt > this.renewClaimsAfterMs) {
          const kept = await this.renewClaims([...unsettled], me);
          claimedAt = Date.now();
          for (const id of unsettled) if (!kept.has(id)) unsettled.delete(id);
          if (!kept.has(item.id)) {
            this.channel.withdraw();
            continue;
          }
        }
        const outcome = await this.attempt(item, me, taken);
        outcomes.set(item.id, outcome);
        if (outcome !== 'delivered') unsettled.delete(item.id);
      }
    } finally {
      if (taken.length > 0) {
        const marked = await this.markDelivered(taken).catch((e: Error) => {
          this.logger.warn(`could not record ${taken.length} deliveries (they are sent again with the same keys): ${e.message}`);
          return new Set<string>();
        });
        for (const { item } of taken) {
          if (marked.has(item.id)) unsettled.delete(item.id);
          else outcomes.set(item.id, 'skipped');
        }
      }
      // Rows with no outcome written (paused, or an error of our own): due again at once.
      if (unsettled.size > 0) {
        await this.dataSource
          .query(`UPDATE eoffice_outbox SET claimed_by = NULL, claimed_at = NULL WHERE id = ANY($1::uuid[]) AND claimed_by = $2`, [[...unsettled], me])
          .catch(() => undefined);
      }
    }
    return outcomes;
  }

  /** Renews this instance's claims on rows it has yet to send; the ids it still holds. */
  private async renewClaims(ids: string[], me: number): Promise<Set<string>> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE eoffice_outbox SET claimed_at = now() WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'PENDING' RETURNING id`,
        [ids, me],
      ),
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Sends one row; a row e-Office took joins `taken`, to be marked with the rest of its batch. */
  private async attempt(item: ClaimedItem, me: number, taken: Taken[]): Promise<DeliveryOutcome> {
    let request: DiarisationRequest;
    try {
      request = await this.toRequest(item);
    } catch (e) {
      this.channel.withdraw();
      return this.fail(item, me, 'UNPREPARED', `could not prepare the item: ${(e as Error).message}`);
    }
    try {
      const result = await this.channel.diarise(request);
      taken.push({ item, result });
      return 'delivered';
    } catch (e) {
      if (isPermanentGatewayError(e)) return this.fail(item, me, 'REFUSED', e.message);
      const message = e instanceof Error ? e.message : String(e);
      const fault: OutboxFault = isTransientGatewayError(e) ? e.fault : 'OTHER';
      if (item.attempts + 1 >= this.config.EOFFICE_MAX_ATTEMPTS) {
        return this.fail(item, me, fault, `gave up after ${item.attempts + 1} attempts; last error: ${message}`);
      }
      const retryAfter = isTransientGatewayError(e) ? e.retryAfterMs : undefined;
      return this.postpone(item, me, retryAfter ?? retryDelayMs(item.attempts + 1), fault, message);
    }
  }

  private async toRequest(item: ClaimedItem): Promise<DiarisationRequest> {
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

  /** Marks the rows e-Office took DELIVERED, with their audit rows, in one transaction; the ids marked. */
  private markDelivered(taken: readonly Taken[]): Promise<Set<string>> {
    const refs = taken.map(({ item, result }) => ({
      item,
      eofficeRef: result.eofficeRef,
      channelRef: result.status === 'SENT_FOR_DIARISATION' ? result.channelRef : null,
    }));
    return this.tx.run(async (em) => {
      // Safe to skip the WAL flush here: if a crash loses this commit, the rows are still PENDING,
      // are sent again with the same keys, and e-Office answers with the same receipt numbers.
      await em.query(`SET LOCAL synchronous_commit = off`);
      // Guarded: a row another worker already recorded is left alone (e-Office deduplicated the send).
      // The row is the item's only record of its state and reference: SyncStateService reads it from here.
      // Whoever claims it now, e-Office's receipt is the item's: it is recorded.
      const updated = returnedRows<{ id: string }>(
        await em.query(
          `UPDATE eoffice_outbox o SET status = 'DELIVERED', eoffice_ref = d.eoffice_ref, channel_ref = d.channel_ref, delivered_at = now(),
             attempts = o.attempts + 1, last_attempt_at = now(), last_error = NULL, last_fault = NULL, updated_at = now(), version = o.version + 1,
             claimed_by = NULL, claimed_at = NULL
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS d(id, eoffice_ref, channel_ref)
           WHERE o.id = d.id AND o.status = 'PENDING' RETURNING o.id`,
          [refs.map((r) => r.item.id), refs.map((r) => r.eofficeRef), refs.map((r) => r.channelRef)],
        ),
      );
      const marked = new Set(updated.map((r) => r.id));
      await this.audit.recordMany(
        em,
        refs
          .filter((r) => marked.has(r.item.id))
          .map(({ item, eofficeRef, channelRef }) => ({
            action: 'eoffice.delivered',
            entityType: item.sourceType,
            entityId: item.sourceId,
            diff: { outboxId: item.id, sourceRef: item.sourceRef, kind: item.kind, eofficeRef, channelRef },
          })),
      );
      return marked;
    });
  }

  /** Due again after `delayMs`; the attempt counts against EOFFICE_MAX_ATTEMPTS. */
  private async postpone(item: ClaimedItem, me: number, delayMs: number, fault: OutboxFault, error: string): Promise<DeliveryOutcome> {
    await this.dataSource.query(
      `UPDATE eoffice_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3, last_fault = $5,
         attempts = attempts + 1, last_attempt_at = now(), updated_at = now(), claimed_by = NULL, claimed_at = NULL
       WHERE id = $1 AND status = 'PENDING' AND claimed_by = $4`,
      [item.id, delayMs, error.slice(0, 2000), me, fault],
    );
    return 'retry-later';
  }

  private async fail(item: ClaimedItem, me: number, fault: OutboxFault, reason: string): Promise<DeliveryOutcome> {
    await this.tx.run(async (em) => {
      const updated = await em.query(
        `UPDATE eoffice_outbox SET status = 'FAILED', last_error = $2, last_fault = $4, attempts = attempts + 1, last_attempt_at = now(), updated_at = now(),
           version = version + 1, claimed_by = NULL, claimed_at = NULL
         WHERE id = $1 AND status = 'PENDING' AND claimed_by = $3 RETURNING id`,
        [item.id, reason.slice(0, 2000), me, fault],
      );
      if (affectedRows(updated) === 0) return;
      await this.audit.record(em, { action: 'eoffice.delivery_failed', entityType: item.sourceType, entityId: item.sourceId, diff: { outboxId: item.id, fault, reason } });
    });
    this.logger.warn(`outbox ${item.id} (${item.sourceRef}) FAILED: ${reason}`);
    return 'failed';
  }
}
