import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateTimeField } from '../http/validators';

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'si.sharma', description: 'The username the actor had when acting' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actorUsername?: string;
  @DateTimeField({ optional: true, description: 'Entries at or after this instant' }) from?: string;
  @DateTimeField({ optional: true, description: 'Entries before this instant' }) to?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
  @ApiPropertyOptional({ description: 'Return rows with id below this (paging backwards)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;
}
