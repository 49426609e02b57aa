import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ATTACHMENT_KINDS, VerificationAttachmentKind } from '../verification-terms';

/** The form fields that come with the file (multipart/form-data). */
export class VerificationAttachmentFormDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS }) @IsIn(ATTACHMENT_KINDS) kind!: VerificationAttachmentKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a VISIT_PHOTO: the visit it was taken at' }) @IsOptional() @IsUUID() visitId?: string;
}
