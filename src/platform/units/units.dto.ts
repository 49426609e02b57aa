import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { InCommissionerate } from '../geo';
import { PG_INTEGER_MAX } from '../http';
import { CREATABLE_UNIT_KINDS, CreatableUnitKind, DEVANAGARI, UNIT_CODE } from './tree-rules';

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;
const HINDI_MESSAGE = 'nameHi must be the Hindi name, written in Devanagari';
const CODE_MESSAGE = 'must be 2–40 letters A–Z, digits or "_"';

export class ListUnitsDto {
  @ApiPropertyOptional({ description: 'Also list retired units', default: false })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetired?: 'true' | 'false';
}

export class CreateUnitDto {
  @ApiProperty({
    example: 'PIPLANI',
    description: 'Unique; becomes part of the path of every unit under it',
  })
  @Transform(upper)
  @Matches(UNIT_CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;
  @ApiProperty({
    enum: CREATABLE_UNIT_KINDS,
    description: 'ZONE, DIVISION (ACP circle), THANA or BRANCH',
  })
  @IsIn(CREATABLE_UNIT_KINDS)
  kind!: CreatableUnitKind;
  @ApiProperty({ example: 'Piplani' })
  @Transform(trimmed)
  @IsString()
  @Length(2, 120)
  nameEn!: string;
  @ApiProperty({ example: 'पिपलानी' })
  @Transform(trimmed)
  @IsString()
  @Length(2, 120)
  @Matches(DEVANAGARI, { message: HINDI_MESSAGE })
  nameHi!: string;
  @ApiProperty({ example: 'ACP_GOVINDPURA', description: 'Code of the unit it hangs from' })
  @Transform(upper)
  @Matches(UNIT_CODE, { message: `parentCode ${CODE_MESSAGE}` })
  parentCode!: string;
  @ApiPropertyOptional({ example: 23.245 }) @IsOptional() @InCommissionerate('lat') lat?: number;
  @ApiPropertyOptional({ example: 77.47 }) @IsOptional() @InCommissionerate('lng') lng?: number;
}

/** Names, kind and place on the map; the code and the parent change only by a move. */
export class UpdateUnitDto {
  @ApiProperty({ description: 'The version you last read' }) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) version!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(2, 120)
  nameEn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(2, 120)
  @Matches(DEVANAGARI, { message: HINDI_MESSAGE })
  nameHi?: string;
  @ApiPropertyOptional({ enum: CREATABLE_UNIT_KINDS })
  @IsOptional()
  @IsIn(CREATABLE_UNIT_KINDS)
  kind?: CreatableUnitKind;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'null takes the unit off the map',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @InCommissionerate('lat')
  lat?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'null takes the unit off the map',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @InCommissionerate('lng')
  lng?: number | null;
}

export class MoveUnitDto {
  @ApiProperty({ description: 'The version you last read' }) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) version!: number;
  @ApiProperty({ example: 'ZONE_2', description: 'Code of the unit it will hang from' })
  @Transform(upper)
  @Matches(UNIT_CODE, { message: `parentCode ${CODE_MESSAGE}` })
  parentCode!: string;
}

export class RemoveUnitQueryDto {
  @ApiProperty({ description: 'The version you last read' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PG_INTEGER_MAX)
  version!: number;
}

export class ImportUnitsQueryDto {
  @ApiPropertyOptional({
    description: 'Import the good rows even though some rows have errors',
    default: false,
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  confirmPartial?: 'true' | 'false';
}
