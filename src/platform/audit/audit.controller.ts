import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';
import { AuditEntryView, ChainCheckView } from './audit.view';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('AUDITOR', 'ADMIN')
@Controller('audit')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  @Get()
  @ApiOkResponse({ type: [AuditEntryView] })
  async list(@Query() filters: AuditQueryDto): Promise<AuditEntryView[]> {
    return (await this.query.list(filters)).map((e) => AuditEntryView.from(e));
  }

  /** Walks the hash chain; the same check as `npm run audit:verify`. */
  @Get('verify')
  @ApiOkResponse({ type: ChainCheckView })
  async verify(): Promise<ChainCheckView> {
    return ChainCheckView.from(await this.query.verifyChain());
  }
}
