import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PURPOSE_CODES, Purpose } from '../verification-terms';
import { VERIFICATION_STATUSES, VerificationStatus } from '../verification-workflow';

export class VerificationQueryDto {
  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES }) @IsOptional() @IsIn(VERIFICATION_STATUSES) status?: VerificationStatus;
  @ApiPropertyOptional({ enum: PURPOSE_CODES }) @IsOptional() @IsIn(PURPOSE_CODES) purpose?: Purpose;
  @ApiPropertyOptional({ example: 'TT_NAGAR' }) @IsOptional() @IsString() @Length(2, 40) thanaCode?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}
