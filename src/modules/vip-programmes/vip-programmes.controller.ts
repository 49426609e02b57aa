import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { fieldError, uuidParam } from '../../platform/http';
import { ProtecteesService } from './protectees.service';
import { VIP_DESK_ROLES, VIP_UNIT_ROLES } from './vip-access';
import { VipDistributionService } from './vip-distribution.service';
import { VipProgrammesService } from './vip-programmes.service';
import { VipReadService } from './vip-read.service';
import { VIP_WORKFLOW } from './vip-workflow';
import { CancelProgrammeDto, CreateProgrammeDto, CreateProtecteeDto, ReviseProgrammeDto } from './vip.dto';
import { VipProgrammeRevision } from './vip.entity';

const revisionParam = () => new ParseIntPipe({ exceptionFactory: () => fieldError('revision', 'revision must be a whole number') });

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
  listProtectees() {
    return this.protectees.list();
  }

  @Post('protectees')
  @Roles(...VIP_DESK_ROLES)
  createProtectee(@Body() dto: CreateProtecteeDto) {
    return this.protectees.create(dto);
  }

  @Get('security-categories')
  @Roles(...VIP_DESK_ROLES, 'ADMIN')
  norms() {
    return this.protectees.norms();
  }

  @Get('vip-programmes')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  list(@CurrentActor() actor: Actor) {
    return this.reads.list(actor);
  }

  @Post('vip-programmes')
  @Roles(...VIP_DESK_ROLES)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(actor, dto);
  }

  @Get('vip-programmes/:id')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  view(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.reads.view(actor, id);
  }

  @Post('vip-programmes/:id/revisions')
  @Roles(...VIP_WORKFLOW.routeRoles('revise'))
  revise(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: ReviseProgrammeDto) {
    return this.programmes.revise(actor, id, dto);
  }

  @Post('vip-programmes/:id/cancel')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('cancel'))
  cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelProgrammeDto) {
    return this.programmes.cancel(actor, id, dto);
  }

  @Get('vip-programmes/:id/revisions/:revision')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
  viewRevision(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number) {
    return this.reads.view(actor, id, revision);
  }

  @Get('vip-programmes/:id/revisions/:revision/pdf')
  @Roles(...VIP_DESK_ROLES, ...VIP_UNIT_ROLES)
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
  async acknowledge(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number) {
    const { programme } = await this.reads.visible(actor, id, revision);
    return this.distribution.acknowledge(actor, programme, revision);
  }

  @Get('vip-programmes/:id/revisions/:revision/acknowledgements')
  @Roles(...VIP_DESK_ROLES)
  async acknowledgements(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number) {
    const v = await this.reads.visible(actor, id, revision);
    return this.distribution.status(v.revision as VipProgrammeRevision);
  }

  @Post('vip-programmes/:id/revisions/:revision/resend')
  @HttpCode(200)
  @Roles(...VIP_WORKFLOW.routeRoles('resend'))
  async resend(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('revision', revisionParam()) revision: number) {
    const v = await this.reads.visible(actor, id, revision);
    return this.distribution.resend(actor, v.programme, v.revision);
  }

  /** Creates a bandobast draft with sectors along the route, in the duty-charts module. */
  @Post('vip-programmes/:id/bandobast-draft')
  @Roles(...VIP_WORKFLOW.routeRoles('bandobastDraft'))
  bandobastDraft(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.programmes.bandobastDraft(actor, id);
  }

  /** For auditors: who saw which revision, and when. */
  @Get('vip-programmes/:id/access-log')
  @Roles('AUDITOR')
  accessLog(@Param('id', uuidParam('id')) id: string) {
    return this.reads.accessLog(id);
  }
}
