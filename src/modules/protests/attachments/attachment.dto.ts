import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ATTACHMENT_KINDS, AttachmentKind } from '../entities/protest-attachment.entity';

/** The form fields that come with the file (multipart/form-data). */
export class AttachmentFormDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS }) @IsIn(ATTACHMENT_KINDS) kind!: AttachmentKind;
}
