import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PG_INTEGER_MAX } from '../../../platform/http';
import { Rank, RANKS } from '../../../platform/ranks';

export class SolveChartDto {
  @ApiPropertyOptional({
    description: 'Solver seed; the same seed and data give the same chart',
    example: 7,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class AddAssignmentDto {
  @ApiProperty() @IsUUID() officerId!: string;
  @ApiProperty() @IsUUID() shiftId!: string;
  @ApiPropertyOptional({ enum: RANKS, description: "Slot filled; default the officer's own rank" })
  @IsOptional()
  @IsIn(RANKS)
  slotRank?: Rank;
}

export class PinAssignmentDto {
  @ApiProperty({ description: 'Pinned duties are kept as they are by every re-solve' })
  @IsBoolean()
  pinned!: boolean;
}

export class ListAssignmentsDto {
  @ApiPropertyOptional({ example: 'D1-S3-P12-A' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  shiftCode?: string;
  @ApiPropertyOptional({ example: 'BPL-04127' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  beltNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) pinned?: 'true' | 'false';
  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit = 200;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset =
    0;
}

export class ChartPdfQueryDto {
  @ApiPropertyOptional({
    description: 'Thana code for its own chart; omit for the master chart',
    example: 'TT_NAGAR',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/)
  thana?: string;
}
