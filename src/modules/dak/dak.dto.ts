import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateField, DateTimeField, PG_INTEGER_MAX } from '../../platform/http';
import { DAK_LANGUAGES, DAK_PRIORITIES, DakLanguage, DakPriority } from './dak-settings';
import { DAK_STATUSES, DakStatus } from './dak-workflow';
import {
  GRADINGS,
  Grading,
  INTAKE_CHANNELS,
  IntakeChannel,
  RECORD_SYNC_STATUSES,
  RecordSyncStatus,
} from '../../platform/eoffice';

export class CreateDakDto {
  @ApiProperty({ example: 'धरना-प्रदर्शन की अनुमति हेतु आवेदन / Application for permission to hold a dharna' })
  @IsString()
  @Length(3, 500)
  subject!: string;

  @ApiProperty({ example: 'Secretary, Bhopal Traders Association' })
  @IsString()
  @Length(2, 200)
  senderName!: string;

  @ApiPropertyOptional({ example: 'Collectorate, Bhopal' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  senderOffice?: string;

  @ApiPropertyOptional({ example: '1234/Reader/2026' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  letterNo?: string;

  @DateField({ optional: true, example: '2026-11-24', description: "The date the letter bears" })
  letterDate?: string;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  intakeChannel!: IntakeChannel;

  @DateTimeField({ description: 'When it reached us; may be in the past for back-entry after an outage, not in the future', example: '2026-11-25T10:30:00+05:30' })
  receivedAt!: string;

  @ApiPropertyOptional({ enum: GRADINGS, default: 'NORMAL' })
  @IsOptional()
  @IsIn(GRADINGS)
  grading?: Grading;

  @ApiPropertyOptional({ enum: DAK_PRIORITIES, default: 'NORMAL', description: 'Sets the due date when it is marked' })
  @IsOptional()
  @IsIn(DAK_PRIORITIES)
  priority?: DakPriority;

  @ApiPropertyOptional({ enum: DAK_LANGUAGES, description: 'The letter’s language; by default read from the subject’s script' })
  @IsOptional()
  @IsIn(DAK_LANGUAGES)
  language?: DakLanguage;

  @ApiPropertyOptional({ example: 'DCP_INT_SEC', description: 'Unit (or section) code to mark it to at once' })
  @IsOptional()
  @IsString()
  @Length(2, 40)
  markedTo?: string;

  @ApiPropertyOptional({ example: 'si.sharma', description: 'Username of the officer to mark it to at once (of the `markedTo` unit, if given)' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  markedToUser?: string;

  @ApiPropertyOptional({ example: 'Please examine and report within the due date', description: 'The instruction that goes with the marking' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  instruction?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  remarks?: string;
}

export class DakQueryDto {
  @DateTimeField({ optional: true, description: 'Received at or after this instant' }) from?: string;
  @DateTimeField({ optional: true, description: 'Received before this instant' }) to?: string;
  @ApiPropertyOptional({ enum: INTAKE_CHANNELS }) @IsOptional() @IsIn(INTAKE_CHANNELS) intakeChannel?: IntakeChannel;
  @ApiPropertyOptional({ enum: DAK_STATUSES }) @IsOptional() @IsIn(DAK_STATUSES) status?: DakStatus;
  @ApiPropertyOptional({ enum: RECORD_SYNC_STATUSES }) @IsOptional() @IsIn(RECORD_SYNC_STATUSES) eofficeStatus?: RecordSyncStatus;
  @ApiPropertyOptional({ enum: GRADINGS }) @IsOptional() @IsIn(GRADINGS) grading?: Grading;
  @ApiPropertyOptional({ enum: DAK_PRIORITIES }) @IsOptional() @IsIn(DAK_PRIORITIES) priority?: DakPriority;
  @ApiPropertyOptional({ enum: DAK_LANGUAGES }) @IsOptional() @IsIn(DAK_LANGUAGES) language?: DakLanguage;
  @ApiPropertyOptional({ example: 'TT_NAGAR', description: 'Held by this unit (its code): by the unit, or an officer in it' })
  @IsOptional()
  @IsString()
  @Length(2, 40)
  holder?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Held by this officer' }) @IsOptional() @IsUUID() holderUser?: string;
  @ApiPropertyOptional({ description: 'Received more than this many days ago', example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  olderThanDays?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Waiting on its holder past its due time, or not' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
  @ApiPropertyOptional({
    description:
      'Words to find in the subject, the sender (name and office) and the letter number, in Hindi or English: whole, the beginning of a word, or with one letter wrong. Every word must be found; whole-word matches first, then beginnings, then near spellings, newest first within each.',
    example: 'धरना',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}
