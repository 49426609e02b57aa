import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { INDIAN_MOBILE, INDIAN_MOBILE_MESSAGE, DateTimeField } from '../../../platform/http';
import { INTAKE_CHANNELS, IntakeChannel } from '../../../platform/eoffice';
import { EVENT_TYPE_CODES, EventType, ID_DOCUMENT_TYPES, IdDocumentType, SMS_LANGUAGES, SmsLanguage } from '../event-types';
import { LoudspeakerDto, RouteDto, VehiclesDto } from './protest-place.dto';

export class ApplicantDto {
  @ApiPropertyOptional({ example: 'श्रीमती क्षत्रिय द्वितीय', description: 'Hindi and/or English name; at least one' })
  @IsOptional() @IsString() @Length(2, 200)
  nameHi?: string;

  @ApiPropertyOptional({ example: 'Smt. Kshatriya II' })
  @IsOptional() @IsString() @Length(2, 200)
  nameEn?: string;

  @ApiPropertyOptional({ example: 'भोपाल व्यापारी संघ / Bhopal Traders Association' })
  @IsOptional() @IsString() @Length(2, 300)
  organisation?: string;

  @ApiProperty({ example: '12, Tulsi Nagar, Bhopal' })
  @IsString() @Length(5, 500)
  address!: string;

  @ApiProperty({ example: '9876543210' })
  @IsString() @Matches(INDIAN_MOBILE, { message: `$property ${INDIAN_MOBILE_MESSAGE}` })
  mobile!: string;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES })
  @IsIn(ID_DOCUMENT_TYPES)
  idDocumentType!: IdDocumentType;

  @ApiProperty({ example: '2346', description: 'Last 4 characters of the ID number only (Aadhaar Act s.29)' })
  @IsString() @Matches(/^[A-Za-z0-9]{4}$/, { message: '$property must be exactly the last 4 letters or digits of the ID number' })
  idLast4!: string;

  @ApiPropertyOptional({ enum: SMS_LANGUAGES, default: 'hi' })
  @IsOptional() @IsIn(SMS_LANGUAGES)
  smsLanguage?: SmsLanguage;
}

export class EventDto {
  @ApiProperty({ enum: EVENT_TYPE_CODES }) @IsIn(EVENT_TYPE_CODES) type!: EventType;

  @ApiProperty({ example: 'व्यापारियों की मांगों के समर्थन में / In support of traders\' demands' })
  @IsString() @Length(5, 2000)
  purpose!: string;

  @DateTimeField({ example: '2026-11-27T11:00:00+05:30', description: 'Not in the past: permission is for an event still to come' }) startsAt!: string;
  @DateTimeField({ example: '2026-11-27T14:00:00+05:30' }) endsAt!: string;

  @ApiProperty({ example: 300 }) @IsInt() @Min(1) @Max(1_000_000) expectedParticipants!: number;

  @ApiPropertyOptional({ example: 'AMBEDKAR_PARK', description: 'A registered venue; or give a route' })
  @IsOptional() @IsString() @Length(2, 40)
  venueCode?: string;

  @ApiPropertyOptional({ type: RouteDto })
  @IsOptional() @ValidateNested() @Type(() => RouteDto)
  route?: RouteDto;

  @ApiPropertyOptional({ type: LoudspeakerDto })
  @IsOptional() @ValidateNested() @Type(() => LoudspeakerDto)
  loudspeaker?: LoudspeakerDto;

  @ApiPropertyOptional({ type: VehiclesDto })
  @IsOptional() @ValidateNested() @Type(() => VehiclesDto)
  vehicles?: VehiclesDto;
}

export class IntakeDto {
  @ApiProperty({ enum: INTAKE_CHANNELS }) @IsIn(INTAKE_CHANNELS) channel!: IntakeChannel;

  @DateTimeField({ description: 'When it reached us; may lie in the past for back-entry after an outage, not in the future', example: '2026-11-24T10:30:00+05:30' })
  receivedAt!: string;
}

/** An application as the control room enters it. */
export class CreateProtestDto {
  @ApiProperty({ type: ApplicantDto }) @IsDefined() @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;
  @ApiProperty({ type: EventDto }) @IsDefined() @ValidateNested() @Type(() => EventDto) event!: EventDto;
  @ApiProperty({ type: IntakeDto }) @IsDefined() @ValidateNested() @Type(() => IntakeDto) intake!: IntakeDto;
}
