import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '../../../platform/auth';
import { uuidParam } from '../../../platform/http';
import { PROTEST_READERS } from '../protest-roles';
import { CreateVenueDto, UpdateVenueDto } from './venue.dto';
import { VenuesService } from './venues.service';
import { queryBoolean } from '../dto/query-boolean';

class VenueQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsBoolean() includeInactive?: boolean;
}

/** The venue registry: everyone who handles applications reads it; admins keep it. */
@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests/venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  @Roles(...PROTEST_READERS)
  list(@Query() q: VenueQueryDto) {
    return this.venues.list(q.includeInactive ?? false);
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  get(@Param('id', uuidParam('id')) id: string) {
    return this.venues.get(id);
  }

  @Post()
  @Roles('ADMIN')
  create(@Body() dto: CreateVenueDto) {
    return this.venues.create(dto);
  }

  @Patch(':id')
  @Roles('ADMIN')
  update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateVenueDto) {
    return this.venues.update(id, dto);
  }
}
