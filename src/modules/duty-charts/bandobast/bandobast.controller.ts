import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { uuidParam } from '../../../platform/http';
import { ChartsService } from '../charts/charts.service';
import { AddDivisionsDto, CreateBandobastDto, ListBandobastsDto } from './bandobast.dto';
import { BandobastService } from './bandobast.service';
import {
  BandobastCreatedView,
  BandobastPage,
  BandobastTreeView,
  DutyChartView,
  WrittenStructureView,
} from '../duty-charts.view';

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
  @ApiCreatedResponse({ type: BandobastCreatedView })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateBandobastDto,
  ): Promise<BandobastCreatedView> {
    return BandobastCreatedView.from(await this.bandobasts.create(actor, dto));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: BandobastPage })
  async list(@CurrentActor() actor: Actor, @Query() q: ListBandobastsDto): Promise<BandobastPage> {
    return BandobastPage.from(await this.bandobasts.list(actor, q));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: BandobastTreeView })
  @ApiNotFoundResponse({
    description:
      'No such bandobast in your unit, or a need-to-know one: a bandobast drafted from a VIP programme is read only by the ' +
      'VIP desk and the duty officers of the units its current revision concerns (so on every path: tree, charts, papers).',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<BandobastTreeView> {
    return BandobastTreeView.from(await this.bandobasts.tree(actor, id));
  }

  @Post(':id/divisions')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: WrittenStructureView })
  async addDivisions(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddDivisionsDto,
  ): Promise<WrittenStructureView> {
    return WrittenStructureView.from(await this.bandobasts.addDivisions(actor, id, dto));
  }

  /** Opens the next chart version; after publication it starts from the version in force, pinned. */
  @Post(':id/charts')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: DutyChartView })
  async createChart(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DutyChartView> {
    return DutyChartView.from(await this.charts.createDraft(actor, id));
  }

  @Get(':id/charts')
  @Roles(...READERS)
  @ApiOkResponse({ type: [DutyChartView] })
  async listCharts(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DutyChartView[]> {
    return (await this.charts.list(actor, id)).map((c) => DutyChartView.from(c));
  }
}
