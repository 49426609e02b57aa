import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { ApiFileResponse, ATTACHMENT_MAX_BYTES, uuidParam, UploadErrorsInterceptor } from '../../../platform/http';
import { PROTEST_INTAKE, PROTEST_READERS } from '../protest-roles';
import { AttachmentFormDto } from './attachment.dto';

import { ProtestAttachments } from './protest-attachments.service';
import { ProtestAttachmentView } from '../protest.view';

@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests/:id/attachments')
export class ProtestAttachmentsController {
  constructor(private readonly attachments: ProtestAttachments) {}

  /** A scan of the application or the ID (PDF/JPEG/PNG, at most 10 MB); a bigger one gets 413. */
  @Post()
  @Roles(...PROTEST_INTAKE)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(new UploadErrorsInterceptor(ATTACHMENT_MAX_BYTES), FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 } }))
  @ApiCreatedResponse({ type: ProtestAttachmentView })
  async add(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() form: AttachmentFormDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<ProtestAttachmentView> {
    return ProtestAttachmentView.from(await this.attachments.add(actor, id, form.kind, file));
  }

  @Get(':attachmentId')
  @Roles(...PROTEST_READERS)
  @ApiFileResponse('application/pdf', 'image/jpeg', 'image/png')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const a = await this.attachments.bytes(actor, id, attachmentId);
    res.setHeader('Content-Type', a.contentType);
    // The stored name is already stripped of quotes and paths; encode it for non-ASCII (Hindi) names.
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
    res.setHeader('X-Content-SHA256', a.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(a.bytes);
  }
}
