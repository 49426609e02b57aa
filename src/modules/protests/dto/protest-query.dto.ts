import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DateTimeField, PG_INTEGER_MAX } from '../../../platform/http';
import { EVENT_TYPE_CODES, EventType } from '../event-types';
import { PROTEST_STATUSES, ProtestStatus } from '../protest-workflow';
import { queryBoolean } from './query-boolean';

/** The control room's list: events overlapping [from, to), and the flags it works by. */
export class ProtestQueryDto {
  @DateTimeField({ optional: true, description: 'Events ending after this instant' }) from?: string;
  @DateTimeField({ optional: true, description: 'Events starting before this instant' }) to?: string;
  @ApiPropertyOptional({ enum: PROTEST_STATUSES }) @IsOptional() @IsIn(PROTEST_STATUSES) status?: ProtestStatus;
  @ApiPropertyOptional({ example: 'TT_NAGAR' }) @IsOptional() @IsString() @Length(2, 40) thana?: string;
  @ApiPropertyOptional({ example: 'AMBEDKAR_PARK' }) @IsOptional() @IsString() @Length(2, 40) venue?: string;
  @ApiPropertyOptional({ enum: EVENT_TYPE_CODES }) @IsOptional() @IsIn(EVENT_TYPE_CODES) type?: EventType;
  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsBoolean() late?: boolean;
  @ApiPropertyOptional({ description: 'Has clashes on its record now, as this user is shown them there: another live protest application they may open, or VIP movement (withheld or not). Only a live application has clashes.' }) @IsOptional() @Transform(queryBoolean) @IsBoolean() clash?: boolean;
  @ApiPropertyOptional({ description: 'Still undecided within the SLA window before the start' }) @IsOptional() @Transform(queryBoolean) @IsBoolean() sla?: boolean;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}
