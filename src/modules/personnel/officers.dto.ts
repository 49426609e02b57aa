import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Rank, RANKS } from './ranks';

export class ListOfficersDto {
  @ApiPropertyOptional({ enum: RANKS }) @IsOptional() @IsIn(RANKS) rank?: Rank;
  @ApiPropertyOptional({ enum: ['M', 'F', 'X'] }) @IsOptional() @IsIn(['M', 'F', 'X']) gender?: 'M' | 'F' | 'X';
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset = 0;
}
