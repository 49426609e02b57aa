/**
 * Whether our own API answers. A request that fails to reach it marks it unreachable; the
 * shell then says so (components/ApiUnreachableNotice) while forms keep what was typed.
 * While unreachable, /health is asked every few seconds, so the notice clears by itself.
 */
type Listener = () => void;

let reachable = true;
let probe: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<Listener>();

const PROBE_MS = 5_000;

function set(next: boolean): void {
  if (reachable === next) return;
  reachable = next;
  if (!next && !probe) {
    probe = setInterval(() => {
      fetch('/health', { cache: 'no-store' }).then(
        (res) => res.ok && markReachable(),
        () => undefined,
      );
    }, PROBE_MS);
  }
  if (next && probe) {
    clearInterval(probe);
    probe = undefined;
  }
  for (const l of listeners) l();
}

export function markReachable(): void {
  set(true);
}

export function markUnreachable(): void {
  set(false);
}

export const connectivity = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isReachable: (): boolean => reachable,
};
