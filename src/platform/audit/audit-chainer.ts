import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DocumentSigner } from '../documents/document-signer';
import { TransactionService } from '../database/transaction.service';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { AUDIT_SIGNER, headStatement, toChainedFields } from './audit-verify';

/** Only one chainer links rows at a time, across every instance on the database. */
export const CHAINER_LOCK = 0x41554454; // "AUDT"
const BATCH = 2000;
/** Rows committed by other instances (or missed by a poke) are picked up this often. */
const SWEEP_INTERVAL_MS = 1000;
/** A poke waits this long, so the rows of changes committing together are chained in one pass. */
const POKE_DELAY_MS = 100;
/** The head is signed when it has moved and the last signature is at least this old. */
export const HEAD_SIGN_INTERVAL_MS = 60_000;

/**
 * What a pass reads: the pending ids first, then their rows by key. Joined in one query, the
 * planner (its estimate taken from the LIMIT, not from the few rows pending) merge- or
 * hash-joins and reads audit_log whole on every pass, a cost that grows with the log.
 */
export const PENDING_IDS = 'SELECT audit_id::text FROM audit_pending ORDER BY audit_id LIMIT $1';
export const PENDING_ROWS = `SELECT a.id::text, a.at, a.actor_id, a.actor_username, a.action, a.entity_type, a.entity_id, a.diff, a.ip, a.request_id
  FROM audit_log a WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`;

/**
 * Links committed audit rows into the hash chain, in the order it finds them, right after
 * the changes that wrote them commit (the unit of work pokes it) and on a short sweep.
 * Business transactions never wait for it; the chain is at most a moment behind.
 */
@Injectable()
export class AuditChainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditChainer');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;
  private soon?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    @Inject(AUDIT_SIGNER) private readonly signer: DocumentSigner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.pass(), SWEEP_INTERVAL_MS);
    this.timer.unref();
    this.pass();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a chaining pass soon; pokes close together share one pass. */
  poke(): void {
    if (this.stopped || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.pass();
    }, POKE_DELAY_MS);
    this.soon.unref();
  }

  /** Passes never overlap; asked for during one, another runs after it. */
  private pass(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.chainAll({ wait: false })
      .catch((e: Error) => {
        if (!this.stopped) this.logger.warn(`chaining failed, will retry: ${e.message}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.pass();
        }
      });
  }

  /**
   * Chains everything committed so far (and signs the head when due, or now with `signHead`);
   * returns the rows chained. Called directly (tests, tools) it waits for another chainer to
   * finish instead of leaving the work to it.
   */
  async chainAll(options: { signHead?: boolean; wait?: boolean } = { wait: true }): Promise<number> {
    let total = 0;
    for (;;) {
      const chained = await this.tx.run((em) => this.chainBatch(em, options.signHead ?? false, options.wait ?? true));
      if (chained === null) return total; // another instance holds the chainer's lock
      total += chained;
      if (chained < BATCH) return total;
    }
  }

  private async chainBatch(em: EntityManager, forceSign: boolean, wait: boolean): Promise<number | null> {
    if (wait) await em.query('SELECT pg_advisory_xact_lock($1)', [CHAINER_LOCK]);
    else {
      const [{ locked }] = (await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [CHAINER_LOCK])) as Array<{ locked: boolean }>;
      if (!locked) return null;
    }
    const heads: Array<{ position: string; hash: string }> = await em.query(
      'SELECT c.position::text AS position, c.hash FROM audit_chain c ORDER BY c.position DESC LIMIT 1',
    );
    let position = heads.length > 0 ? BigInt(heads[0]!.position) : 0n;
    let prevHash = heads[0]?.hash ?? GENESIS_HASH;
    const pending: Array<{ audit_id: string }> = await em.query(PENDING_IDS, [BATCH]);
    const rows: Array<Record<string, unknown>> = pending.length ? await em.query(PENDING_ROWS, [pending.map((p) => p.audit_id)]) : [];
    if (rows.length > 0) {
      const positions: string[] = [];
      const ids: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        position += 1n;
        const hash = chainHash(prevHash, toChainedFields(row));
        positions.push(position.toString());
        ids.push(row.id as string);
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await em.query(
        `INSERT INTO audit_chain (position, audit_id, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`,
        [positions, ids, prevs, hashes],
      );
      await em.query('DELETE FROM audit_pending WHERE audit_id = ANY($1::bigint[])', [ids]);
    }
    if (position > 0n) await this.signHeadIfDue(em, position, prevHash, forceSign);
    return rows.length;
  }

  private async signHeadIfDue(em: EntityManager, position: bigint, hash: string, force: boolean): Promise<void> {
    const last: Array<{ position: string; signed_at: Date }> = await em.query(
      'SELECT position::text, signed_at FROM audit_head_signature ORDER BY id DESC LIMIT 1',
    );
    const previous = last[0];
    if (previous && BigInt(previous.position) === position) return;
    if (!force && previous && Date.now() - previous.signed_at.getTime() < HEAD_SIGN_INTERVAL_MS) return;
    const signedAt = new Date();
    const signature = this.signer.signStatement(headStatement(position.toString(), hash, signedAt));
    await em.query(
      'INSERT INTO audit_head_signature (position, hash, signed_at, key_fingerprint, signature) VALUES ($1, $2, $3, $4, $5)',
      [position.toString(), hash, signedAt, this.signer.fingerprint, signature],
    );
  }
}
