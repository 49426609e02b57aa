import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { aadhaarShapedField, ApiFileResponse, ATTACHMENT_MAX_BYTES, fieldError, NoAadhaarShapedNumbers, uuidParam, UploadErrorsInterceptor } from '../../../platform/http';
import { VERIFICATION_READERS } from '../application/verification-access';
import { VerificationView } from '../application/verification-view.service';
import { VerificationDetailView } from '../verification.view';
import { VerificationAttachmentFormDto } from './verification-attachment.dto';
import { VerificationAttachments } from './verification-attachments.service';

@ApiTags('verifications')
@ApiBearerAuth()
@Controller('verifications/:id/attachments')
export class VerificationAttachmentsController {
  constructor(
    private readonly attachments: VerificationAttachments,
    private readonly view: VerificationView,
  ) {}

  /** The signed consent letter or a visit's photo (PDF/JPEG/PNG by content, at most 10 MB); answers with the record. */
  @Post()
  @Roles('VERIFIER')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(new UploadErrorsInterceptor(ATTACHMENT_MAX_BYTES), FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 } }))
  @ApiCreatedResponse({ type: VerificationDetailView })
  async add(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(NoAadhaarShapedNumbers) form: VerificationAttachmentFormDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<VerificationDetailView> {
    if (file && aadhaarShapedField(file.originalname)) throw fieldError('file', 'file name must not contain a 12-digit number written like an Aadhaar number; rename the file');
    await this.attachments.add(actor, id, form.kind, form.visitId, file);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  @Get(':attachmentId')
  @Roles(...VERIFICATION_READERS)
  @ApiFileResponse('application/pdf', 'image/jpeg', 'image/png')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const a = await this.attachments.bytes(actor, id, attachmentId);
    res.setHeader('Content-Type', a.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
    res.setHeader('X-Content-SHA256', a.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(a.bytes);
  }
}
