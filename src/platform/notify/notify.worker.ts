import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { retryDelayMs } from '../eoffice/outbox/backoff';
import { JobHandler } from '../queue/job-handler.decorator';
import { QueueService } from '../queue/queue.service';
import { Notification } from './notification.entity';
import { SMS_GATEWAY, SmsGateway, SmsRefused } from './sms-gateway';

const MAX_ATTEMPTS = 10;

/** Sends queued notifications: polls due rows into the queue (jobId = id), one attempt per job. */
@Injectable()
export class NotifyWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notify');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    @Inject(SMS_GATEWAY) private readonly sms: SmsGateway,
  ) {}

  onApplicationBootstrap(): void {
    void this.queues.ready.then(() => {
      this.timer = setInterval(() => void this.dispatch(), 1000);
      this.timer.unref();
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async dispatch(): Promise<void> {
    try {
      const due: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY created_at LIMIT 200`,
      );
      if (due.length === 0) return;
      await this.queues.queue('notify').addBulk(
        due.map(({ id }) => ({ name: 'notify-send', data: { id }, opts: { jobId: id, removeOnComplete: true, removeOnFail: true } })),
      );
    } catch (e) {
      this.logger.warn(`dispatch failed: ${(e as Error).message}`);
    }
  }

  @JobHandler('notify-send')
  async send(job: Job<{ id: string }>): Promise<string> {
    const n = await this.dataSource.getRepository(Notification).findOne({ where: { id: job.data.id } });
    if (!n || n.status !== 'PENDING' || n.nextAttemptAt > new Date()) return 'skipped';
    try {
      // Only SMS has an adapter today; e-mail goes through the same sink until one is configured.
      const { providerRef, status } = await this.sms.send({ id: n.id, to: n.recipient, text: n.body });
      // The sink's messages are kept, not sent: no sent_at, and their own status.
      await this.dataSource.query(
        `UPDATE notification SET status = $4, sent_at = CASE WHEN $4 = 'SENT' THEN now() END, provider = $2, provider_ref = $3,
           attempts = attempts + 1 WHERE id = $1 AND status = 'PENDING'`,
        [n.id, this.sms.name, providerRef, status],
      );
      return status === 'SENT' ? 'sent' : 'kept-in-sink';
    } catch (e) {
      // A refusal is final; anything else is tried again until the attempts run out.
      const failure = e instanceof SmsRefused ? e.failure : n.attempts + 1 >= MAX_ATTEMPTS ? 'GAVE_UP' : null;
      await this.dataSource.query(
        `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = $3, failure = $5,
           next_attempt_at = now() + $4 * interval '1 millisecond' WHERE id = $1 AND status = 'PENDING'`,
        [n.id, (e as Error).message.slice(0, 500), failure ? 'FAILED' : 'PENDING', retryDelayMs(n.attempts + 1), failure],
      );
      return failure ? 'failed' : 'retry-later';
    }
  }
}
