import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import {
  AvailabilityQueryDto,
  CancelAvailabilityDto,
  CancelWeeklyOffsDto,
  CreateAvailabilityDto,
} from './availability.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('personnel')
@ApiBearerAuth()
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('officers/:officerId/availability')
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'AUDITOR')
  list(
    @CurrentActor() actor: Actor,
    @Param('officerId', uuidParam('officerId')) officerId: string,
    @Query() q: AvailabilityQueryDto,
  ) {
    return this.availability.list(actor, officerId, q);
  }

  /** Leave, weekly off, court or training, entered here while e-Leave may be down. */
  @Post('officers/:officerId/availability')
  @Roles('ADMIN', 'DUTY_OFFICER')
  create(
    @CurrentActor() actor: Actor,
    @Param('officerId', uuidParam('officerId')) officerId: string,
    @Body() dto: CreateAvailabilityDto,
  ) {
    return this.availability.create(actor, officerId, dto);
  }

  // Declared before availability/:id/cancel, which would otherwise take "weekly-offs" as an id.
  /** VIP movement day: every weekly off in the window is cancelled, as the DGP's practice is. */
  @Post('availability/weekly-offs/cancel')
  @Roles('ADMIN', 'DUTY_OFFICER')
  cancelWeeklyOffs(@CurrentActor() actor: Actor, @Body() dto: CancelWeeklyOffsDto) {
    return this.availability.cancelWeeklyOffs(actor, dto);
  }

  @Post('availability/:id/cancel')
  @Roles('ADMIN', 'DUTY_OFFICER')
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CancelAvailabilityDto,
  ) {
    return this.availability.cancel(actor, id, dto.reason);
  }
}
