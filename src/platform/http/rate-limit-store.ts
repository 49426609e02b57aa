import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Counts made here reach the shared table, and theirs come back, this often. */
export const RATE_LIMIT_SYNC_MS = 250;
/** Windows older than the one before the current are deleted from the table this often. */
const PRUNE_EVERY_MS = 60_000;
/** A key whose counts are this many windows old, and not blocked, is forgotten here. */
const FORGET_AFTER_WINDOWS = 2;

/** One key's counts, as this instance knows them. */
interface Counter {
  ttl: number;
  /** Start (ms since the epoch) of the window `current` counts. */
  window: number;
  /** The window's total as the table last answered it (every instance's hits). */
  shared: number;
  /** Hits counted here and sent, whose total has not come back yet. */
  sending: number;
  /** Hits counted here and not sent yet. */
  unsent: number;
  /** The previous window's total, weighted down as the current window goes by. */
  previous: number;
  blockedUntil: number;
}

interface Delta {
  key: string;
  window: number;
  hits: number;
}

/** The sliding-window estimate: the previous window's total weighted by how much of it still lies within the last `ttl`. */
export function slidingCount(previous: number, current: number, window: number, ttl: number, now: number): number {
  const elapsed = Math.min(1, Math.max(0, (now - window) / ttl));
  return previous * (1 - elapsed) + current;
}

/**
 * The throttlers' counts, the same for every instance on the database, at a constant cost per
 * request. @nestjs/throttler's own store keeps each key's hit times in process memory and
 * filters them all on every request: behind one NAT address that is thousands of entries
 * walked per request, and it slowed the whole server as a rush went on (and each instance
 * counted alone).
 *
 * Here each key is two fixed windows of the throttler's ttl: the current one's total plus the
 * previous one's, weighted by how much of it still falls within the last ttl (the usual
 * sliding-window estimate). A request is counted in memory at once, so one instance's limit
 * is exact; every RATE_LIMIT_SYNC_MS the hits counted since go to `rate_limit_count` in one
 * statement, which answers the totals of every instance for those keys. Another instance's
 * hits are therefore seen within a sync or two: a limit across N instances may be passed by
 * what they count meanwhile, never more.
 */
@Injectable()
export class SharedRateLimitStore implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly counters = new Map<string, Counter>();
  /** Hits of windows already left behind here, still to be sent. */
  private leftBehind: Delta[] = [];
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private lastPrune = 0;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sync(), RATE_LIMIT_SYNC_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.syncing;
    // The last counts go to the others, unless the database is already closed (then they are only a minute's counts).
    if (this.dataSource.isInitialized) await this.sync();
  }

  // The interface is asynchronous; counting here is not, so that a rush never waits on the table.
  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.count(key, ttl, limit, blockDuration, Date.now()));
  }

  /** Counts one request for `key` at `now` (ms), refusing it when over `limit`. */
  count(key: string, ttl: number, limit: number, blockDuration: number, now: number): ThrottlerStorageRecord {
    const counter = this.counterFor(key, ttl, now);
    const windowEnd = counter.window + ttl;
    const timeToExpire = Math.max(1, Math.ceil((windowEnd - now) / 1000));
    if (counter.blockedUntil > now) {
      return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil((counter.blockedUntil - now) / 1000) };
    }
    const seen = slidingCount(counter.previous, total(counter), counter.window, ttl, now);
    if (seen + 1 > limit) {
      // Refused requests are not counted: a client that keeps knocking is let in once its block ends.
      counter.blockedUntil = now + Math.max(blockDuration, 1000);
      return { totalHits: Math.ceil(seen) + 1, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil((counter.blockedUntil - now) / 1000) };
    }
    counter.unsent += 1;
    return { totalHits: Math.ceil(seen) + 1, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  private counterFor(key: string, ttl: number, now: number): Counter {
    const window = now - (now % ttl);
    let counter = this.counters.get(key);
    if (!counter || counter.ttl !== ttl) {
      counter = { ttl, window, shared: 0, sending: 0, unsent: 0, previous: 0, blockedUntil: 0 };
      this.counters.set(key, counter);
    } else if (counter.window !== window) {
      if (counter.unsent > 0) this.leftBehind.push({ key, window: counter.window, hits: counter.unsent });
      counter.previous = counter.window === window - ttl ? total(counter) : 0;
      counter.window = window;
      counter.shared = 0;
      counter.sending = 0;
      counter.unsent = 0;
    }
    return counter;
  }

  /** Sends the hits counted since the last sync and takes back every instance's totals for those keys. */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = this.syncNow()
      .catch((e: Error) => this.logger.warn(`rate-limit counts not shared this time: ${e.message}`))
      .finally(() => {
        this.syncing = undefined;
      });
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    const now = Date.now();
    const sent = new Map<string, { counter: Counter; window: number; hits: number }>();
    const carried = this.leftBehind;
    this.leftBehind = [];
    const deltas: Delta[] = [...carried];
    for (const [key, counter] of this.counters) {
      if (counter.unsent > 0) {
        deltas.push({ key, window: counter.window, hits: counter.unsent });
        sent.set(key, { counter, window: counter.window, hits: counter.unsent });
        counter.sending += counter.unsent;
        counter.unsent = 0;
      } else if (counter.window + FORGET_AFTER_WINDOWS * counter.ttl <= now && counter.blockedUntil <= now) {
        this.counters.delete(key);
      }
    }
    if (deltas.length > 0) {
      let rows: Array<{ key: string; window_start: string; hits: number }>;
      try {
        rows = await this.dataSource.query(
          `INSERT INTO rate_limit_count AS c (key, window_start, hits)
           SELECT key, window_start, sum(hits)::int FROM unnest($1::text[], $2::bigint[], $3::int[]) AS d(key, window_start, hits) GROUP BY key, window_start
           ON CONFLICT (key, window_start) DO UPDATE SET hits = c.hits + EXCLUDED.hits
           RETURNING key, window_start::text, hits`,
          [deltas.map((d) => d.key), deltas.map((d) => d.window), deltas.map((d) => d.hits)],
        );
      } catch (e) {
        // Not shared this time: they stay counted here, and are sent with the next sync.
        this.leftBehind.push(...carried);
        for (const [key, { counter, window, hits }] of sent) {
          if (this.counters.get(key) === counter && counter.window === window) {
            counter.sending -= hits;
            counter.unsent += hits;
          } else this.leftBehind.push({ key, window, hits });
        }
        throw e;
      }
      for (const row of rows) {
        const mine = sent.get(row.key);
        if (!mine || Number(row.window_start) !== mine.window || mine.counter.window !== mine.window) continue;
        mine.counter.sending -= mine.hits;
        mine.counter.shared = Math.max(mine.counter.shared, row.hits);
      }
    }
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      // Every instance prunes; deleting what another just deleted costs nothing.
      await this.dataSource.query(`DELETE FROM rate_limit_count WHERE window_start < $1`, [now - 2 * maxTtl(this.counters.values())]);
    }
  }
}

/** A key's total in its current window: every instance's as last answered, and this one's since. */
function total(c: Counter): number {
  return c.shared + c.sending + c.unsent;
}

function maxTtl(counters: Iterable<Counter>): number {
  let ttl = 60_000;
  for (const c of counters) ttl = Math.max(ttl, c.ttl);
  return ttl;
}
