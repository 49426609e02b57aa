import type { QueryClient } from '@tanstack/react-query';
import { connectivity } from '../lib/connectivity';
import { session } from '../lib/session';
import { cachedReads } from './cached-read';
import { queuedKind } from './kinds';
import { outbox, outboxSender } from './outbox';
import { vault } from './vault';

export { fileLabel, labelledFile, outbox, QueuedFilesTooLargeError, submitQueued } from './outbox';
export type { OutboxEntry, QueuedPayload, Submitted } from './outbox';
export type { QueuedProblem } from './failures';
export { queuedKind, QUEUED_FILES_MAX_BYTES } from './kinds';
export { unsent, useOutbox, useOutboxState } from './use-outbox';

/**
 * Starts the offline machinery once per page: the outbox sends while the session is live and
 * the server answers, starts again the moment either comes back, and the lists of a kind are
 * refreshed when one of its items reaches the server.
 */
export function startOffline(queryClient: QueryClient): void {
  outboxSender.setGate(() => session.isLive());
  let wasLive = session.isLive();
  const kickIfLive = () => {
    const live = session.isLive();
    if (live && !wasLive) outbox.retryNow();
    wasLive = live;
    if (live) outboxSender.kick();
  };
  session.subscribe(kickIfLive);
  vault.subscribe(kickIfLive);
  connectivity.subscribe(() => {
    if (connectivity.isReachable()) outbox.retryNow();
  });

  // A sent item: its kind's lists now hold the record.
  let watching: { userId: string; stop: () => void } | undefined;
  const watchSent = () => {
    const userId = vault.openFor();
    if (watching?.userId === userId) return;
    watching?.stop();
    watching = undefined;
    if (!userId) return;
    void outboxSender.recoverInterrupted(userId).then(kickIfLive, () => undefined);
    void cachedReads.prune(userId).catch(() => undefined);
    const seen = new Set<number>();
    let first = true;
    const stop = outbox.watchStates(userId, (items) => {
      for (const i of items) {
        if (i.state !== 'sent' || seen.has(i.localNo!)) continue;
        seen.add(i.localNo!);
        const kind = queuedKind(i.kind);
        if (!first && kind) void queryClient.invalidateQueries({ queryKey: [...kind.listKey] });
      }
      first = false;
    });
    watching = { userId, stop };
  };
  vault.subscribe(watchSent);
  watchSent();
  kickIfLive();
}
