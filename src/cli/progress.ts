import { SingleBar } from 'cli-progress';

/** How far a long command has got (backup, restore, demo seeding). */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A bar on a terminal; on a pipe or in a log, a line at every tenth. */
export function progressOf(what: string, total: number, unit: string): Progress {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({ format: `${what} [{bar}] {value}/{total} ${unit}`, hideCursor: true, clearOnComplete: false });
    bar.start(total, 0);
    return { update: (n) => bar.update(n), stop: () => bar.stop() };
  }
  let shown = -1;
  return {
    update: (n) => {
      const tenth = Math.floor((10 * n) / total);
      if (tenth > shown) {
        shown = tenth;
        console.log(`${what}: ${n}/${total} ${unit}`);
      }
    },
    stop: () => undefined,
  };
}
