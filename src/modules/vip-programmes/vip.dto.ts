import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { InCommissionerate } from '../../platform/geo';
import { DateTimeField, PG_INTEGER_MAX } from '../../platform/http';
import { LEG_ACTIVITIES, LEG_MODES, LegActivity, LegMode } from './leg';
import { SECURITY_CATEGORIES, SecurityCategory } from './vip.entity';

export class PlaceDto {
  @ApiProperty({ example: 'State Hangar, Bhopal' }) @IsString() @Length(2, 200) name!: string;
  @ApiProperty({ example: 23.2875 }) @InCommissionerate('lat') lat!: number;
  @ApiProperty({ example: 77.3374 }) @InCommissionerate('lng') lng!: number;
}

export class LegDto {
  @ApiPropertyOptional({ description: 'Keep the key of an existing leg when revising; omit for a new leg' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'key must be 1-40 letters, digits, - or _' })
  key?: string;
  @DateTimeField({ example: '2026-11-27T10:00:00+05:30', description: 'A new leg, or a changed time, may not lie in the past' }) start!: string;
  @DateTimeField({ example: '2026-11-27T10:40:00+05:30' }) end!: string;
  @ApiProperty({ type: PlaceDto }) @IsDefined() @ValidateNested() @Type(() => PlaceDto) from!: PlaceDto;
  @ApiProperty({ type: PlaceDto }) @IsDefined() @ValidateNested() @Type(() => PlaceDto) to!: PlaceDto;
  @ApiProperty({ enum: LEG_MODES }) @IsIn(LEG_MODES) mode!: LegMode;
  @ApiPropertyOptional({ example: 'VT-MPG' }) @IsOptional() @Matches(/^[A-Z]{2}-[A-Z0-9]{2,5}$/, { message: 'registration must look like VT-MPG' }) registration?: string;
  @ApiProperty({ type: [PlaceDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PlaceDto) route!: PlaceDto[];
  @ApiPropertyOptional({ example: 'Lal Parade Ground' }) @IsOptional() @IsString() @Length(1, 200) venue?: string;
  @ApiProperty({ enum: LEG_ACTIVITIES }) @IsIn(LEG_ACTIVITIES) activity!: LegActivity;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) remarks?: string;
}

export class CreateProtecteeDto {
  @ApiProperty() @IsString() @Length(2, 120) nameEn!: string;
  @ApiProperty() @IsString() @Length(2, 120) nameHi!: string;
  @ApiProperty({ example: 'Chief Minister, Madhya Pradesh' }) @IsString() @Length(2, 200) designationEn!: string;
  @ApiProperty({ example: 'मुख्यमंत्री, मध्यप्रदेश' }) @IsString() @Length(2, 200) designationHi!: string;
  @ApiProperty({ enum: SECURITY_CATEGORIES }) @IsIn(SECURITY_CATEGORIES) category!: SecurityCategory;
  @ApiPropertyOptional({ example: 'SHAKTI-1' }) @IsOptional() @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'callSign must be 2-20 capital letters, digits or -' }) callSign?: string;
  @ApiProperty({ description: 'Position on the ranked list (1 = highest)' }) @IsInt() @Min(1) @Max(10000) listRank!: number;
}

class ProgrammeBody {
  @ApiProperty({ type: [LegDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => LegDto)
  legs!: LegDto[];

  @ApiPropertyOptional({ description: 'Unit codes to add to the units computed from the route', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  addUnits?: string[];

  @ApiPropertyOptional({ description: 'Unit codes to drop from the computed units', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  removeUnits?: string[];
}

export class CreateProgrammeDto extends ProgrammeBody {
  @ApiProperty() @IsUUID() protecteeId!: string;
  @ApiProperty({ example: 'मुख्यमंत्री का भोपाल भ्रमण / CM visit to Bhopal' }) @IsString() @Length(3, 200) title!: string;
}

export class ReviseProgrammeDto extends ProgrammeBody {
  @ApiProperty({ description: 'The revision you are revising (optimistic lock)' }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) revision!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 500) reason?: string;
}

export class CancelProgrammeDto {
  @ApiProperty() @IsString() @Length(5, 500) reason!: string;
}
