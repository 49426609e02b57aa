import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { ApiFileResponse, NoAadhaarShapedNumbers, uuidParam } from '../../platform/http';
import { VERIFICATION_READERS } from './application/verification-access';
import { VerificationPapers } from './certificate/verification-papers.service';
import { VerificationView } from './application/verification-view.service';
import { VerificationWorkflow } from './application/verification-workflow.service';
import {
  AdjudicateHitDto,
  DecideAppealDto,
  FieldVisitDto,
  FileAppealDto,
  ReassignDto,
  ReportDto,
  SendBackDto,
  SignOffDto,
  VerificationVersionDto,
  WithdrawCertificateDto,
} from './dto/verification-actions.dto';
import { VERIFICATION_WORKFLOW } from './verification-workflow';
import { VerificationDetailView } from './verification.view';

const AS_THE_RECORD = { type: VerificationDetailView, description: 'The application as `GET /verifications/:id` now shows it to you' };

/**
 * One route per action of the transition table. An illegal move answers 409 with the actions the
 * user may take instead; a stale version 409 too; an application outside the user's chain 404.
 */
@ApiTags('verifications')
@ApiBearerAuth()
@Controller('verifications/:id')
export class VerificationWorkflowController {
  constructor(
    private readonly workflow: VerificationWorkflow,
    private readonly view: VerificationView,
    private readonly papers: VerificationPapers,
  ) {}

  /** To another verifier of the thana, or to another thana; audited with the reason. */
  @Post('reassign')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('reassign'))
  @ApiOkResponse(AS_THE_RECORD)
  async reassign(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: ReassignDto): Promise<VerificationDetailView> {
    await this.workflow.reassign(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The field visit, from the phone form: its photos follow as attachments of kind VISIT_PHOTO. */
  @Post('visits')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('recordVisit'))
  @ApiOkResponse(AS_THE_RECORD)
  async recordVisit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: FieldVisitDto): Promise<VerificationDetailView> {
    await this.workflow.recordVisit(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** Search the criminal-records index for the applicant and keep the hits with their scores and why. */
  @Post('records-check')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('checkRecords'))
  @ApiOkResponse(AS_THE_RECORD)
  async checkRecords(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: VerificationVersionDto): Promise<VerificationDetailView> {
    await this.workflow.checkRecords(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** Rule on one hit: the same person or a different one, with the reason. */
  @Post('hits/:hitId/adjudicate')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('adjudicateHit'))
  @ApiOkResponse(AS_THE_RECORD)
  async adjudicateHit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('hitId', uuidParam('hitId')) hitId: string,
    @Body(NoAadhaarShapedNumbers) dto: AdjudicateHitDto,
  ): Promise<VerificationDetailView> {
    await this.workflow.adjudicateHit(actor, id, hitId, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The verifier's report to the circle's DSP: CLEAR, ADVERSE (citing records) or INCOMPLETE. */
  @Post('report')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('submitReport'))
  @ApiOkResponse(AS_THE_RECORD)
  async submitReport(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: ReportDto): Promise<VerificationDetailView> {
    await this.workflow.submitReport(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** A CLEAR report issues the certificate, an ADVERSE or INCOMPLETE one the report letter; both go to e-Office. */
  @Post('sign-off')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('signOff'))
  @ApiOkResponse(AS_THE_RECORD)
  async signOff(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: SignOffDto): Promise<VerificationDetailView> {
    await this.workflow.signOff(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  @Post('send-back')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('sendBack'))
  @ApiOkResponse(AS_THE_RECORD)
  async sendBack(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: SendBackDto): Promise<VerificationDetailView> {
    await this.workflow.sendBack(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The applicant's first appeal (to the Addl. SP) against an ADVERSE or INCOMPLETE decision; its own limit counts from its receipt. */
  @Post('appeals/first')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('fileFirstAppeal'))
  @ApiOkResponse(AS_THE_RECORD)
  async fileFirstAppeal(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: FileAppealDto): Promise<VerificationDetailView> {
    await this.workflow.fileFirstAppeal(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The Addl. SP's decision: UPHELD, or OVERTURNED, which issues the certificate; the order goes to e-Office. */
  @Post('appeals/first/decision')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('decideFirstAppeal'))
  @ApiOkResponse(AS_THE_RECORD)
  async decideFirstAppeal(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DecideAppealDto): Promise<VerificationDetailView> {
    await this.workflow.decideFirstAppeal(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The second appeal (to the SP), against a first appeal's order that upheld the decision. */
  @Post('appeals/second')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('fileSecondAppeal'))
  @ApiOkResponse(AS_THE_RECORD)
  async fileSecondAppeal(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: FileAppealDto): Promise<VerificationDetailView> {
    await this.workflow.fileSecondAppeal(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  @Post('appeals/second/decision')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('decideSecondAppeal'))
  @ApiOkResponse(AS_THE_RECORD)
  async decideSecondAppeal(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: DecideAppealDto): Promise<VerificationDetailView> {
    await this.workflow.decideSecondAppeal(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** The certificate withdrawn, with the reason: /verify answers "revoked"; the applicant is told. */
  @Post('certificate/withdraw')
  @HttpCode(200)
  @Roles(...VERIFICATION_WORKFLOW.routeRoles('withdrawCertificate'))
  @ApiOkResponse(AS_THE_RECORD)
  async withdrawCertificate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(NoAadhaarShapedNumbers) dto: WithdrawCertificateDto): Promise<VerificationDetailView> {
    await this.workflow.withdrawCertificate(actor, id, dto);
    return VerificationDetailView.from(await this.view.get(actor, id));
  }

  /** One of its papers (certificate, report letter, appeal order) as a PDF: the application's need-to-know, the read audited. */
  @Get('papers/:paperId/pdf')
  @Roles(...VERIFICATION_READERS)
  @ApiFileResponse('application/pdf')
  async paperPdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('paperId', uuidParam('paperId')) paperId: string,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.papers.pdf(actor, id, paperId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${pdf.filename}"`);
    res.setHeader('X-Content-SHA256', pdf.sha256);
    res.send(pdf.bytes);
  }
}
