import { ApiUnreachableError } from '../api/errors';
import { offlineDb } from './db';
import { open, seal, vault } from './vault';

/**
 * Reads that make sense without the server (issue 17: the venues, the event types, the units,
 * today's events, my duty slip): each answer is kept on the device, sealed for its user, and
 * served from there when the server cannot be reached, with the time it was fetched, so the
 * screen can say how old it is (CachedCopyNote).
 */
type Listener = () => void;
/** Reads served from the device just now: their name → when they were fetched from the server. */
const servedFromDevice = new Map<string, number>();
const listeners = new Set<Listener>();

/** `at`: the read was served from the device, fetched then; undefined: from the server. */
function note(name: string, at: number | undefined): void {
  if (servedFromDevice.get(name) === at) return;
  if (at === undefined) servedFromDevice.delete(name);
  else servedFromDevice.set(name, at);
  for (const l of listeners) l();
}

async function remember(name: string, data: unknown): Promise<void> {
  const ownerId = vault.openFor();
  const keyId = vault.keyId();
  if (!ownerId || !keyId) return;
  await offlineDb.reads.put({ ownerId, name, keyId, at: Date.now(), data: await seal(data) });
}

async function recall<T>(name: string): Promise<{ at: number; data: T } | undefined> {
  const ownerId = vault.openFor();
  if (!ownerId) return undefined;
  const kept = await offlineDb.reads.get([ownerId, name]);
  if (!kept || kept.keyId !== vault.keyId()) return undefined;
  return { at: kept.at, data: await open<T>(kept.data) };
}

/** A query function that keeps its answer on the device, and answers from there while the server is away. */
export function cachedRead<T>(name: string, fetch: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      const data = await fetch();
      note(name, undefined);
      void remember(name, data).catch(() => undefined);
      return data;
    } catch (e) {
      if (!(e instanceof ApiUnreachableError)) throw e;
      const kept = await recall<T>(name).catch(() => undefined);
      if (!kept) throw e;
      note(name, kept.at);
      return kept.data;
    }
  };
}

/** Copies kept this long are dropped (a list a week old helps nobody, and holds personal data). */
const KEEP_READS_MS = 7 * 24 * 3600 * 1000;

export const cachedReads = {
  /** Drops this user's copies past their time. */
  async prune(ownerId: string): Promise<void> {
    await offlineDb.reads.where('ownerId').equals(ownerId).and((r) => r.at < Date.now() - KEEP_READS_MS).delete();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** When the copy shown was fetched, if what is shown came from the device. */
  servedAt: (name: string): number | undefined => servedFromDevice.get(name),
};
