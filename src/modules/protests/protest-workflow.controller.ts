import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import { ProtestWorkflow } from './application/protest-workflow.service';
import { ApproveDto, RejectDto, RequestThanaReportDto, RevokeDto, ThanaReportDto, WithdrawDto } from './dto/transitions.dto';
import { PROTEST_WORKFLOW } from './protest-workflow';
import { ProtestApplicationView } from './protest.view';

/**
 * One route per action of the transition table. An illegal move answers 409 with the actions
 * the user may take instead; a stale version answers 409 too. Roles come from PROTEST_WORKFLOW.
 */
@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests/:id')
export class ProtestWorkflowController {
  constructor(private readonly workflow: ProtestWorkflow) {}

  @Post('request-thana-report')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('requestThanaReport'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async requestThanaReport(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RequestThanaReportDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.requestThanaReport(actor, id, dto));
  }

  @Post('thana-report')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('submitThanaReport'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async submitThanaReport(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ThanaReportDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.submitThanaReport(actor, id, dto));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('approve'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ApproveDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.approve(actor, id, dto));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('reject'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async reject(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RejectDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.reject(actor, id, dto));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('withdraw'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: WithdrawDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.withdraw(actor, id, dto));
  }

  @Post('revoke')
  @HttpCode(200)
  @Roles(...PROTEST_WORKFLOW.routeRoles('revoke'))
  @ApiOkResponse({ type: ProtestApplicationView })
  async revoke(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: RevokeDto): Promise<ProtestApplicationView> {
    return ProtestApplicationView.from(await this.workflow.revoke(actor, id, dto));
  }
}
