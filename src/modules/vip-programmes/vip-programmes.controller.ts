import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { ApiFileResponse, intParam, uuidParam } from '../../platform/http';
import { ProtecteesService } from './protectees.service';
import { VIP_DESK_ROLES, VIP_UNIT_ROLES } from './vip-access';
import { VipDistributionService } from './vip-distribution.service';
import { VipProgrammesService } from './vip-programmes.service';
import { VipReadService } from './vip-read.service';
import { VIP_WORKFLOW } from './vip-workflow';
import { CancelProgrammeDto, CreateProgrammeDto, CreateProtecteeDto, ReviseProgrammeDto } from './vip.dto';
import { VipProgrammeRevision } from './vip.entity';
import {
  AccessLogEntryView,
  AcknowledgementView,
  BandobastDraftView,
  ProgrammeListItemView,
  ProgrammeReadView,
  ProtecteeView,
  RevisionCheckView,
  SecurityCategoryView,
} from './vip.view';

/** Need-to-know: what a reader may not see does not exist for them. */
const NEED_TO_KNOW_404 =
  'No such programme or revision, or not for you: a unit reads a programme only while its CURRENT revision concerns the unit ' +
  '(and then only the revisions that concerned it). Refusals are written to the access log.';

const revisionParam = () => intParam('revision', { min: 1 });

/** An action answers with the record view, as a GET right after would give it to the same user. */
const asTheRecord = (get: string) => ({
  type: ProgrammeReadView,
  description: `The programme as \`${get}\` now shows it to you: the revision, its distribution, sync state; for the desk also clashes and revisions`,
});

@ApiTags('vip-programmes')
@ApiBearerAuth()
@Controller()
export class VipProgrammesController {
  constructor(
    private readonly programmes: VipProgrammesService,
    private readonly reads: VipReadService,
    private readonly distribution: VipDistributionService,
    private readonly protectees: ProtecteesService,
  ) {}

  @Get('protectees')
  @Roles(...VIP_DESK_ROLES)
  @ApiOkResponse({ type: [ProtecteeView] })
  async listProtectees(): Promise<ProtecteeView[]> {
    return (await this.protectees.list()).map((p) => ProtecteeView.from(p));
  }

  @Post('protectees')
  @Roles(...VIP_DESK_ROLES)
  @ApiCreatedResponse({ type: ProtecteeView })
  async createProtectee(@Body() dto: CreateProtecteeDto): Promise<ProtecteeView> {
    return ProtecteeView.from(await this.protectees.create(dto));
  }

  @Get('security-categories')
  @Roles(...VIP_DESK_ROLES, 'ADMIN')
  @ApiOkResponse({ type: [SecurityCategoryView] })
  async norms(): Promise<SecurityCategoryView[]> {
    return (await this.protectees.norms()).map((n) => SecurityCategoryView.from(n));
  }

  @Get('vip-programmes')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  @ApiOkResponse({ type: [ProgrammeListItemView] })
  async list(@CurrentActor() actor: Actor): Promise<ProgrammeListItemView[]> {
    return (await this.reads.list(actor)).map((p) => ProgrammeListItemView.from(p));
  }

  /** Issues revision 1 to the units concerned; the answer shows the protests (and other programmes) near each leg. */
  @Post('vip-programmes')
  @Roles(...VIP_DESK_ROLES)
  @ApiCreatedResponse(asTheRecord('GET /vip-programmes/:id'))
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeReadView> {
    const id = await this.programmes.create(actor, dto);
    return ProgrammeReadView.from(await this.reads.view(actor, id));
  }

  @Get('vip-programmes/:id')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  @ApiOkResponse({ type: ProgrammeReadView })
  @ApiNotFoundResponse({ description: NEED_TO_KNOW_404 })
  async view(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ProgrammeReadView> {
    return ProgrammeReadView.from(await this.reads.view(actor, id));
  }

  @Post('vip-programmes/:id/revisions')
  @Roles(...VIP_WORKFLOW.routeRoles('revise'))
  @ApiCreatedResponse(asTheRecord('GET /vip-programmes/:id'))
  async revise(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ReviseProgrammeDto): Promise<ProgrammeReadView> {
    await this.programmes.revise(actor, id, dto);
    return ProgrammeReadView.from(await this.reads.view(actor, id));
  }

  /** Revision N+1 checked before it is sent: the diff the units would get, and nothing written but the access log. */
  @Post('vip-programmes/:id/revisions/check')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('revise'))
  @ApiOkResponse({ type: RevisionCheckView })
  @ApiConflictResponse({ description: 'The programme is cancelled, or `revision` is no longer the current one: the same answers as the revision itself' })
  async checkRevision(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ReviseProgrammeDto): Promise<RevisionCheckView> {
    return RevisionCheckView.from(await this.programmes.checkRevision(actor, id, dto));
  }

