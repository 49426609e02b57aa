import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { AvailabilityView, WeeklyOffsCancelledView } from './personnel.view';

@ApiTags('personnel')
@ApiBearerAuth()
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('officers/:officerId/availability')
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'AUDITOR')
  @ApiOkResponse({ type: [AvailabilityView] })
  async list(
    @CurrentActor() actor: Actor,
    @Param('officerId', uuidParam('officerId')) officerId: string,
    @Query() q: AvailabilityQueryDto,
  ): Promise<AvailabilityView[]> {
    return (await this.availability.list(actor, officerId, q)).map((e) => AvailabilityView.from(e));
  }

  /** Leave, weekly off, court or training, entered here while e-Leave may be down. */
  @Post('officers/:officerId/availability')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: AvailabilityView })
  async create(
    @CurrentActor() actor: Actor,
    @Param('officerId', uuidParam('officerId')) officerId: string,
    @Body() dto: CreateAvailabilityDto,
  ): Promise<AvailabilityView> {
    return AvailabilityView.from(await this.availability.create(actor, officerId, dto));
  }

  // Declared before availability/:id/cancel, which would otherwise take "weekly-offs" as an id.
  /** VIP movement day: every weekly off in the window is cancelled, as the DGP's practice is. */
  @Post('availability/weekly-offs/cancel')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: WeeklyOffsCancelledView })
  async cancelWeeklyOffs(
    @CurrentActor() actor: Actor,
    @Body() dto: CancelWeeklyOffsDto,
  ): Promise<WeeklyOffsCancelledView> {
    return WeeklyOffsCancelledView.from(await this.availability.cancelWeeklyOffs(actor, dto));
  }

  @Post('availability/:id/cancel')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: AvailabilityView })
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CancelAvailabilityDto,
  ): Promise<AvailabilityView> {
    return AvailabilityView.from(await this.availability.cancel(actor, id, dto.reason));
  }
}
