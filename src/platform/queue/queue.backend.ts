import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectionOptions,
  createPostgresBackend,
  Job,
  Queue,
  QueueOptions,
  runMigrations,
  Worker,
  WorkerOptions,
} from 'bullmq';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { DATABASE_URL } from '../database/database.tokens';

export type QueueBackendKind = 'postgres' | 'redis';
export const BULLMQ_SCHEMA = 'bullmq';

/**
 * Creates or upgrades the `bullmq` schema, as the database owner at migration time (the app's
 * own role has no DDL rights); BullMQ serialises this with its own advisory lock.
 */
export async function migrateQueueSchema(ownerUrl: string, log: (m: string) => void): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const version = await runMigrations(client, BULLMQ_SCHEMA);
    log(`BullMQ PostgreSQL backend at schema version ${version}`);
  } finally {
    await client.end();
  }
}

/**
 * The one place that knows which BullMQ backend runs: PostgreSQL (schema `bullmq` in our
 * own database, no extra server) by default, Redis when REDIS_URL is set. Everything else
 * asks this class for queues and workers, so the backend is a config choice, not a code change.
 */
@Injectable()
export class QueueBackend implements OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private readonly closables: Array<{ close(): Promise<void> }> = [];
  readonly kind: QueueBackendKind;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {
    this.kind = config.REDIS_URL ? 'redis' : 'postgres';
  }

  queue<T = unknown>(name: string, opts: Omit<QueueOptions, 'connection'> = {}): Queue<T> {
    const queue =
      this.kind === 'postgres'
        ? new Queue<T>(name, { ...opts, connection: this.pgConnection() } as never, createPostgresBackend as never)
        : new Queue<T>(name, { ...opts, connection: this.redisConnection() });
    this.closables.push(queue);
    return queue as Queue<T>;
  }

  worker<T = unknown>(
    name: string,
    processor: (job: Job<T>) => Promise<unknown>,
    opts: Omit<WorkerOptions, 'connection'> = {},
  ): Worker<T> {
    const worker =
      this.kind === 'postgres'
        ? new Worker<T>(name, processor, { ...opts, connection: this.pgConnection() } as never, createPostgresBackend as never)
        : new Worker<T>(name, processor, { ...opts, connection: this.redisConnection() });
    worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
    this.closables.unshift(worker as Worker<T>);
    return worker as Worker<T>;
  }

  async onApplicationShutdown(): Promise<void> {
    // Workers first (they finish their current job), then queues.
    for (const c of this.closables.splice(0)) await c.close().catch(() => undefined);
  }

  private pgConnection() {
    return { connectionString: this.databaseUrl, schema: BULLMQ_SCHEMA, max: 8 };
  }

  private redisConnection(): ConnectionOptions {
    const url = new URL(this.config.REDIS_URL!);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      // Workers block on Redis; BullMQ requires this to be null.
      maxRetriesPerRequest: null,
    };
  }
}
