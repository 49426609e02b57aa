import type { OutboxFault, OutboxStatus } from '../outbox/outbox.entity';

/**
 * Where one item bound for e-Office (a letter, a revision, a receipt, a cancellation) stands.
 * Derived from its outbox row only: the row is the one place that holds the item's state and
 * its own e-Office reference, so nothing a module keeps can disagree with it.
 */
export const ITEM_SYNC_STATES = ['PENDING_SYNC', 'SENT_FOR_DIARISATION', 'DIARISED', 'FAILED', 'CANCELLED'] as const;
export type ItemSyncState = (typeof ITEM_SYNC_STATES)[number];

/** A record's summary over its items; NOT_REQUIRED when nothing of it is bound for e-Office. */
export const RECORD_SYNC_STATUSES = [...ITEM_SYNC_STATES, 'NOT_REQUIRED'] as const;
export type RecordSyncStatus = (typeof RECORD_SYNC_STATUSES)[number];

/**
 * Which item state speaks for the whole record, strongest first: one FAILED item needs a person
 * (and holds the record's later items), one waiting item means the record is not final in
 * e-Office, whatever the others say. Cancelled items count only when nothing else is left.
 */
export const SUMMARY_PRECEDENCE: readonly ItemSyncState[] = ['FAILED', 'PENDING_SYNC', 'SENT_FOR_DIARISATION', 'DIARISED', 'CANCELLED'];

/** The outbox columns an item's state is read from. */
export interface OutboxSyncRow {
  status: OutboxStatus;
  eofficeRef: string | null;
}

export function itemState(row: OutboxSyncRow): ItemSyncState {
  switch (row.status) {
    case 'PENDING':
      return 'PENDING_SYNC';
    case 'DELIVERED':
      // The e-mail channel hands the item over without a receipt number; that comes back later.
      return row.eofficeRef ? 'DIARISED' : 'SENT_FOR_DIARISATION';
    case 'FAILED':
      return 'FAILED';
    case 'CANCELLED':
      return 'CANCELLED';
  }
}

export interface ItemSync {
  outboxId: string;
  /** The module's own kind, e.g. `VIP_PROGRAMME_REVISION`. */
  kind: string;
  /** The issued document sent with the item, which is how a module finds its letter or revision. */
  documentId: string | null;
  state: ItemSyncState;
  /** e-Office's receipt number for this item, once diarised. */
  eofficeRef: string | null;
  /** The channel's reference (the e-mail Message-ID) when e-Office gave no number yet. */
  channelRef: string | null;
  syncedAt: Date | null;
  /** FAILED: why; CANCELLED: the reason given; waiting: the last attempt's error, if any. */
  reason: string | null;
  /** FAILED or waiting: what kind of failure the last attempt met, to say in the reader's language. */
  fault: OutboxFault | null;
  attempts: number;
  queuedAt: Date;
}

export interface RecordSyncSummary {
  status: RecordSyncStatus;
  items: number;
  waiting: number;
  sentForDiarisation: number;
  diarised: number;
  failed: number;
  cancelled: number;
}

export interface RecordSync {
  summary: RecordSyncSummary;
  /** In the order they were queued (and are delivered). */
  items: ItemSync[];
}

/** The one rule that turns a record's items into its summary. */
export function summarise(items: ReadonlyArray<Pick<ItemSync, 'state'>>): RecordSyncSummary {
  const count = (state: ItemSyncState) => items.filter((i) => i.state === state).length;
  const status = SUMMARY_PRECEDENCE.find((s) => count(s) > 0) ?? 'NOT_REQUIRED';
  return {
    status,
    items: items.length,
    waiting: count('PENDING_SYNC'),
    sentForDiarisation: count('SENT_FOR_DIARISATION'),
    diarised: count('DIARISED'),
    failed: count('FAILED'),
    cancelled: count('CANCELLED'),
  };
}

/** How an item reads in an API answer; the same field names on a letter, a revision or a dak. */
export function eofficeFields(item: ItemSync | undefined) {
  return {
    eofficeStatus: item?.state ?? ('NOT_REQUIRED' as const),
    eofficeRef: item?.eofficeRef ?? null,
    eofficeChannelRef: item?.channelRef ?? null,
    eofficeSyncedAt: item?.syncedAt ?? null,
    eofficeReason: item?.reason ?? null,
    eofficeFault: item?.fault ?? null,
  };
}
