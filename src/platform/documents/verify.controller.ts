import { Controller, Get, Headers, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { fieldError } from '../http/field-error';
import { allowInlineStyle } from '../http/security-headers';
import { UploadErrorsInterceptor } from '../http/upload-errors.interceptor';
import { DocumentsService } from './documents.service';
import { VERIFY_PAGE_STYLE, verifyPageHtml } from './verify-page';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Public: anyone holding a paper can check it. Answers say nothing about people. */import { UploadCheckView, VerifyOutcomeView } from './document.view';

@ApiTags('verify')
@ApiExtraModels(VerifyOutcomeView)
@Public()
@Throttle({ default: { limit: 60, ttl: 60_000 } })
@Controller('verify')
export class VerifyController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':token')
  @ApiProduces('text/html', 'application/json')
  @ApiOkResponse({
    description: 'An HTML page, or the outcome as JSON when the client accepts application/json',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: getSchemaPath(VerifyOutcomeView) } },
    },
  })
  async verify(@Param('token') token: string, @Headers('accept') accept: string | undefined, @Res() res: Response): Promise<void> {
    const outcome = await this.documents.verifyToken(token.slice(0, 200));
    res.setHeader('Cache-Control', 'no-store');
    if ((accept ?? '').includes('application/json')) {
      res.json(VerifyOutcomeView.from(outcome));
      return;
    }
    allowInlineStyle(res, VERIFY_PAGE_STYLE);
    res.type('html').send(verifyPageHtml(outcome));
  }

  @Post('upload')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(new UploadErrorsInterceptor(MAX_UPLOAD_BYTES), FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiOkResponse({ type: UploadCheckView })
  async upload(@UploadedFile() file: Express.Multer.File | undefined): Promise<UploadCheckView> {
    if (!file) throw fieldError('file', 'file is required (multipart field "file", a PDF)');
    if (file.buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw fieldError('file', 'file must be a PDF');
    return UploadCheckView.from(await this.documents.matchUpload(file.buffer));
  }
}
