import { Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { QueueName } from './jobs';
import { QueueService } from './queue.service';
import { EnqueuedJobView, JobView } from './queue.view';

@ApiTags('system')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('system')
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  /** Runs housekeeping now instead of waiting for its schedule. */
  @Post('housekeeping')
  @ApiCreatedResponse({ type: EnqueuedJobView })
  async runHousekeeping(): Promise<EnqueuedJobView> {
    const job = await this.queues.enqueue('housekeeping');
    return EnqueuedJobView.from({ queue: 'maintenance', jobId: job.id });
  }

  @Get('jobs/:queue/:id')
  @ApiOkResponse({ type: JobView })
  async job(@Param('queue') queue: string, @Param('id') id: string): Promise<JobView> {
    const q = this.queues.allQueues().find((x) => x.name === queue);
    if (!q) throw new NotFoundException(`Queue ${queue} not found`);
    const job = await this.queues.queue(q.name as QueueName).getJob(id);
    if (!job) throw new NotFoundException(`Job ${id} not found in ${queue}`);
    return JobView.from({
      id: job.id,
      name: job.name,
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      returnValue: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
      backend: this.queues.backend.kind,
    });
  }
}
