import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { DATABASE_URL } from '../../database/database.tokens';

/** The advisory-lock class of delivery claims ("EOFC"); the second key is the instance's. */
export const CLAIM_LOCK_CLASS = 0x454f4643;

/**
 * This instance's claim key, and the proof that the instance lives: a session-level advisory
 * lock (CLAIM_LOCK_CLASS, key) held on a connection of its own for as long as the process
 * runs. An outbox row being sent carries the key of its sender (`claimed_by`); when a process
 * dies its connection closes and PostgreSQL releases the lock at once, so any instance can see
 * in `pg_locks` that the claim is dead and send the row again: at start, not a minute later.
 * A claim whose lock is still held is never taken over (until its lease runs out).
 *
 * Server-side TCP keepalives make PostgreSQL notice a vanished host within seconds too. If this
 * connection drops while the process lives, the lock is taken again with the same key as soon
 * as the server answers; meanwhile `key` is null and this instance claims nothing.
 *
 * The same connection hears the database's notices (`listen`): it is the one this instance
 * holds open for as long as it runs.
 */
@Injectable()
export class InstanceLiveness implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('InstanceLiveness');
  private client?: Client;
  private ownKey = 0;
  private held = false;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  /** Channels heard on the connection, and who hears each. */
  private readonly listeners = new Map<string, Array<() => void>>();

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** The key to claim rows with, or null while the lock is not held. */
  get key(): number | null {
    return this.held ? this.ownKey : null;
  }

  /**
   * Calls `heard` on each notice sent on `channel` (NOTIFY), and also each time the connection
   * is made again: notices sent while it was down are lost, so the listener looks for itself.
   */
  listen(channel: string, heard: () => void): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const known = this.listeners.get(channel);
    if (known) {
      known.push(heard);
      return;
    }
    this.listeners.set(channel, [heard]);
    const client = this.client;
    if (client) void client.query(`LISTEN ${channel}`).catch((e: Error) => this.lost(client, `LISTEN failed: ${e.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'police-ops:liveness', keepAlive: true });
    client.on('error', (e) => this.lost(client, e.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    client.on('notification', (notice) => this.listeners.get(notice.channel)?.forEach((heard) => heard()));
    await client.connect();
    try {
      await client.query(`SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3`);
      for (let attempt = 0; attempt < 16; attempt++) {
        // Keep the key across reconnects, so claims made before a dropped connection stay ours.
        const key = this.ownKey && attempt === 0 ? this.ownKey : randomInt(1, 2 ** 31 - 1);
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS locked', [CLAIM_LOCK_CLASS, key]);
        if (rows[0]?.locked) {
          if (this.stopped) break;
          for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
          const reconnected = this.ownKey !== 0;
          this.client = client;
          this.ownKey = key;
          this.held = true;
          if (reconnected) for (const heard of [...this.listeners.values()].flat()) heard();
          return;
        }
      }
      throw new Error('no free delivery-claim key after 16 tries');
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
  }

  private lost(client: Client, why: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.held = false;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`liveness connection lost (${why}); this instance claims no deliveries until it is back`);
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    this.retry = setTimeout(() => {
      this.connect().catch((e: Error) => {
        if (this.stopped) return;
        this.logger.debug(`liveness reconnect failed: ${e.message}`);
        this.reconnectSoon();
      });
    }, 1000);
    this.retry.unref();
  }
}
