import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { uuidParam } from '../../../platform/http';
import { PROTEST_READERS } from '../protest-roles';
import { CreateRestrictionOrderDto, UpdateRestrictionOrderDto } from './restriction-order.dto';
import { RestrictionOrdersService } from './restriction-orders.service';
import { queryBoolean } from '../dto/query-boolean';

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
  list(@Query() q: RestrictionQueryDto) {
    return this.orders.list(q.includeLifted ?? false);
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  get(@Param('id', uuidParam('id')) id: string) {
    return this.orders.get(id);
  }

  @Post()
  @Roles('ADMIN')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRestrictionOrderDto) {
    return this.orders.create(actor, dto);
  }

  @Patch(':id')
  @Roles('ADMIN')
  update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateRestrictionOrderDto) {
    return this.orders.update(id, dto);
  }
}
