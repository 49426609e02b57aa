import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { InCommissionerate } from '../../../platform/geo';
import { DateTimeField } from '../../../platform/http';
import { POST_KINDS, PostKind } from './structure.entity';

/** Codes appear in shortfalls and on slips ("sector D1-S3, shift D1-S3-P12-A"), so they are short and plain. */
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
export const CODE_MESSAGE = 'must be 1–40 letters, digits, "-" or "_"';

export class ShiftDto {
  @ApiProperty({ example: 'D1-S3-P12-A' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;
  @DateTimeField({
    example: '2026-11-27T22:00:00+05:30',
    description: 'Not in the past: a new shift is new work',
  })
  start!: string;
  @DateTimeField({ example: '2026-11-28T06:00:00+05:30', description: 'May be the next day' })
  end!: string;
  @DateTimeField({
    optional: true,
    example: '2026-11-27T21:30:00+05:30',
    description: 'Default: start minus the bandobast reportMinutesBefore',
  })
  reportAt?: string;
  @ApiProperty({ example: { SI: 1, CONSTABLE: 4 }, description: 'Exact head count per rank' })
  @IsObject()
  ranks!: Record<string, number>;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(500) minWomen?: number;
  @ApiPropertyOptional({ example: { wireless: 1 }, description: 'Minimum holders per skill' })
  @IsOptional()
  @IsObject()
  skills?: Record<string, number>;
  @ApiPropertyOptional({ default: false, description: 'Everyone on the shift carries arms' })
  @IsOptional()
  @IsBoolean()
  armed?: boolean;
}

export class PostDto {
  @ApiProperty({ example: 'D1-S3-P12' })
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;
  @ApiProperty({ example: 'New Market square' })
  @IsString()
  @Length(1, 200)
  name!: string;
  @ApiPropertyOptional({
    example: 'न्यू मार्केट चौराहा',
    description: 'The name in Hindi, for Hindi SMS, the slip and the chart; default: the English name',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'nameHi must not be blank' })
  nameHi?: string;
  @ApiProperty({ enum: POST_KINDS }) @IsIn(POST_KINDS) kind!: PostKind;
  @ApiProperty({ example: 'New Market square, near Hanuman temple, TT Nagar' })
  @IsString()
  @Length(2, 300)
  location!: string;
  @ApiPropertyOptional({ example: 23.2336 }) @IsOptional() @InCommissionerate('lat') lat?: number;
  @ApiPropertyOptional({ example: 77.4006 }) @IsOptional() @InCommissionerate('lng') lng?: number;
  @ApiPropertyOptional({ example: 'Lathi, helmet, whistle' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  equipment?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  briefing?: string;
  @ApiProperty({ type: [ShiftDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ShiftDto)
  shifts!: ShiftDto[];
}
