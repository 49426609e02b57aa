import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DateField, DateTimeField, PG_INTEGER_MAX } from '../../platform/http';
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

  @ApiPropertyOptional({ example: 'DCP_INT_SEC', description: 'Unit code the dak is marked to' })
  @IsOptional()
  @IsString()
  @Length(2, 40)
  markedTo?: string;

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
  @ApiPropertyOptional({ enum: RECORD_SYNC_STATUSES }) @IsOptional() @IsIn(RECORD_SYNC_STATUSES) eofficeStatus?: RecordSyncStatus;
  @ApiPropertyOptional({ description: 'Search in the subject' }) @IsOptional() @IsString() @Length(2, 100) q?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}
