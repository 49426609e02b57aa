import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { INDIAN_MOBILE, INDIAN_MOBILE_MESSAGE, PG_INTEGER_MAX } from '../../platform/http';
import { BELT_NO, Gender, GENDERS, normaliseBeltNo } from './officer-fields';
import { Rank, RANKS } from '../../platform/ranks';
import { Skill, SKILLS } from './skills';

const UNIT_CODE = /^[A-Z0-9_]{2,40}$/;

export class ListOfficersDto {
  @ApiPropertyOptional({ enum: RANKS }) @IsOptional() @IsIn(RANKS) rank?: Rank;
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: Gender;
  @ApiPropertyOptional({ description: 'Unit code; its whole subtree' })
  @IsOptional()
  @Matches(UNIT_CODE)
  unitCode?: string;
  @ApiPropertyOptional({ enum: SKILLS }) @IsOptional() @IsIn(SKILLS) skill?: Skill;
  @ApiPropertyOptional({ description: 'Belt number or name' })
  @IsOptional()
  @IsString()
  @Length(2, 60)
  q?: string;
  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset =
    0;
}

export class CreateOfficerDto {
  @ApiProperty({ example: 'BPL-04127' })
  @Transform(({ value }) => (typeof value === 'string' ? normaliseBeltNo(value) : value))
  @Matches(BELT_NO, { message: 'beltNo must be 2–30 letters, digits, "-" or "/"' })
  beltNo!: string;

  @ApiProperty({ example: 'Ram Kumar Sharma' })
  @IsString()
  @Length(2, 120)
  nameEn!: string;
  @ApiProperty({ example: 'राम कुमार शर्मा' })
  @IsString()
  @Length(2, 120)
  nameHi!: string;
  @ApiProperty({ enum: RANKS }) @IsIn(RANKS) rank!: Rank;
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender!: Gender;
  @ApiProperty({ example: 'TT_NAGAR' })
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode!: string;
  @ApiPropertyOptional({ example: 'KAMLA_NAGAR' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'homeUnitCode must be a unit code' })
  homeUnitCode?: string;
  @ApiPropertyOptional({ example: '9876543210' })
  @IsOptional()
  @Matches(INDIAN_MOBILE, { message: `mobile ${INDIAN_MOBILE_MESSAGE}` })
  mobile?: string;
  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SKILLS.length)
  @IsIn(SKILLS, { each: true, message: `each skill must be one of: ${SKILLS.join(', ')}` })
  skills?: Skill[];
}

export class UpdateOfficerDto {
  @ApiProperty({ description: 'The version you last read' }) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) version!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 120)
  nameEn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 120)
  nameHi?: string;
  @ApiPropertyOptional({ enum: RANKS }) @IsOptional() @IsIn(RANKS) rank?: Rank;
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: Gender;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'homeUnitCode must be a unit code' })
  homeUnitCode?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(INDIAN_MOBILE, { message: `mobile ${INDIAN_MOBILE_MESSAGE}` })
  mobile?: string;
  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(SKILLS, { each: true, message: `each skill must be one of: ${SKILLS.join(', ')}` })
  skills?: Skill[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class LinkAccountDto {
  @ApiProperty({ description: 'Username of the login (role OFFICER) that belongs to this officer' })
  @IsString()
  @Length(2, 60)
  username!: string;
}

export class ImportOfficersQueryDto {
  @ApiPropertyOptional({
    description: 'Import the good rows even though some rows have errors',
    default: false,
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  confirmPartial?: 'true' | 'false';
}
