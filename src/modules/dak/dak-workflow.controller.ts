import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ROLES, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { ApiFileResponse, NoAadhaarShapedNumbers, uuidParam } from '../../platform/http';
import { DakConfirmDto, DakMarkDto, DakPutInFileDto, DakReasonDto, DakReplyDto, DakVersionDto } from './dak-actions.dto';
import { DakActions } from './dak-actions.service';
import { DakReplies } from './dak-replies.service';
import { DAK_WORKFLOW } from './dak-workflow';
import { DakReceiptDetailView } from './dak.view';

const AS_THE_ITEM = { type: DakReceiptDetailView, description: 'The item as `GET /dak/:id` now shows it to you' };

/**
 * One route per action of the transition table. An illegal move answers 409 with the actions the
 * user may take instead; a stale version 409 too; an item the user may not see 404.
 */
@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak/:id')
export class DakWorkflowController {
  constructor(
    private readonly actions: DakActions,
    private readonly replies: DakReplies,
  ) {}

  /** The dak clerk confirms an item diarised from e-mail (its grading), which sends it to e-Office; with `toUnit`/`toUser` it is marked at once. */
  @Post('confirm')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('confirm'))
  @ApiOkResponse(AS_THE_ITEM)
  async confirm(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakConfirmDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.confirm(actor, id, dto));
  }

  /** To a unit, a section or an officer, with an instruction; due by its priority. */
  @Post('mark')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('mark'))
  @ApiOkResponse(AS_THE_ITEM)
  async mark(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakMarkDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.mark(actor, id, dto));
  }

  /** The holder acknowledges it (an officer of the unit it was marked to takes it). */
  @Post('receive')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('receive'))
  @ApiOkResponse(AS_THE_ITEM)
  async receive(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: DakVersionDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.receive(actor, id, dto));
  }

  /** Marked on to the next holder. */
  @Post('forward')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('forward'))
  @ApiOkResponse(AS_THE_ITEM)
  async forward(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakMarkDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.forward(actor, id, dto));
  }

  /** Into a local file (`GET /dak/files`) of the holder's unit or one below it. */
  @Post('put-in-file')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('putInFile'))
  @ApiOkResponse(AS_THE_ITEM)
  async putInFile(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: DakPutInFileDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.putInFile(actor, id, dto));
  }

  /** An outward letter (bilingual PDF, its own DAK-OUT number, verify QR), sent to e-Office through the outbox with the item's grading. */
  @Post('reply')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('reply'))
  @ApiOkResponse(AS_THE_ITEM)
  async reply(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakReplyDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.replies.reply(actor, id, dto));
  }

  /** A reply's PDF, under the item's need-to-know. */
  @Get('replies/:replyId/pdf')
  @Roles(...ROLES)
  @ApiFileResponse('application/pdf')
  async replyPdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('replyId', uuidParam('replyId')) replyId: string,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.replies.pdf(actor, id, replyId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${pdf.filename}"`);
    res.setHeader('X-Content-SHA256', pdf.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(pdf.bytes);
  }

  @Post('close')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('close'))
  @ApiOkResponse(AS_THE_ITEM)
  async close(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakReasonDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.close(actor, id, dto));
  }

  /** Back to its last holder, as received, with the reason (audited). */
  @Post('reopen')
  @HttpCode(200)
  @Roles(...DAK_WORKFLOW.routeRoles('reopen'))
  @ApiOkResponse(AS_THE_ITEM)
  async reopen(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DakReasonDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.actions.reopen(actor, id, dto));
  }
}
