import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PG_INTEGER_MAX } from '../../../platform/http';
import { BANDOBAST_KINDS, BandobastKind } from './bandobast.entity';
import { CODE, CODE_MESSAGE, PostDto } from './structure.dto';

export { PostDto, ShiftDto } from './structure.dto';

export class SectorDto {
  @ApiProperty({ example: 'D1-S3' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;
  @ApiProperty({ example: 'Sector 3: New Market' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ description: 'Belt number of the ACP or Inspector in charge' })
  @IsOptional()
  @IsString()
  @Length(2, 30)
  inCharge?: string;
  @ApiProperty({ type: [PostDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PostDto)
  posts!: PostDto[];
}

export class DivisionDto {
  @ApiProperty({ example: 'D1' }) @Matches(CODE, { message: `code ${CODE_MESSAGE}` }) code!: string;
  @ApiProperty({ example: 'Division 1: Old City' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ description: 'Belt number of the ADCP in charge' })
  @IsOptional()
  @IsString()
  @Length(2, 30)
  inCharge?: string;
  @ApiProperty({ type: [SectorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SectorDto)
  sectors!: SectorDto[];
}

export class AddDivisionsDto {
  @ApiProperty({ type: [DivisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DivisionDto)
  divisions!: DivisionDto[];
}

export class RulesDto {
  @ApiPropertyOptional({ default: 8 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(48)
  minRestHours?: number;
  @ApiPropertyOptional({ default: 12 })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(24)
  maxHoursPer24h?: number;
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  higherRankMayFillLower?: boolean;
}

export class CreateBandobastDto extends AddDivisionsDto {
  @ApiProperty({ example: 'Diwali 2026 bandobast' })
  @IsString()
  @Length(3, 200)
  nameEn!: string;
  @ApiProperty({ example: 'दीपावली 2026 बंदोबस्त' })
  @IsString()
  @Length(3, 200)
  nameHi!: string;
  @ApiProperty({ enum: BANDOBAST_KINDS }) @IsIn(BANDOBAST_KINDS) kind!: BandobastKind;
  @ApiPropertyOptional({
    description: 'Organising unit; default: yours. Its subtree is the force drawn on.',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/)
  unitCode?: string;
  @ApiPropertyOptional({ type: RulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RulesDto)
  rules?: RulesDto;
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  reportMinutesBefore?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  briefing?: string;
}

export class ListBandobastsDto {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset =
    0;
}
