import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { QueueService } from '../queue/queue.service';
import { HealthView } from './health.view';

/** Never throttled: a load balancer or monitor probes from one address many times a second. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueService,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView })
  async live(): Promise<HealthView> {
    return HealthView.from(await this.health.check([]));
  }

  /** Readiness: the database answers and the queue backend accepts work. */
  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView })
  async ready(): Promise<HealthView> {
    const result = await this.health.check([
      () => this.db.pingCheck('database').withTimeout(3000),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            const counts = await this.queues.queue('maintenance').getJobCounts('waiting', 'active', 'failed');
            return { backend: this.queues.backend.kind, maintenance: counts };
          })
          .withTimeout(3000),
    ]);
    return HealthView.from(result);
  }
}
