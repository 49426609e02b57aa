import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PG_INTEGER_MAX } from '../http/field-error';
import { OUTBOX_STATUSES, OutboxStatus } from './outbox/outbox.entity';

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) sourceType?: string;
  @ApiPropertyOptional({ example: 'PRT/2026/000123' }) @IsOptional() @IsString() @Length(1, 80) sourceRef?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}

export class CancelOutboxDto {
  @ApiProperty({ example: 'Duplicate of the item diarised by hand on 02-12-2026' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

export class OutageQueryDto {
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 20;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}
