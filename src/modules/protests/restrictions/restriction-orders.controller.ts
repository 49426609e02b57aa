import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { uuidParam } from '../../../platform/http';
import { PROTEST_READERS } from '../protest-roles';
import { CreateRestrictionOrderDto, UpdateRestrictionOrderDto } from './restriction-order.dto';
import { RestrictionOrdersService } from './restriction-orders.service';
import { queryBoolean } from '../dto/query-boolean';
import { RestrictionOrderView } from './restriction-order.view';

class RestrictionQueryDto {
  @ApiPropertyOptional({ description: 'Include lifted orders' })
  @IsOptional() @Transform(queryBoolean) @IsBoolean()
  includeLifted?: boolean;
}

@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests/restriction-orders')
export class RestrictionOrdersController {
  constructor(private readonly orders: RestrictionOrdersService) {}

  /** Orders in force now or later. */
  @Get()
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: [RestrictionOrderView] })
  async list(@Query() q: RestrictionQueryDto): Promise<RestrictionOrderView[]> {
    return (await this.orders.list(q.includeLifted ?? false)).map((o) => RestrictionOrderView.from(o));
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: RestrictionOrderView })
  async get(@Param('id', uuidParam('id')) id: string): Promise<RestrictionOrderView> {
    return RestrictionOrderView.from(await this.orders.get(id));
  }

  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RestrictionOrderView })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateRestrictionOrderDto): Promise<RestrictionOrderView> {
    return RestrictionOrderView.from(await this.orders.create(actor, dto));
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: RestrictionOrderView })
  async update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateRestrictionOrderDto): Promise<RestrictionOrderView> {
    return RestrictionOrderView.from(await this.orders.update(id, dto));
  }
}
