import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { INTAKE_CHANNELS, IntakeChannel } from '../../../platform/eoffice';
import { DateField, DateTimeField, INDIAN_MOBILE, INDIAN_MOBILE_MESSAGE } from '../../../platform/http';
import {
  FEE_STATUSES,
  FeeStatus,
  GENDERS,
  Gender,
  ID_DOCUMENT_TYPES,
  IdDocumentType,
  PURPOSE_CODES,
  Purpose,
  RELATIONS,
  RelationKind,
  SMS_LANGUAGES,
  SmsLanguage,
} from '../verification-terms';

export class VerificationApplicantDto {
  @ApiPropertyOptional({ example: 'राजेश कुमार', description: 'In Devanagari; give this or nameEn (the other is derived and marked so)' })
  @IsOptional() @IsString() @Length(2, 200)
  nameHi?: string;

  @ApiPropertyOptional({ example: 'Rajesh Kumar', description: 'In Latin letters' })
  @IsOptional() @IsString() @Length(2, 200)
  nameEn?: string;

  @ApiProperty({ example: 'रमेश प्रसाद', description: 'Father’s or husband’s name' })
  @IsString() @Length(2, 200)
  relativeName!: string;

  @ApiProperty({ enum: RELATIONS }) @IsIn(RELATIONS) relation!: RelationKind;

  @DateField({ example: '1990-04-12', description: 'Date of birth', earliestYear: 1900 }) dob!: string;

  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender!: Gender;

  @ApiProperty({ example: '9876543210' })
  @IsString() @Matches(INDIAN_MOBILE, { message: `$property ${INDIAN_MOBILE_MESSAGE}` })
  mobile!: string;

  @ApiPropertyOptional({ enum: SMS_LANGUAGES, default: 'hi' }) @IsOptional() @IsIn(SMS_LANGUAGES) smsLanguage?: SmsLanguage;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) @IsIn(ID_DOCUMENT_TYPES) idDocumentType!: IdDocumentType;

  @ApiProperty({ example: '2346', description: 'Last 4 characters of the ID number only (Aadhaar Act s.29)' })
  @IsString() @Matches(/^[A-Za-z0-9]{4}$/, { message: '$property must be exactly the last 4 letters or digits of the ID number' })
  idLast4!: string;
}

export class VerificationAddressDto {
  @ApiProperty({ example: 'H.No. 12, Gali 3' }) @IsString() @Length(3, 500) address!: string;

  @ApiProperty({ example: 'Shahpura', description: 'The locality (mohalla, colony); it finds the thana' })
  @IsString() @Length(2, 120)
  locality!: string;

  @ApiProperty({ example: 6, description: 'Years lived at this address' }) @IsInt() @Min(0) @Max(120) years!: number;
}

export class RequestingPartyDto {
  @ApiProperty({ example: 'Sharma Traders (employer)' }) @IsString() @Length(2, 200) name!: string;
  @ApiProperty({ example: 'Plot 4, MP Nagar Zone-I, Bhopal' }) @IsString() @Length(3, 500) address!: string;
}

export class VerificationIntakeDto {
  @ApiProperty({ enum: INTAKE_CHANNELS }) @IsIn(INTAKE_CHANNELS) channel!: IntakeChannel;

  @DateTimeField({ description: 'When it reached us; may lie in the past for back-entry, not in the future', example: '2026-11-24T10:30:00+05:30' })
  receivedAt!: string;
}

export class FeeDto {
  @ApiProperty({ enum: FEE_STATUSES, description: 'PAID (₹100, with its challan) or BPL_EXEMPT' }) @IsIn(FEE_STATUSES) status!: FeeStatus;

  @ApiPropertyOptional({ example: 'MPTC/2026/448812', description: 'Required when PAID' })
  @IsOptional() @IsString() @Length(3, 60)
  challanNo?: string;
}

export class RoutingOverrideDto {
  @ApiProperty({ example: 'KAMLA_NAGAR', description: 'The thana to send it to instead of the one the address finds' })
  @IsString() @Length(2, 40)
  thanaCode!: string;

  @ApiProperty({ example: 'Locality lies on the boundary; Kamla Nagar thana covers this lane.' })
  @IsString() @Length(5, 500)
  reason!: string;
}

/** An application as the intelligence branch enters it. */
export class CreateVerificationDto {
  @ApiProperty({ enum: PURPOSE_CODES }) @IsIn(PURPOSE_CODES) purpose!: Purpose;
  @ApiProperty({ type: VerificationApplicantDto }) @IsDefined() @ValidateNested() @Type(() => VerificationApplicantDto) applicant!: VerificationApplicantDto;
  @ApiProperty({ type: VerificationAddressDto }) @IsDefined() @ValidateNested() @Type(() => VerificationAddressDto) presentAddress!: VerificationAddressDto;

  @ApiPropertyOptional({ type: VerificationAddressDto, description: 'Required except for PASSPORT, which covers the present address only (and refuses one)' })
  @IsOptional() @ValidateNested() @Type(() => VerificationAddressDto)
  permanentAddress?: VerificationAddressDto;

  @ApiPropertyOptional({ type: RequestingPartyDto, description: 'The employer, landlord, householder or passport office; required except for SELF' })
  @IsOptional() @ValidateNested() @Type(() => RequestingPartyDto)
  requestingParty?: RequestingPartyDto;

  @ApiProperty({ type: VerificationIntakeDto }) @IsDefined() @ValidateNested() @Type(() => VerificationIntakeDto) intake!: VerificationIntakeDto;
  @ApiProperty({ type: FeeDto }) @IsDefined() @ValidateNested() @Type(() => FeeDto) fee!: FeeDto;

  @ApiPropertyOptional({ type: RoutingOverrideDto, description: 'Send it to this thana instead of the one its locality finds' })
  @IsOptional() @ValidateNested() @Type(() => RoutingOverrideDto)
  routing?: RoutingOverrideDto;
}
