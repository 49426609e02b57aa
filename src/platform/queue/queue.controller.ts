import { Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { QueueName } from './jobs';
import { QueueService } from './queue.service';

@ApiTags('system')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('system')
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  /** Runs housekeeping now instead of waiting for its schedule. */
  @Post('housekeeping')
  async runHousekeeping() {
    const job = await this.queues.enqueue('housekeeping');
    return { queue: 'maintenance', jobId: job.id };
  }

  @Get('jobs/:queue/:id')
  async job(@Param('queue') queue: string, @Param('id') id: string) {
    const q = this.queues.allQueues().find((x) => x.name === queue);
    if (!q) throw new NotFoundException(`Queue ${queue} not found`);
    const job = await this.queues.queue(q.name as QueueName).getJob(id);
    if (!job) throw new NotFoundException(`Job ${id} not found in ${queue}`);
    return {
      id: job.id,
      name: job.name,
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      returnValue: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
      backend: this.queues.backend.kind,
    };
  }
}
