import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ROLES } from '../auth/roles';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The organisation tree is not confidential: every signed-in user may read it. */
  @Get()
  @Roles(...ROLES)
  list() {
    return this.units.list();
  }
}
