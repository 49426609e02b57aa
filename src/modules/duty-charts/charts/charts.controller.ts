import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { uuidParam } from '../../../platform/http';
import { sendPdf } from '../slips/slips.controller';
import { ChartEditsService } from './chart-edits.service';
import { CHART_WORKFLOW } from './chart-states';
import { ChartReadsService } from './chart-reads.service';
import {
  AddAssignmentDto,
  ChartPdfQueryDto,
  ListAssignmentsDto,
  PinAssignmentDto,
  SolveChartDto,
} from './charts.dto';
import { ChartsService } from './charts.service';

const READERS = ['ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR'] as const;

/** One version of a duty chart. DUTY_OFFICER prepares and publishes; the others may read. */
@ApiTags('duty-charts')
@ApiBearerAuth()
@Controller('duty-charts')
export class ChartsController {
  constructor(
    private readonly charts: ChartsService,
    private readonly edits: ChartEditsService,
    private readonly reads: ChartReadsService,
  ) {}

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.reads.summary(actor, id);
  }

  /** 202: the solve runs as a job; follow it at GET :id/progress. */
  @Post(':id/solve')
  @HttpCode(202)
  @Roles(...CHART_WORKFLOW.routeRoles('solve'))
  solve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: SolveChartDto,
  ) {
    return this.charts.solve(actor, id, dto);
  }

  @Get(':id/progress')
  @Roles(...READERS)
  progress(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.reads.progress(actor, id);
  }

  @Get(':id/assignments')
  @Roles(...READERS)
  assignments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() q: ListAssignmentsDto,
  ) {
    return this.reads.assignments(actor, id, q);
  }

  /** A manual duty: pinned, so every later solve keeps it. */
  @Post(':id/assignments')
  @Roles(...CHART_WORKFLOW.routeRoles('edit'))
  addAssignment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddAssignmentDto,
  ) {
    return this.edits.add(actor, id, dto);
  }

  @Patch(':id/assignments/:assignmentId')
  @Roles(...CHART_WORKFLOW.routeRoles('edit'))
  pin(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('assignmentId', uuidParam('assignmentId')) assignmentId: string,
    @Body() dto: PinAssignmentDto,
  ) {
    return this.edits.setPinned(actor, id, assignmentId, dto.pinned);
  }

  @Delete(':id/assignments/:assignmentId')
  @HttpCode(204)
  @Roles(...CHART_WORKFLOW.routeRoles('edit'))
  async removeAssignment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('assignmentId', uuidParam('assignmentId')) assignmentId: string,
  ): Promise<void> {
    await this.edits.remove(actor, id, assignmentId);
  }

  /** 202: papers and slips are issued by a job; a chart with shortfalls gets 409 and the list. */
  @Post(':id/publish')
  @HttpCode(202)
  @Roles(...CHART_WORKFLOW.routeRoles('publish'))
  publish(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.charts.publish(actor, id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Roles(...CHART_WORKFLOW.routeRoles('discard'))
  discard(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.charts.discard(actor, id);
  }

  @Get(':id/papers')
  @Roles(...READERS)
  papers(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.reads.papers(actor, id);
  }

  /** The master chart, or with ?thana=CODE that thana's chart. */
  @Get(':id/pdf')
  @Roles(...READERS)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() q: ChartPdfQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { doc, bytes } = await this.reads.pdf(actor, id, q.thana);
    sendPdf(res, doc, bytes, `duty-chart-${doc.sourceRef}-${doc.variant}`);
  }
}
