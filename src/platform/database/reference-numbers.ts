import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { istYear } from '../time';

/** Numbers made available at a time when a type's pool of free numbers runs dry. */
const TOP_UP = 32;

const format = (prefix: string, year: number, n: number) => `${prefix}/${year}/${String(n).padStart(6, '0')}`;

/**
 * Human reference numbers, e.g. `PRT/2026/000123`, per prefix and IST calendar year, with
 * no gaps and without making changes of one type wait for each other.
 *
 * Numbers come from a pool of free numbers (`reference_free`). A change takes the lowest
 * free number that no other open transaction holds (`FOR UPDATE SKIP LOCKED`) and deletes it
 * in its own transaction: if the change rolls back, the number is free again and the next
 * change takes it. So every number ends up on exactly one record, while concurrent changes
 * never queue on a counter row held to their commit (which is what made dak entry single-file).
 * Numbers are therefore unique and gap-free, but not strictly in commit order. When the pool
 * is empty, the counter makes the next `TOP_UP` numbers free in a transaction of its own, on
 * a connection of its own, so a change never waits for another change to commit.
 */
@Injectable()
export class ReferenceNumbers implements OnApplicationShutdown {
  /** The top-up connection, opened on first use and kept: connecting (SCRAM) costs more than the top-up. */
  private topUpClient?: Promise<Client>;
  /** Top-ups of this instance run one after another on that connection. */
  private topUps: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    const client = this.topUpClient;
    this.topUpClient = undefined;
    await (await client?.catch(() => undefined))?.end().catch(() => undefined);
  }

  /** Takes a number inside the change's transaction; a rollback gives it back. */
  async take(em: EntityManager, prefix: string, at: Date = new Date()): Promise<string> {
    const year = istYear(at);
    for (let attempt = 0; ; attempt++) {
      // TypeORM answers a DELETE with [rows, count].
      const [rows] = (await em.query(
        `DELETE FROM reference_free WHERE (prefix, year, n) = (
           SELECT prefix, year, n FROM reference_free WHERE prefix = $1 AND year = $2 ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING n`,
        [prefix, year],
      )) as [Array<{ n: number }>, number];
      if (rows.length > 0) return format(prefix, year, rows[0]!.n);
      if (attempt >= 5) throw new Error(`no free ${prefix} reference number after topping up ${attempt} times`);
      await this.topUp(prefix, year);
    }
  }

  /**
   * The number `take` would most likely give now, read without holding anything: papers that
   * print their record's new number are drawn with it before the transaction, and redrawn in
   * the rare case that another change took it first (see UnitOfWork).
   */
  async peek(prefix: string, at: Date = new Date()): Promise<string> {
    const year = istYear(at);
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT coalesce(
         (SELECT n FROM reference_free WHERE prefix = $1 AND year = $2 ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED),
         (SELECT last_value + 1 FROM reference_counter WHERE prefix = $1 AND year = $2),
         1) AS n`,
      [prefix, year],
    );
    return format(prefix, year, rows[0]!.n);
  }

  /** Commits at once, on its own connection: the pool's connections may all be inside changes waiting for a number. */
  private topUp(prefix: string, year: number): Promise<void> {
    const run = this.topUps.then(() => this.topUpNow(prefix, year));
    this.topUps = run.catch(() => undefined);
    return run;
  }

  private async topUpNow(prefix: string, year: number): Promise<void> {
    this.topUpClient ??= this.connect();
    let client: Client;
    try {
      client = await this.topUpClient;
    } catch (e) {
      this.topUpClient = undefined;
      throw e;
    }
    try {
      await client.query(
        `WITH c AS (
           INSERT INTO reference_counter (prefix, year, last_value) VALUES ($1, $2, $3)
           ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counter.last_value + $3
           RETURNING last_value)
         INSERT INTO reference_free (prefix, year, n)
         SELECT $1, $2, g FROM c, generate_series(c.last_value - $3 + 1, c.last_value) g`,
        [prefix, year, TOP_UP],
      );
    } catch (e) {
      // A broken connection is replaced on the next top-up; the caller's take retries.
      this.topUpClient = undefined;
      await client.end().catch(() => undefined);
      throw e;
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: (this.dataSource.options as { url: string }).url, application_name: 'police-ops reference numbers' });
    client.on('error', () => {
      this.topUpClient = undefined;
    });
    await client.connect();
    return client;
  }
}
