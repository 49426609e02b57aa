import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/decorators';
import { Actor } from '../context/request-context';
import { uuidParam } from '../http/field-error';
import { DocumentsService } from './documents.service';
import { GeneralLetterDto } from './general-letter.dto';
import { GeneralLetterService } from './general-letter.service';
import { ApiFileResponse } from '../http/response-view';
import { GeneralLetterView, IssuedDocumentView } from './document.view';

const CONFIDENTIAL_NOT_FOUND =
  'No such paper, or a confidential one (a VIP programme, a movement sheet, the duty chart of a VIP bandobast): ' +
  'those are served only by their own module, under its access rules and access log.';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly generalLetters: GeneralLetterService,
  ) {}

  /** Renders and issues the sample general letter: the engine end to end. */
  @Post('general-letter')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: GeneralLetterView })
  async issueGeneralLetter(@CurrentActor() actor: Actor, @Body() dto: GeneralLetterDto): Promise<GeneralLetterView> {
    return GeneralLetterView.from(await this.generalLetters.issue(actor, dto));
  }

  @Get(':id')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOkResponse({ type: IssuedDocumentView })
  @ApiNotFoundResponse({ description: CONFIDENTIAL_NOT_FOUND })
  async get(@Param('id', uuidParam('id')) id: string): Promise<IssuedDocumentView> {
    return IssuedDocumentView.from(await this.documents.getOpen(id));
  }

  @Get(':id/pdf')
  @Roles('ADMIN', 'AUDITOR')
  @ApiFileResponse('application/pdf')
  @ApiNotFoundResponse({ description: CONFIDENTIAL_NOT_FOUND })
  async pdf(@Param('id', uuidParam('id')) id: string, @Res() res: Response): Promise<void> {
    const { doc, bytes } = await this.documents.openBytes(id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${doc.sourceRef.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.send(bytes);
  }
}
