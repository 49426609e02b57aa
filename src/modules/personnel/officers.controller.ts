import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth/decorators';
import { Actor } from '../../platform/context/request-context';
import { ListOfficersDto } from './officers.dto';
import { OfficersService } from './officers.service';

@ApiTags('personnel')
@ApiBearerAuth()
@Controller('officers')
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR')
  list(@CurrentActor() actor: Actor, @Query() filters: ListOfficersDto) {
    return this.officers.list(actor, filters);
  }
}
