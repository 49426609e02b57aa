import type { AppConfig } from '../../config/config';
import { deliveryJobsPerSecond } from '../eoffice/outbox/delivery-batch';

interface JobDefinition {
  queue: string;
  concurrency: (config: AppConfig) => number;
  /** Most jobs per second on this queue (across its workers in this instance). */
  perSecond?: (config: AppConfig) => number;
  /** Repeat on a BullMQ job scheduler every so many ms. */
  every?: (config: AppConfig) => number;
}

/**
 * Every job the app runs, and its queue. A job declared here without a handler (or a
 * handler for a job not declared here) stops the boot: a job that silently goes nowhere
 * is impossible by construction.
 */
export const JOBS = {
  housekeeping: {
    queue: 'maintenance',
    concurrency: () => 1,
    every: (config: AppConfig) => config.HOUSEKEEPING_INTERVAL_SECONDS * 1000,
  },
  /** One delivery attempt of each of a batch of due outbox rows; jobId = first outbox id and the instance's key. */
  'eoffice-deliver': {
    queue: 'eoffice',
    concurrency: (config: AppConfig) => config.EOFFICE_CONCURRENCY,
    // Jobs a second: each carries a batch, so the rows a second stay within the configured rate.
    perSecond: (config: AppConfig) => deliveryJobsPerSecond(config.EOFFICE_DRAIN_PER_SECOND, config.EOFFICE_CONCURRENCY),
  },
  /** One attempt to send one queued SMS or e-mail; jobId = notification id. */
  'notify-send': {
    queue: 'notify',
    concurrency: () => 4,
  },
  /** Solves one duty-chart version (in a worker thread); jobId = solve-<chart>-<seq>. */
  'duty-chart-solve': {
    queue: 'duty-solve',
    concurrency: () => 1,
  },
  /** Renders and issues a chart version's papers and slips, then publishes it; jobId = publish-<chart>-<version>. */
  'duty-chart-publish': {
    queue: 'duty-publish',
    concurrency: () => 1,
  },
  /** Purges personal data past its retention, or with RETENTION_PURGE off only reports what is due (audited). */
  'retention-purge': {
    queue: 'maintenance',
    concurrency: () => 1,
    every: (config: AppConfig) => config.RETENTION_INTERVAL_SECONDS * 1000,
  },
  /** Tells verifiers and the circle's DSP of verifications near or past their Lok Seva limit. */
  'verification-escalate': {
    queue: 'maintenance',
    concurrency: () => 1,
    every: (config: AppConfig) => config.VERIFICATION_ESCALATION_INTERVAL_SECONDS * 1000,
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type QueueName = (typeof JOBS)[JobName]['queue'];
