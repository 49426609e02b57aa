import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { JOB_HANDLER } from './job-handler.decorator';
import { JobName, JOBS, QueueName } from './jobs';
import { QueueBackend } from './queue.backend';

type Handler = (job: Job) => Promise<unknown>;

/** One job's run on this instance, as its handler returned or threw. */
export interface JobRun {
  queue: string;
  job: string;
  outcome: 'completed' | 'failed';
  seconds: number;
}

/** Owns the app's queues and workers, and routes each job to its declared handler. */
@Injectable()
export class QueueService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');
  private readonly queues = new Map<QueueName, Queue>();
  private readonly handlers = new Map<JobName, Handler>();
  private readonly runObservers: Array<(run: JobRun) => void> = [];
  private markReady!: () => void;
  /** Resolves once every queue and worker is up; timers that enqueue wait for it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    readonly backend: QueueBackend,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.collectHandlers();
    const queueNames = [...new Set(Object.values(JOBS).map((j) => j.queue))];
    for (const name of queueNames) {
      this.queues.set(name, this.backend.queue(name));
      const defs: Array<(typeof JOBS)[JobName]> = Object.values(JOBS).filter((j) => j.queue === name);
      const concurrency = Math.max(...defs.map((j) => j.concurrency(this.config)));
      const rates = defs.flatMap((j) => ('perSecond' in j ? [j.perSecond(this.config)] : []));
      this.backend.worker(name, (job) => this.dispatch(job), {
        concurrency,
        ...(rates.length ? { limiter: { max: Math.min(...rates), duration: 1000 } } : {}),
      });
    }
    for (const [name, def] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      if (!('every' in def)) continue;
      // Upsert: every instance may do this; the scheduler exists once.
      await this.queue(def.queue).upsertJobScheduler(name, { every: def.every(this.config) }, { name });
    }
    this.logger.log(`queues ready on ${this.backend.kind}: ${queueNames.join(', ')}`);
    this.markReady();
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue ${name} is not started`);
    return queue;
  }

  enqueue(name: JobName, data: object = {}, opts: JobsOptions = {}): Promise<Job> {
    return this.queue(JOBS[name].queue).add(name, data, { removeOnComplete: 1000, removeOnFail: 5000, ...opts });
  }

  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  /** Told of every job's run time as it ends (the metrics' job-duration histogram). */
  observeRuns(observer: (run: JobRun) => void): void {
    this.runObservers.push(observer);
  }

  private async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const started = performance.now();
    let outcome: JobRun['outcome'] = 'failed';
    try {
      const result = await handler(job);
      outcome = 'completed';
      return result;
    } finally {
      const run = { queue: job.queueName, job: job.name, outcome, seconds: (performance.now() - started) / 1000 };
      for (const observe of this.runObservers) {
        try {
          observe(run);
        } catch (err) {
          // An observer's fault must never fail the job it watched.
          this.logger.debug(`job run observer: ${(err as Error).message}`);
        }
      }
    }
  }

  private collectHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const proto = Object.getPrototypeOf(instance);
      if (!proto) continue;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, proto[method]);
        if (!name) continue;
        if (!(name in JOBS)) throw new Error(`@JobHandler('${name}') names a job that is not declared in JOBS`);
        if (this.handlers.has(name)) throw new Error(`Job ${name} has two handlers`);
        this.handlers.set(name, (job) => (instance[method] as Handler).call(instance, job));
      }
    }
    const missing = (Object.keys(JOBS) as JobName[]).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`Declared jobs without a @JobHandler: ${missing.join(', ')}`);
  }
}
