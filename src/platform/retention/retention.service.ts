import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditChainer } from '../audit/audit-chainer';
import { AuditService } from '../audit/audit.service';
import { TransactionService } from '../database/transaction.service';
import { JobHandler } from '../queue/job-handler.decorator';
import { Clock, CLOCK } from '../time/clock';
import { RetentionReport, RetentionRun } from './retention-run';
import { RetentionRule } from './retention-rule';

export const RETENTION_RULES = Symbol('RETENTION_RULES');

/**
 * The scheduled retention job, and the report an administrator reads before turning purging
 * on: with RETENTION_PURGE unset the job only writes its dry-run report to the audit log.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');
  private readonly runner: RetentionRun;

  constructor(
    dataSource: DataSource,
    tx: TransactionService,
    audit: AuditService,
    private readonly chainer: AuditChainer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RETENTION_RULES) rules: readonly RetentionRule[],
  ) {
    this.runner = new RetentionRun(dataSource, tx, audit, rules, config);
  }

  /** What a purge would remove now (a dry run: nothing is changed; the report itself is audited). */
  async report(): Promise<RetentionReport> {
    const report = await this.runner.run(this.clock.now(), { dryRun: true });
    this.chainer.poke();
    return report;
  }

  @JobHandler('retention-purge')
  async job(): Promise<RetentionReport> {
    const report = await this.runner.run(this.clock.now(), { dryRun: !this.config.RETENTION_PURGE });
    this.chainer.poke();
    const line = report.rules.map((r) => `${r.recordType} ${r.purged ?? r.due}${r.held ? ` (${r.held} held)` : ''}`).join(', ');
    this.logger.log(`${report.dryRun ? 'due (dry run, RETENTION_PURGE is off)' : 'purged'}: ${line}`);
    return report;
  }
}
