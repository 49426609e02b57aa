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
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { ApiFileResponse, uuidParam } from '../../../platform/http';
import { sendPdf } from '../slips/slip-responses';
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
import {
  AssignmentPage,
  ChartJobView,
  ChartPaperView,
  ChartProgressView,
  ChartSummaryView,
  DutyAssignmentView,
  DutyChartView,
} from '../duty-charts.view';

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
  @ApiOkResponse({ type: ChartSummaryView })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ChartSummaryView> {
    return ChartSummaryView.from(await this.reads.summary(actor, id));
  }

  /** 202: the solve runs as a job; follow it at GET :id/progress. */
  @Post(':id/solve')
  @HttpCode(202)
  @Roles(...CHART_WORKFLOW.routeRoles('solve'))
  @ApiAcceptedResponse({ type: ChartJobView })
  async solve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: SolveChartDto,
  ): Promise<ChartJobView> {
    return ChartJobView.from(await this.charts.solve(actor, id, dto));
  }

  /** Stops a running or queued solve; the chart goes back to DRAFT with what it had before. */
  @Post(':id/solve/cancel')
  @HttpCode(200)
  @Roles(...CHART_WORKFLOW.routeRoles('cancel-solve'))
  @ApiOkResponse({ type: DutyChartView })
  async cancelSolve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DutyChartView> {
    return DutyChartView.from(await this.charts.cancelSolve(actor, id));
  }

  @Get(':id/progress')
  @Roles(...READERS)
  @ApiOkResponse({ type: ChartProgressView })
  async progress(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ChartProgressView> {
    return ChartProgressView.from(await this.reads.progress(actor, id));
  }

  @Get(':id/assignments')
  @Roles(...READERS)
  @ApiOkResponse({ type: AssignmentPage })
  async assignments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() q: ListAssignmentsDto,
  ): Promise<AssignmentPage> {
    return AssignmentPage.from(await this.reads.assignments(actor, id, q));
  }

  /** A manual duty: pinned, so every later solve keeps it. */
  @Post(':id/assignments')
  @Roles(...CHART_WORKFLOW.routeRoles('edit'))
  @ApiCreatedResponse({ type: DutyAssignmentView })
  async addAssignment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddAssignmentDto,
  ): Promise<DutyAssignmentView> {
    return DutyAssignmentView.from(await this.edits.add(actor, id, dto));
  }

  @Patch(':id/assignments/:assignmentId')
  @Roles(...CHART_WORKFLOW.routeRoles('edit'))
  @ApiOkResponse({ type: DutyAssignmentView })
  async pin(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('assignmentId', uuidParam('assignmentId')) assignmentId: string,
    @Body() dto: PinAssignmentDto,
  ): Promise<DutyAssignmentView> {
    return DutyAssignmentView.from(await this.edits.setPinned(actor, id, assignmentId, dto.pinned));
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
  @ApiAcceptedResponse({ type: ChartJobView })
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ChartJobView> {
    return ChartJobView.from(await this.charts.publish(actor, id));
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Roles(...CHART_WORKFLOW.routeRoles('discard'))
  @ApiOkResponse({ type: DutyChartView })
  async discard(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<DutyChartView> {
    return DutyChartView.from(await this.charts.discard(actor, id));
  }

  @Get(':id/papers')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ChartPaperView] })
  async papers(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ChartPaperView[]> {
    return (await this.reads.papers(actor, id)).map((p) => ChartPaperView.from(p));
  }

  /** The master chart, or with ?thana=CODE that thana's chart. */
  @Get(':id/pdf')
  @Roles(...READERS)
  @ApiFileResponse('application/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() q: ChartPdfQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { doc, bytes } = await this.reads.pdf(actor, id, q.thana);
    sendPdf(res, { sha256: doc.sha256, bytes }, `duty-chart-${doc.sourceRef}-${doc.variant}`);
  }
}
