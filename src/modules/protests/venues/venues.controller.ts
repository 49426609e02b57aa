import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '../../../platform/auth';
import { uuidParam } from '../../../platform/http';
import { PROTEST_READERS } from '../protest-roles';
import { CreateVenueDto, UpdateVenueDto } from './venue.dto';
import { VenuesService } from './venues.service';
import { queryBoolean } from '../dto/query-boolean';
import { VenueView } from './venue.view';

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
  @ApiOkResponse({ type: [VenueView] })
  async list(@Query() q: VenueQueryDto): Promise<VenueView[]> {
    return (await this.venues.list(q.includeInactive ?? false)).map((v) => VenueView.from(v));
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: VenueView })
  async get(@Param('id', uuidParam('id')) id: string): Promise<VenueView> {
    return VenueView.from(await this.venues.get(id));
  }

  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: VenueView })
  async create(@Body() dto: CreateVenueDto): Promise<VenueView> {
    return VenueView.from(await this.venues.create(dto));
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: VenueView })
  async update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateVenueDto): Promise<VenueView> {
    return VenueView.from(await this.venues.update(id, dto));
  }
}
