import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { RetentionService } from './retention.service';
import { RetentionReportView } from './retention.view';

@ApiTags('system')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('system/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The dry-run report: what the retention job would purge now, rule by rule. Changes nothing; audited. */
  @Get()
  @ApiOkResponse({ type: RetentionReportView })
  async report(): Promise<RetentionReportView> {
    return RetentionReportView.from(await this.retention.report());
  }
}