  @Post('vip-programmes/:id/cancel')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('cancel'))
  @ApiOkResponse(asTheRecord('GET /vip-programmes/:id'))
  async cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelProgrammeDto): Promise<ProgrammeReadView> {
    await this.programmes.cancel(actor, id, dto);
    return ProgrammeReadView.from(await this.reads.view(actor, id));
  }

  @Get('vip-programmes/:id/revisions/:revision')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  @ApiOkResponse({ type: ProgrammeReadView })
  @ApiNotFoundResponse({ description: NEED_TO_KNOW_404 })
  async viewRevision(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number): Promise<ProgrammeReadView> {
    return ProgrammeReadView.from(await this.reads.view(actor, id, revision));
  }

  /** The desk gets the programme's PDF; a unit its movement sheet (only its own legs). */
  @Get('vip-programmes/:id/revisions/:revision/pdf')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  @ApiFileResponse('application/pdf')
  @ApiNotFoundResponse({ description: NEED_TO_KNOW_404 })
  @ApiConflictResponse({
    description:
      'A unit asked for the movement sheet of a superseded revision (or of a cancelled programme) that it never downloaded: ' +
      'none is issued anew. Body: {message, currentRevision, status}.',
  })
  async pdf(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number, @Res() res: Response) {
    const file = await this.reads.pdf(actor, id, revision);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.bytes);
  }

  @Post('vip-programmes/:id/revisions/:revision/acknowledge')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('acknowledge'))
  @ApiOkResponse(asTheRecord('GET /vip-programmes/:id/revisions/:revision'))
  @ApiNotFoundResponse({ description: NEED_TO_KNOW_404 })
  async acknowledge(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number): Promise<ProgrammeReadView> {
    const { programme } = await this.reads.visible(actor, id, revision);
    await this.distribution.acknowledge(actor, programme, revision);
    return ProgrammeReadView.from(await this.reads.view(actor, id, revision));
  }

  @Get('vip-programmes/:id/revisions/:revision/acknowledgements')
  @Roles(...VIP_DESK_ROLES)
  @ApiOkResponse({ type: [AcknowledgementView] })
  async acknowledgements(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number): Promise<AcknowledgementView[]> {
    const v = await this.reads.visible(actor, id, revision);
    return (await this.distribution.status(v.revision as VipProgrammeRevision)).map((a) => AcknowledgementView.from(a));
  }

  @Post('vip-programmes/:id/revisions/:revision/resend')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('resend'))
  @ApiOkResponse(asTheRecord('GET /vip-programmes/:id/revisions/:revision'))
  async resend(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number): Promise<ProgrammeReadView> {
    const v = await this.reads.visible(actor, id, revision);
    await this.distribution.resend(actor, v.programme, v.revision);
    return ProgrammeReadView.from(await this.reads.view(actor, id, revision));
  }

  /**
   * Creates a bandobast draft with sectors along the route, in the duty-charts module. Unlike
   * the programme's own actions it answers with the new record's id: the draft is a bandobast
   * (read it there), and the programme does not change.
   */
  @Post('vip-programmes/:id/bandobast-draft')
  @Roles(...VIP_WORKFLOW.routeRoles('bandobastDraft'))
  @ApiCreatedResponse({ type: BandobastDraftView })
  async bandobastDraft(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<BandobastDraftView> {
    return BandobastDraftView.from(await this.programmes.bandobastDraft(actor, id));
  }

  /** For auditors: who saw which revision, and when. */
  @Get('vip-programmes/:id/access-log')
  @Roles('AUDITOR')
  @ApiOkResponse({ type: [AccessLogEntryView] })
  @ApiNotFoundResponse({ description: 'No such programme' })
  async accessLog(@Param('id', uuidParam('id')) id: string): Promise<AccessLogEntryView[]> {
    return (await this.reads.accessLog(id)).map((e) => AccessLogEntryView.from(e));
  }
}
