import type { TFunction } from 'i18next';
import { formatTime } from '../lib/time';
import { queuedKind, type OutboxEntry } from '../offline';

/** An item's local number as the user sees it and says it ("L-7"). */
export const localNumber = (t: TFunction, e: Pick<OutboxEntry, 'localNo'>) => t('offline.localNo', { n: e.localNo });

export const kindLabel = (t: TFunction, e: Pick<OutboxEntry, 'kind'>) => t(queuedKind(e.kind)?.label ?? 'offline.kind.unknown');

/** Where the item stands and, when it waits or was refused, why: never a silent "Sending". */
export function stateText(t: TFunction, e: OutboxEntry): string {
  if (e.locked) return t('offline.locked');
  if (e.state === 'sent') return t('offline.state.sent', { ref: e.result?.ref ?? '' });
  if (e.state === 'refused') return t('offline.state.refused');
  if (e.state === 'sending') return t('offline.state.sending');
  const at = formatTime(e.nextAttemptAt || Date.now());
  const waiting = e.state === 'attaching' ? t('offline.state.attaching') : t('offline.state.queued');
  if (!e.problem) return waiting;
  return `${waiting}. ${t(`offline.reason.${e.problem.reason}`, { at, status: e.problem.status ?? '' })}`;
}
