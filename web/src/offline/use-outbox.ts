import { useEffect, useState } from 'react';
import { useSession } from '../lib/use-session';
import { outbox, type OutboxEntry } from './outbox';
import { vault } from './vault';

/**
 * The signed-in user's queued items, as they change (only theirs: another user's are never
 * read), and whether they have been read yet (an empty list before that says nothing).
 */
export function useOutboxState(): { items: OutboxEntry[]; loaded: boolean } {
  const state = useSession();
  const userId = state.status === 'signed-in' ? state.me.id : undefined;
  const [keyOpen, setKeyOpen] = useState(() => vault.openFor());
  const [read, setRead] = useState<{ userId: string; items: OutboxEntry[] }>();
  useEffect(() => vault.subscribe(() => setKeyOpen(vault.openFor())), []);
  useEffect(() => {
    if (!userId || keyOpen !== userId) return undefined;
    return outbox.watch(userId, (items) => setRead({ userId, items }));
  }, [userId, keyOpen]);
  const mine = read && read.userId === userId && keyOpen === userId ? read.items : undefined;
  return { items: mine ?? NONE, loaded: mine !== undefined || (userId !== undefined && keyOpen !== userId) };
}

const NONE: OutboxEntry[] = [];

export function useOutbox(): OutboxEntry[] {
  return useOutboxState().items;
}

/** Items not yet with the server (sent ones are shown with their reference for a day). */
export const unsent = (items: readonly OutboxEntry[]) => items.filter((i) => i.state !== 'sent');
