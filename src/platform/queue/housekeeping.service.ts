import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { TransactionService } from '../database/transaction.service';
import { affectedRows } from '../database/affected-rows';
import { JobHandler } from './job-handler.decorator';

export interface HousekeepingResult {
  purgedIdempotencyKeys: number;
  purgedRefreshTokens: number;
}

/** Purges expired idempotency keys, dead refresh tokens and old failed-login counts; runs on a BullMQ job scheduler. */
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger('Housekeeping');

  constructor(private readonly tx: TransactionService) {}

  @JobHandler('housekeeping')
  async run(job: Job): Promise<HousekeepingResult> {
    return this.tx.run(async (em) => {
      const keys = await em.query(`DELETE FROM idempotency_key WHERE expires_at < now()`);
      const tokens = await em.query(
        `DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '30 days'`,
      );
      // Failed-login counts are forgotten a day after the last failure (LoginThrottle).
      await em.query(`DELETE FROM login_throttle WHERE last_failure_at < now() - interval '1 day'`);
      const result = { purgedIdempotencyKeys: affectedRows(keys), purgedRefreshTokens: affectedRows(tokens) };
      await em.query(
        `INSERT INTO housekeeping_run (job_id, purged_idempotency_keys, purged_refresh_tokens) VALUES ($1, $2, $3)
         ON CONFLICT (job_id) DO NOTHING`,
        [job.id, result.purgedIdempotencyKeys, result.purgedRefreshTokens],
      );
      if (result.purgedIdempotencyKeys + result.purgedRefreshTokens > 0) this.logger.log(result);
      return result;
    });
  }
}
