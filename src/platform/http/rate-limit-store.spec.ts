import { DataSource } from 'typeorm';
import { SharedRateLimitStore, slidingCount } from './rate-limit-store';

const MINUTE = 60_000;
// A store that never syncs in these tests: counting itself needs no database.
const store = () => new SharedRateLimitStore(undefined as unknown as DataSource);
const T0 = Date.UTC(2026, 11, 1, 18, 30); // a window boundary (a whole minute)

describe('rate-limit store: counting', () => {
  it('lets `limit` requests through in a window, refuses the next for the block, and does not count the refused', () => {
    const s = store();
    for (let i = 0; i < 10; i++) expect(s.count('k', MINUTE, 10, MINUTE, T0 + i).isBlocked).toBe(false);
    const refused = s.count('k', MINUTE, 10, MINUTE, T0 + 20);
    expect(refused).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    expect(s.count('k', MINUTE, 10, MINUTE, T0 + 30_000).isBlocked).toBe(true);
    // The block has ended; the previous window's 10 now weigh 10 × (1 − 0.33): 3 more fit.
    const after = T0 + MINUTE + 20_000 + 21;
    const let_in = [0, 1, 2, 3].map((i) => s.count('k', MINUTE, 10, MINUTE, after + i).isBlocked);
    expect(let_in).toEqual([false, false, false, true]);
  });

  it('keeps keys apart', () => {
    const s = store();
    for (let i = 0; i < 3; i++) s.count('a', MINUTE, 3, MINUTE, T0);
    expect(s.count('a', MINUTE, 3, MINUTE, T0).isBlocked).toBe(true);
    expect(s.count('b', MINUTE, 3, MINUTE, T0).isBlocked).toBe(false);
  });

  it('slides: a burst at the end of one window still counts at the start of the next', () => {
    const s = store();
    for (let i = 0; i < 10; i++) s.count('k', MINUTE, 10, 1, T0 + MINUTE - 100 + i);
    // 1 ms blocks, so only the count decides: 200 ms into the next window, nearly all 10 still weigh.
    expect(s.count('k', MINUTE, 10, 1, T0 + MINUTE + 200).isBlocked).toBe(true);
    expect(slidingCount(10, 0, T0 + MINUTE, MINUTE, T0 + MINUTE + 200)).toBeCloseTo(9.97, 2);
    // Two windows later nothing of it is left.
    expect(s.count('k', MINUTE, 10, 1, T0 + 3 * MINUTE).isBlocked).toBe(false);
  });

  it('answers the remaining count and the seconds to the window’s end', () => {
    const s = store();
    const first = s.count('k', MINUTE, 5, MINUTE, T0 + 15_000);
    expect(first).toMatchObject({ totalHits: 1, timeToExpire: 45, isBlocked: false });
  });
});
