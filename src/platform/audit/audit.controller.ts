import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('AUDITOR', 'ADMIN')
@Controller('audit')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  @Get()
  list(@Query() filters: AuditQueryDto) {
    return this.query.list(filters);
  }

  /** Walks the hash chain; the same check as `npm run audit:verify`. */
  @Get('verify')
  verify() {
    return this.query.verifyChain();
  }
}
