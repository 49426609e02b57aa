import { SetMetadata } from '@nestjs/common';
import { JobName } from './jobs';

export const JOB_HANDLER = 'police-ops:job-handler';

/** Marks a provider method as the handler of a declared job. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);
