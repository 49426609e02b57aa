import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { uuidParam } from '../../../platform/http';
import { ChartsService } from '../charts/charts.service';
import { AddDivisionsDto, CreateBandobastDto, ListBandobastsDto } from './bandobast.dto';
import { BandobastService } from './bandobast.service';

const READERS = ['ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR'] as const;

/** Bandobast events and their structure: divisions → sectors → posts → shifts. */
@ApiTags('duty-charts')
@ApiBearerAuth()
@Controller('bandobasts')
export class BandobastController {
  constructor(
    private readonly bandobasts: BandobastService,
    private readonly charts: ChartsService,
  ) {}

  @Post()
  @Roles('ADMIN', 'DUTY_OFFICER')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBandobastDto) {
    return this.bandobasts.create(actor, dto);
  }

  @Get()
  @Roles(...READERS)
  list(@CurrentActor() actor: Actor, @Query() q: ListBandobastsDto) {
    return this.bandobasts.list(actor, q);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.bandobasts.tree(actor, id);
  }

  @Post(':id/divisions')
  @Roles('ADMIN', 'DUTY_OFFICER')
  addDivisions(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddDivisionsDto,
  ) {
    return this.bandobasts.addDivisions(actor, id, dto);
  }

  /** Opens the next chart version; after publication it starts from the version in force, pinned. */
  @Post(':id/charts')
  @Roles('ADMIN', 'DUTY_OFFICER')
  createChart(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.charts.createDraft(actor, id);
  }

  @Get(':id/charts')
  @Roles(...READERS)
  listCharts(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.charts.list(actor, id);
  }
}
