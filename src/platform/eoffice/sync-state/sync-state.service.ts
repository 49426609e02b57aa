import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxFault, OutboxItem, OutboxStatus } from '../outbox/outbox.entity';
import { ItemSync, itemState, RecordSync, summarise } from './sync-state';

interface Row {
  id: string;
  source_id: string;
  kind: string;
  document_id: string | null;
  status: OutboxStatus;
  eoffice_ref: string | null;
  channel_ref: string | null;
  delivered_at: Date | null;
  last_error: string | null;
  last_fault: OutboxFault | null;
  cancel_reason: string | null;
  attempts: number;
  created_at: Date;
}

/**
 * Where a record stands with e-Office, read from its outbox rows: each item with its own state
 * and reference, and the record's summary. Every module answers its API from here; none keeps
 * a copy of its own that the worker would have to keep in step.
 */
@Injectable()
export class SyncStateService {
  constructor(private readonly dataSource: DataSource) {}

  async forRecord(sourceType: string, sourceId: string, em?: EntityManager): Promise<RecordSync> {
    return (await this.forRecords(sourceType, [sourceId], em)).get(sourceId)!;
  }

  /** One query for a page of records; every id asked for gets an answer, if only NOT_REQUIRED. */
  async forRecords(sourceType: string, sourceIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, RecordSync>> {
    const byRecord = new Map<string, ItemSync[]>(sourceIds.map((id) => [id, []]));
    if (sourceIds.length > 0) {
      const rows: Row[] = await em.query(
        `SELECT id, source_id, kind, document_id, status, eoffice_ref, channel_ref, delivered_at, last_error, last_fault, cancel_reason, attempts, created_at
           FROM eoffice_outbox WHERE source_type = $1 AND source_id = ANY($2::text[]) ORDER BY seq`,
        [sourceType, [...new Set(sourceIds)]],
      );
      for (const r of rows) byRecord.get(r.source_id)?.push(toItem(r));
    }
    return new Map([...byRecord].map(([id, items]) => [id, { summary: summarise(items), items }]));
  }
}

/** The sync state of a record whose items were just written by the caller's change: no read needed. */
export function newRecordSync(items: readonly OutboxItem[]): RecordSync {
  const synced = items.map((i) =>
    toItem({
      id: i.id,
      source_id: i.sourceId,
      kind: i.kind,
      document_id: i.documentId,
      status: i.status,
      eoffice_ref: i.eofficeRef ?? null,
      channel_ref: i.channelRef ?? null,
      delivered_at: i.deliveredAt ?? null,
      last_error: i.lastError ?? null,
      last_fault: i.lastFault ?? null,
      cancel_reason: i.cancelReason ?? null,
      attempts: i.attempts,
      created_at: i.createdAt,
    }),
  );
  return { summary: summarise(synced), items: synced };
}

function toItem(r: Row): ItemSync {
  const state = itemState({ status: r.status, eofficeRef: r.eoffice_ref });
  const undelivered = state === 'FAILED' || state === 'PENDING_SYNC';
  return {
    outboxId: r.id,
    kind: r.kind,
    documentId: r.document_id,
    state,
    eofficeRef: r.eoffice_ref,
    channelRef: r.channel_ref,
    syncedAt: r.delivered_at,
    reason: state === 'CANCELLED' ? r.cancel_reason : undelivered ? r.last_error : null,
    fault: undelivered ? r.last_fault : null,
    attempts: r.attempts,
    queuedAt: r.created_at,
  };
}
