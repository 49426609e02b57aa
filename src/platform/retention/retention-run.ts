import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { TransactionService } from '../database/transaction.service';
import { purgePapersOf } from '../documents/paper-purge';
import { purgeMessagesOf } from '../notify/notification-retention';
import { purgeOutboxMetadataOf } from '../eoffice/outbox/outbox-retention';
import { RetentionRule } from './retention-rule';

/** What one rule would purge (or purged) as of `at`. */
export interface RetentionRuleReport {
  recordType: string;
  what: string;
  days: number;
  /** Records whose period started before this instant are due. */
  cutoff: string;
  /** Due and purgeable now. */
  due: number;
  /** Due by age but held: their e-Office delivery is not finished (pending or failed). */
  held: number;
  /** When the oldest due record's period started. */
  oldestSince: string | null;
  /** A real run: records purged, and papers whose bytes went with them. */
  purged?: number;
  papers?: number;
}

export interface RetentionReport {
  at: string;
  dryRun: boolean;
  rules: RetentionRuleReport[];
}

export interface RetentionRunOptions {
  dryRun: boolean;
  /** Records purged so far of `total`, after each batch. */
  progress?: (done: number, total: number) => void;
  batch?: number;
}

const DEFAULT_BATCH = 200;
const DAY_MS = 86_400_000;
/** A record whose e-Office delivery is not finished keeps its data: the delivery may still need its paper. */
const OUTBOX_OPEN = `EXISTS (SELECT 1 FROM eoffice_outbox o WHERE o.source_type = $2 AND o.source_id = r.id::text AND o.status IN ('PENDING', 'FAILED'))`;

/**
 * Purges personal data whose retention has run out, rule by rule, in batches: each batch is
 * one transaction that takes its records with `FOR UPDATE SKIP LOCKED` (so the scheduled job
 * and `npm run purge` never purge, or audit, one record twice), runs the rule's statements,
 * empties the record's messages, drops its papers' bytes and appends one `retention.purged`
 * audit row per record. A dry run counts and writes nothing but its audited report. The audit
 * log itself is never purged (DPDP Rules, rule 6, ask for at least a year), so its chain stays
 * whole: its rows name records by id and reference, never a person.
 */
export class RetentionRun {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly rules: readonly RetentionRule[],
    private readonly config: AppConfig,
  ) {}

  async run(now: Date, options: RetentionRunOptions): Promise<RetentionReport> {
    const report: RetentionReport = { at: now.toISOString(), dryRun: options.dryRun, rules: [] };
    for (const rule of this.rules) report.rules.push(await this.count(rule, now));
    if (!options.dryRun) {
      const total = report.rules.reduce((n, r) => n + r.due, 0);
      let done = 0;
      options.progress?.(0, total);
      for (const [i, rule] of this.rules.entries()) {
        const figures = report.rules[i]!;
        Object.assign(figures, { purged: 0, papers: 0 });
        for (;;) {
          const batch = await this.purgeBatch(rule, new Date(figures.cutoff), options.batch ?? DEFAULT_BATCH);
          if (batch.records === 0) break;
          figures.purged! += batch.records;
          figures.papers! += batch.papers;
          done += batch.records;
          options.progress?.(Math.min(done, total), total);
        }
      }
    }
    await this.audit.recordAlone({
      action: options.dryRun ? 'retention.reported' : 'retention.run',
      entityType: 'retention',
      diff: {
        rules: report.rules.map((r) => ({
          recordType: r.recordType,
          days: r.days,
          due: r.due,
          held: r.held,
          ...(r.purged === undefined ? {} : { purged: r.purged, papers: r.papers }),
        })),
      },
    });
    return report;
  }

  private days(rule: RetentionRule): number {
    return this.config[rule.setting];
  }

  private async count(rule: RetentionRule, now: Date): Promise<RetentionRuleReport> {
    const cutoff = new Date(now.getTime() - this.days(rule) * DAY_MS);
    const [row]: Array<{ due: number; held: number; oldest: Date | null }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT held)::int AS due, count(*) FILTER (WHERE held)::int AS held,
              min(since) FILTER (WHERE NOT held) AS oldest
         FROM (SELECT ${rule.since} AS since, ${OUTBOX_OPEN} AS held FROM ${rule.recordType} r WHERE ${aged(rule)}) aged`,
      [cutoff, rule.recordType],
    );
    return {
      recordType: rule.recordType,
      what: rule.what,
      days: this.days(rule),
      cutoff: cutoff.toISOString(),
      due: row!.due,
      held: row!.held,
      oldestSince: row!.oldest ? new Date(row!.oldest).toISOString() : null,
    };
  }

  private purgeBatch(rule: RetentionRule, cutoff: Date, size: number): Promise<{ records: number; papers: number }> {
    return this.tx.run(async (em) => {
      const records: Array<{ id: string; ref: string }> = await em.query(
        `SELECT r.id::text AS id, ${rule.ref} AS ref FROM ${rule.recordType} r
          WHERE ${aged(rule)} AND NOT ${OUTBOX_OPEN}
          ORDER BY ${rule.since}, r.id LIMIT $3 FOR UPDATE OF r SKIP LOCKED`,
        [cutoff, rule.recordType, size],
      );
      if (records.length === 0) return { records: 0, papers: 0 };
      const ids = records.map((r) => r.id);
      for (const sql of rule.purge) await em.query(sql, [ids]);
      await em.query(`UPDATE ${rule.recordType} SET personal_data_purged_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      if (rule.messages) await purgeMessagesOf(em, rule.recordType, ids);
      if (rule.outboxMetadata) await purgeOutboxMetadataOf(em, rule.recordType, ids, rule.outboxMetadata);
      const papers = rule.papers ? await purgePapersOf(em, rule.recordType, ids) : [];
      const entries: AuditEntry[] = records.map((r) => ({
        action: 'retention.purged',
        entityType: rule.recordType,
        entityId: r.id,
        diff: {
          ref: r.ref,
          days: this.days(rule),
          papers: papers.filter((p) => p.sourceId === r.id).map((p) => p.id),
        },
      }));
      await this.audit.recordMany(em, entries);
      return { records: records.length, papers: papers.length };
    });
  }
}

/** Not yet purged, its period run out by `$1`, in a purgeable state. */
function aged(rule: RetentionRule): string {
  return `r.personal_data_purged_at IS NULL AND ${rule.since} < $1 AND (${rule.when ?? 'true'})`;
}
