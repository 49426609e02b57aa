import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { InCommissionerate } from '../../../platform/geo';
import { INTAKE_CHANNELS, IntakeChannel } from '../../../platform/eoffice';
import { DateField, DateTimeField, PG_INTEGER_MAX } from '../../../platform/http';
import { APPEAL_DECISIONS, AppealDecision, HIT_DECISIONS, HitDecision, OUTCOMES, Outcome, VISIT_OUTCOMES, VisitOutcome } from '../verification-terms';

/** Every change names the version the user last saw: a stale screen gets 409, not a lost update. */
export class VerificationVersionDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) version!: number;
}

export class ReassignDto extends VerificationVersionDto {
  @ApiPropertyOptional({ example: 'KAMLA_NAGAR', description: 'Another thana; its verifier with the least open work takes it unless verifierId says who' })
  @IsOptional() @IsString() @Length(2, 40)
  thanaCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A VERIFIER of the (new) thana' })
  @IsOptional() @IsUUID()
  verifierId?: string;

  @ApiProperty({ example: 'SI Verma on leave till 10-12' }) @IsString() @Length(5, 500) reason!: string;
}

export class NeighbourDto {
  @ApiProperty({ example: 'Suresh Patel' }) @IsString() @Length(2, 200) name!: string;
  @ApiPropertyOptional({ example: 'H.No. 14, Gali 3' }) @IsOptional() @IsString() @Length(2, 500) address?: string;
  @ApiProperty({ example: 'Knows the applicant for 6 years; lives here with his parents.' }) @IsString() @Length(5, 2000) statement!: string;
}

export class FieldVisitDto extends VerificationVersionDto {
  @DateField({ example: '2026-11-28', description: 'The day of the visit: not before the application was received, not in the future' }) visitedOn!: string;
  @ApiProperty({ example: 'Ramesh Yadav' }) @IsString() @Length(2, 200) officerName!: string;
  @ApiPropertyOptional({ example: 'ASI' }) @IsOptional() @IsString() @Length(2, 40) officerRank?: string;
  @ApiProperty({ example: 23.2069, description: 'The browser’s geolocation at the door' }) @InCommissionerate('lat') lat!: number;
  @ApiProperty({ example: 77.4313 }) @InCommissionerate('lng') lng!: number;

  @ApiProperty({ example: 18, description: 'The geolocation’s accuracy in metres, as the browser reports it' })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000)
  accuracyM!: number;

  @ApiProperty({ type: [NeighbourDto] })
  @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => NeighbourDto)
  neighbours!: NeighbourDto[];

  @ApiProperty({ enum: VISIT_OUTCOMES }) @IsIn(VISIT_OUTCOMES) outcome!: VisitOutcome;
  @ApiPropertyOptional({ example: 'Met the applicant and his mother.' }) @IsOptional() @IsString() @Length(2, 2000) note?: string;
}

export class AdjudicateHitDto extends VerificationVersionDto {
  @ApiProperty({ enum: HIT_DECISIONS }) @IsIn(HIT_DECISIONS) decision!: HitDecision;
  @ApiProperty({ example: 'Father’s name and date of birth differ; the record’s man is 20 years older.' }) @IsString() @Length(5, 1000) reason!: string;
}

export class ReportDto extends VerificationVersionDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;

  @ApiPropertyOptional({ description: 'ADVERSE: the grounds, in words' })
  @IsOptional() @IsString() @Length(10, 5000)
  grounds?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'ADVERSE: the records-check hits, marked SAME, that the grounds rest on' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  citedHitIds?: string[];

  @ApiPropertyOptional({ description: 'INCOMPLETE: what is missing' })
  @IsOptional() @IsString() @Length(5, 2000)
  missing?: string;
}

export class SignOffDto extends VerificationVersionDto {
  @ApiPropertyOptional({ example: 'Seen; agreed.' }) @IsOptional() @IsString() @Length(2, 1000) note?: string;
}

export class SendBackDto extends VerificationVersionDto {
  @ApiProperty({ example: 'Neighbours’ statements missing; visit again.' }) @IsString() @Length(5, 1000) reason!: string;
}

/** The applicant's appeal against the decision, entered as it came (back-entry allowed). */
export class FileAppealDto extends VerificationVersionDto {
  @ApiProperty({ enum: INTAKE_CHANNELS }) @IsIn(INTAKE_CHANNELS) channel!: IntakeChannel;

  @DateTimeField({ description: 'When the appeal reached us; may lie in the past for back-entry, not in the future. Its limit counts from this IST day', example: '2026-12-20T11:00:00+05:30' })
  receivedAt!: string;

  @ApiProperty({ example: 'The case cited was against another man of the same name; I was a minor then.' })
  @IsString() @Length(10, 5000)
  grounds!: string;
}

export class DecideAppealDto extends VerificationVersionDto {
  @ApiProperty({ enum: APPEAL_DECISIONS, description: 'UPHELD: the decision appealed against stands; OVERTURNED: it is set aside and the certificate issued' })
  @IsIn(APPEAL_DECISIONS)
  decision!: AppealDecision;

  @ApiProperty({ example: 'The record cited names a father of another name and a man 15 years older.' })
  @IsString() @Length(10, 5000)
  reasons!: string;
}

export class WithdrawCertificateDto extends VerificationVersionDto {
  @ApiProperty({ example: 'FIR registered against the applicant after the certificate was issued.' })
  @IsString() @Length(10, 1000)
  reason!: string;
}
