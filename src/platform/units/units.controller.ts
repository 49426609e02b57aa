import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ROLES } from '../auth/roles';
import { UnitsService } from './units.service';
import { UnitView } from './unit.view';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The organisation tree is not confidential: every signed-in user may read it. */
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [UnitView] })
  async list(): Promise<UnitView[]> {
    return (await this.units.list()).map((u) => UnitView.from(u));
  }
}
