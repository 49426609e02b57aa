import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker (src/sw.ts) that keeps the app shell for offline use, and
 * notes when a newer build's worker is waiting: the app offers to reload (components/
 * UpdateNotice) rather than reloading from under someone typing.
 */
type Listener = () => void;
let waiting: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<Listener>();

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      waiting = update;
      for (const l of listeners) l();
    },
  });
}

export const appUpdate = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isWaiting: (): boolean => waiting !== undefined,
  /** Lets the new worker take over, and reloads on it. */
  apply: (): void => void waiting?.(true),
};
