import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatDateTime } from '../lib/time';

export type SyncStatus = components['schemas']['RecordSyncSummaryView']['status'];
export type SyncFault = NonNullable<components['schemas']['OutboxItemView']['lastFault']>;

export interface EofficeSyncStateProps {
  status: SyncStatus;
  /** e-Office's receipt (diary) number, once diarised. */
  eofficeRef?: string | null;
  /** Why it failed or was cancelled (the API's words, English). */
  reason?: string | null;
  /** Failed or waiting: what kind of failure the last attempt met, said in the reader's language. */
  fault?: SyncFault | null;
  syncedAt?: string | null;
  /** How many papers a summed-up record holds, when it is more than one. */
  items?: number;
}

/**
 * Where a record stands with e-Office, in words a constable understands: waiting (it will be
 * diarised when e-Office returns), sent, diarised with e-Office's number, or failed with the
 * reason. For any record that has an outbox item (a letter, a programme revision, a dak).
 */
export function EofficeSyncState({ status, eofficeRef, reason, fault, syncedAt, items }: EofficeSyncStateProps) {
  const { t } = useTranslation();
  const tone = status === 'DIARISED' ? 'ok' : status === 'FAILED' ? 'bad' : status === 'NOT_REQUIRED' || status === 'CANCELLED' ? 'quiet' : 'waiting';
  return (
    <p className={`sync-state ${tone}`} data-sync={status}>
      <span className="sync-label">{t(`sync.status.${status}`)}</span>
      {status === 'DIARISED' && eofficeRef ? <span className="sync-detail">{t('sync.number', { ref: eofficeRef })}</span> : null}
      {status === 'DIARISED' && syncedAt ? <span className="sync-detail">{t('sync.at', { when: formatDateTime(syncedAt) })}</span> : null}
      {(status === 'FAILED' || status === 'PENDING_SYNC') && fault ? <span className="sync-detail">{t(`eofficeFault.${fault}`)}</span> : null}
      {(status === 'FAILED' || status === 'CANCELLED') && reason ? (
        <span className="sync-detail">
          {t(fault ? 'eofficeFault.detail' : 'sync.reason')} <span lang="en">{reason}</span>
        </span>
      ) : null}
      {items && items > 1 ? <span className="sync-detail">{t('sync.items', { count: items })}</span> : null}
    </p>
  );
}
