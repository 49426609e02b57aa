import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PG_INTEGER_MAX } from '../../../platform/http';
import { LINKED_RECORD_TYPES, LinkedRecordType, THANA_RECOMMENDATIONS, ThanaRecommendation } from '../event-types';

/** Every change names the version the user last saw: a stale screen gets 409, not a lost update. */
export class VersionedDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) version!: number;
}

export class RequestThanaReportDto extends VersionedDto {
  @ApiPropertyOptional({ example: 'Please verify the organisers and the route by 26-11.' })
  @IsOptional() @IsString() @Length(2, 1000)
  note?: string;
}

export class ThanaReportDto extends VersionedDto {
  @ApiProperty({ enum: THANA_RECOMMENDATIONS }) @IsIn(THANA_RECOMMENDATIONS) recommendation!: ThanaRecommendation;

  @ApiProperty({ example: 'Organisers verified; no law-and-order input. 10 volunteers promised.' })
  @IsString() @Length(10, 5000)
  report!: string;
}

export class ApproveDto extends VersionedDto {
  @ApiProperty({ example: ['carry-permit', 'traffic-volunteers'], description: 'Keys of standard conditions (GET /protests/conditions)' })
  @IsArray() @ArrayMaxSize(40) @ArrayUnique() @IsString({ each: true }) @Matches(/^[a-z0-9-]{2,40}$/, { each: true, message: '$property must hold condition keys such as carry-permit' })
  conditionKeys!: string[];

  @ApiPropertyOptional({ example: ['No procession beyond Roshanpura Square.'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(3, 500, { each: true })
  extraConditions?: string[];

  @ApiPropertyOptional({ description: 'Required when the application was received late (less than the lead time before the start)' })
  @IsOptional() @IsString() @Length(10, 1000)
  lateOverrideReason?: string;
}

export class RejectDto extends VersionedDto {
  @ApiProperty({ example: 'A prohibitory order under s.163 BNSS is in force around the venue during the Assembly session.' })
  @IsString() @Length(10, 2000)
  grounds!: string;
}

export const LETTER_PREVIEW_DECISIONS = ['approve', 'reject'] as const;
export type LetterPreviewDecision = (typeof LETTER_PREVIEW_DECISIONS)[number];

/** The fields each decision takes; those of the other decision are refused by name. */
export const LETTER_PREVIEW_FIELDS = {
  approve: ['conditionKeys', 'extraConditions', 'lateOverrideReason'],
  reject: ['grounds'],
} as const satisfies Record<LetterPreviewDecision, readonly (keyof ApproveDto | keyof RejectDto)[]>;

/**
 * Checks a field only for its own decision. It replaces the inherited field's own conditional
 * check (class-validator keeps one per kind, the subclass's), so an optional field stays optional.
 */
function onlyFor(decision: LetterPreviewDecision, optional = false) {
  return ValidateIf((o: LetterPreviewDto, value: unknown) => o.decision === decision && (!optional || (value !== undefined && value !== null)));
}

/**
 * The body of `approve` or of `reject`, and which one: the draft of the letter it would issue.
 * Each field keeps the rules it has there (the same validators, inherited), checked only for
 * its own decision.
 */
export class LetterPreviewDto extends IntersectionType(ApproveDto, RejectDto) {
  @ApiProperty({ enum: LETTER_PREVIEW_DECISIONS, description: 'The decision whose letter to draw: approve (the permission) or reject (the refusal)' })
  @IsIn(LETTER_PREVIEW_DECISIONS)
  decision!: LetterPreviewDecision;

  @ApiPropertyOptional({ example: ['carry-permit', 'traffic-volunteers'], description: 'With decision approve, required: as in approve' })
  @onlyFor('approve')
  declare conditionKeys: string[];

  @ApiPropertyOptional({ example: ['No procession beyond Roshanpura Square.'], description: 'With decision approve: as in approve' })
  @onlyFor('approve', true)
  declare extraConditions?: string[];

  @ApiPropertyOptional({ description: 'With decision approve: as in approve (required when the application was received late)' })
  @onlyFor('approve', true)
  declare lateOverrideReason?: string;

  @ApiPropertyOptional({ example: 'A prohibitory order under s.163 BNSS is in force around the venue during the Assembly session.', description: 'With decision reject, required: as in reject' })
  @onlyFor('reject')
  declare grounds: string;
}

export class WithdrawDto extends VersionedDto {
  @ApiProperty({ example: 'Applicant called off the programme (letter dated 25-11-2026).' })
  @IsString() @Length(3, 1000)
  reason!: string;
}

export class LinkedRecordDto {
  @ApiProperty({ enum: LINKED_RECORD_TYPES }) @IsIn(LINKED_RECORD_TYPES) type!: LinkedRecordType;

  @ApiProperty({ example: 'VIP/2026/000031' })
  @IsString() @Length(1, 100)
  ref!: string;
}

export class RevokeDto extends VersionedDto {
  @ApiProperty({ example: 'VIP movement on the route during the event.' })
  @IsString() @Length(10, 2000)
  reason!: string;

  @ApiPropertyOptional({ type: LinkedRecordDto, description: 'The record that forced it, e.g. a VIP programme' })
  @IsOptional() @ValidateNested() @Type(() => LinkedRecordDto)
  linkedRecord?: LinkedRecordDto;
}
