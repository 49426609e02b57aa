import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { GRADINGS, Grading } from '../../platform/eoffice';
import { PG_INTEGER_MAX } from '../../platform/http';
import { DAK_PRIORITIES, DakPriority } from './dak-settings';

/** Every change names the version the user last saw: a stale screen gets 409, not a lost update. */
export class DakVersionDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) version!: number;
}

/** Where it goes: a unit or section (`toUnit`), an officer (`toUser`), or an officer of that unit (both). */
export class DakMarkDto extends DakVersionDto {
  @ApiPropertyOptional({ example: 'TT_NAGAR', description: 'Code of the unit or section it is marked to' })
  @IsOptional() @IsString() @Length(2, 40)
  toUnit?: string;

  @ApiPropertyOptional({ example: 'si.sharma', description: 'Username of the officer it is marked to' })
  @IsOptional() @IsString() @Length(1, 60)
  toUser?: string;

  @ApiPropertyOptional({ example: 'Please examine and put up a report', description: 'What the holder is to do' })
  @IsOptional() @IsString() @Length(1, 1000)
  instruction?: string;

  @ApiPropertyOptional({ enum: DAK_PRIORITIES, description: 'A new priority; the due date follows it (DAK_DUE_DAYS)' })
  @IsOptional() @IsIn(DAK_PRIORITIES)
  priority?: DakPriority;
}

/** The dak clerk's confirmation of an item diarised from e-mail: its grading, and optionally its marking at once. */
export class DakConfirmDto extends DakVersionDto {
  @ApiProperty({ enum: GRADINGS, description: 'As the letter is graded; Top Secret is never sent to e-Office' })
  @IsIn(GRADINGS)
  grading!: Grading;

  @ApiPropertyOptional({ enum: DAK_PRIORITIES }) @IsOptional() @IsIn(DAK_PRIORITIES) priority?: DakPriority;
  @ApiPropertyOptional({ example: 'TT_NAGAR' }) @IsOptional() @IsString() @Length(2, 40) toUnit?: string;
  @ApiPropertyOptional({ example: 'si.sharma' }) @IsOptional() @IsString() @Length(1, 60) toUser?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) instruction?: string;
}

export class DakReasonDto extends DakVersionDto {
  @ApiProperty({ example: 'Report sent to the Collectorate; nothing further' }) @IsString() @Length(5, 1000) reason!: string;
}

export class DakPutInFileDto extends DakVersionDto {
  @ApiProperty({ format: 'uuid', description: 'The file (GET /dak/files)' }) @IsUUID() fileId!: string;
}

export class CreateDakFileDto {
  @ApiProperty({ example: 'धरना-प्रदर्शन अनुमति / Protest permissions', description: 'The subject head the file is opened under' })
  @IsString() @Length(3, 300)
  subjectHead!: string;

  @ApiPropertyOptional({ example: 'TT_NAGAR', description: 'Unit (or section) code whose file it is; your own unit by default' })
  @IsOptional() @IsString() @Length(2, 40)
  unit?: string;
}

export class DakPageQueryDto {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}

/** An outward letter answering the item. */
export class DakReplyDto extends DakVersionDto {
  @ApiProperty({ example: 'The Secretary, Bhopal Traders Association, New Market, Bhopal' }) @IsString() @Length(3, 500) recipient!: string;
  @ApiPropertyOptional({ description: 'By default "Reply: " and the item’s subject' }) @IsOptional() @IsString() @Length(3, 500) subject?: string;
  @ApiProperty({ example: 'Permission is granted for a dharna at Ambedkar Park on 05-12-2026 from 11:00 to 16:00, on the conditions enclosed.' })
  @IsString()
  @Length(5, 10000)
  body!: string;
}
