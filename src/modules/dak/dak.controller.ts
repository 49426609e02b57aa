import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import { CreateDakDto, DakQueryDto } from './dak.dto';
import { DakService } from './dak.service';

@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak')
export class DakController {
  constructor(private readonly dak: DakService) {}

  /** Enter an inward item; it is numbered at once and queued for e-Office diarisation. */
  @Post()
  @Roles('CONTROL_ROOM', 'ADMIN')
  receive(@CurrentActor() actor: Actor, @Body() dto: CreateDakDto) {
    return this.dak.receive(actor, dto);
  }

  @Get()
  @Roles('CONTROL_ROOM', 'ADMIN', 'APPROVER', 'AUDITOR')
  list(@CurrentActor() actor: Actor, @Query() q: DakQueryDto) {
    return this.dak.list(actor, q);
  }

  @Get(':id')
  @Roles('CONTROL_ROOM', 'ADMIN', 'APPROVER', 'AUDITOR')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.dak.get(actor, id);
  }
}
