/**
 * Where "now" comes from, so that a rule that depends on the time can be tested at any moment
 * (say, a minute either side of IST midnight) without waiting for it. Inject `CLOCK` where a
 * service asks for the time; pure rules take `now` as an argument instead.
 */
export interface Clock {
  now(): Date;
}

/** Injection token for the app's clock. */
export const CLOCK = Symbol('CLOCK');

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `at` until `set` moves it: for tests. */
export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to);
    },
  };
}
