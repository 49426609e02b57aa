import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { ApiFileResponse, uuidParam } from '../../platform/http';
import { ProtestView } from './application/protest-view.service';
import { ProtestWorkflow } from './application/protest-workflow.service';
import { ApproveDto, LetterPreviewDto, RejectDto, RequestThanaReportDto, RevokeDto, ThanaReportDto, WithdrawDto } from './dto/transitions.dto';
import { PROTEST_WORKFLOW } from './protest-workflow';
import { ProtestDetailView } from './protest.view';

/** Every action answers with the record view: the body `GET /protests/:id` gives right after. */
const AS_THE_RECORD = {
  type: ProtestDetailView,
  description: 'The application as `GET /protests/:id` now shows it to you: its new state, letters with their verify links, e-Office sync state',
};

/**
 * One route per action of the transition table. An illegal move answers 409 with the actions
 * the user may take instead; a stale version answers 409 too. Roles come from PROTEST_WORKFLOW.
 */
@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests/:id')
export class ProtestWorkflowController {
  constructor(
    private readonly workflow: ProtestWorkflow,
    private readonly view: ProtestView,
  ) {}

  @Post('request-thana-report')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('requestThanaReport'))
  @ApiOkResponse(AS_THE_RECORD)
  async requestThanaReport(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RequestThanaReportDto): Promise<ProtestDetailView> {
    await this.workflow.requestThanaReport(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  @Post('thana-report')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('submitThanaReport'))
  @ApiOkResponse(AS_THE_RECORD)
  async submitThanaReport(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ThanaReportDto): Promise<ProtestDetailView> {
    await this.workflow.submitThanaReport(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('approve'))
  @ApiOkResponse(AS_THE_RECORD)
  async approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ApproveDto): Promise<ProtestDetailView> {
    await this.workflow.approve(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('reject'))
  @ApiOkResponse(AS_THE_RECORD)
  async reject(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RejectDto): Promise<ProtestDetailView> {
    await this.workflow.reject(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  /**
   * The letter `approve` or `reject` would issue with this body, as a draft PDF marked "DRAFT —
   * not valid" on every page, with no verify QR. Nothing is stored, sent or changed; the field
   * errors, the 409 and the 404 are those of the decision itself.
   */
  @Post('letter-preview')
  @HttpCode(200)
  @Roles(...new Set([...PROTEST_WORKFLOW.routeRoles('approve'), ...PROTEST_WORKFLOW.routeRoles('reject')]))
  @ApiFileResponse('application/pdf')
  async letterPreview(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: LetterPreviewDto, @Res() res: Response): Promise<void> {
    const { filename, bytes } = await this.workflow.previewLetter(actor, id, dto);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.send(bytes);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('withdraw'))
  @ApiOkResponse(AS_THE_RECORD)
  async withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: WithdrawDto): Promise<ProtestDetailView> {
    await this.workflow.withdraw(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  @Post('revoke')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('revoke'))
  @ApiOkResponse(AS_THE_RECORD)
  async revoke(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RevokeDto): Promise<ProtestDetailView> {
    await this.workflow.revoke(actor, id, dto);
    return ProtestDetailView.from(await this.view.get(actor, id));
  }
}
