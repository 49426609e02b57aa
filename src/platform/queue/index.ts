// What domain modules may use of the queues: declared jobs, their handler decorator, enqueueing.
export { JobHandler } from './job-handler.decorator';
export { JOBS } from './jobs';
export type { JobName, QueueName } from './jobs';
export { QueueService } from './queue.service';
export type { JobRun } from './queue.service';
