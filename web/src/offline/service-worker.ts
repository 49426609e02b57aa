/**
 * Registers the service worker (src/sw.ts) that keeps the app shell for offline use, and
 * notes when a newer build's worker is waiting: the app offers to reload (components/
 * UpdateNotice) rather than reloading from under someone typing.
 *
 * Registered a moment after the first screen has loaded, when the page is idle: installing it
 * downloads the whole shell (every script and the Noto fonts, a few megabytes), which on a
 * phone's slow link in the field must not compete with the screen being opened. Its code is
 * loaded then too, so it is no part of the first screen's scripts.
 */
type Listener = () => void;
let waiting: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<Listener>();

/** After the page's load event: this long, then the first idle moment (at most as long again). */
const AFTER_LOAD_MS = 3_000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () =>
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const update = registerSW({
        immediate: true,
        onNeedRefresh() {
          waiting = update;
          for (const l of listeners) l();
        },
      });
    });
  const soon = () =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: AFTER_LOAD_MS });
      else register();
    }, AFTER_LOAD_MS);
  if (document.readyState === 'complete') soon();
  else window.addEventListener('load', soon, { once: true });
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
