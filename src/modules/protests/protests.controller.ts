import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { ApiFileResponse, uuidParam } from '../../platform/http';
import { ProtestIntake } from './application/protest-intake.service';
import { ProtestList } from './application/protest-list.service';
import { ProtestView } from './application/protest-view.service';
import { StandardConditions } from './conditions/standard-conditions';
import { CreateProtestDto } from './dto/create-protest.dto';
import { ProtestQueryDto } from './dto/protest-query.dto';
import { EVENT_TYPES } from './event-types';
import { ProtestLetters } from './letters/protest-letters.service';
import { PROTEST_INTAKE, PROTEST_READERS } from './protest-roles';
import { BoardView, ConditionsView, ProtestCheckView, ProtestDetailView, ProtestPage } from './protest.view';

/** Protest (dharna-pradarshan) applications: intake, the control room's views, one application. */
@ApiTags('protests')
@ApiBearerAuth()
@Controller('protests')
export class ProtestsController {
  constructor(
    private readonly intake: ProtestIntake,
    private readonly lists: ProtestList,
    private readonly view: ProtestView,
    private readonly conditions: StandardConditions,
    private readonly letters: ProtestLetters,
  ) {}

  /** Enter an application; it is numbered at once, the applicant gets an SMS, and its rules and clashes come back. */
  @Post()
  @Roles(...PROTEST_INTAKE)
  @ApiCreatedResponse({ type: ProtestDetailView })
  async receive(@CurrentActor() actor: Actor, @Body() dto: CreateProtestDto): Promise<ProtestDetailView> {
    const app = await this.intake.receive(actor, dto);
    return ProtestDetailView.from(await this.view.get(actor, app.id));
  }

  /**
   * The same application checked before it is entered: field errors as intake gives them, else
   * its rule results and clashes as the record would show them. Nothing is written or numbered.
   */
  @Post('check')
  @HttpCode(200)
  @Roles(...PROTEST_INTAKE)
  @ApiOkResponse({ type: ProtestCheckView })
  async check(@CurrentActor() actor: Actor, @Body() dto: CreateProtestDto): Promise<ProtestCheckView> {
    return ProtestCheckView.from(await this.intake.check(actor, dto));
  }

  // Fixed paths come before ':id' so Express does not read them as an id.
  @Get('board')
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: BoardView })
  async board(@CurrentActor() actor: Actor): Promise<BoardView> {
    return BoardView.from(await this.lists.board(actor));
  }

  /** The standard conditions to pick from when approving, and the event types. */
  @Get('conditions')
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: ConditionsView })
  standardConditions(): ConditionsView {
    return ConditionsView.from({ conditions: this.conditions.all(), eventTypes: EVENT_TYPES });
  }

  @Get()
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: ProtestPage })
  async list(@CurrentActor() actor: Actor, @Query() q: ProtestQueryDto): Promise<ProtestPage> {
    return ProtestPage.from(await this.lists.list(actor, q));
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  @ApiOkResponse({ type: ProtestDetailView })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ProtestDetailView> {
    return ProtestDetailView.from(await this.view.get(actor, id));
  }

  /** The PDF of a decision letter: `permission`, `refusal` or `revocation`. */
  @Get(':id/letters/:kind')
  @Roles(...PROTEST_READERS)
  @ApiFileResponse('application/pdf')
  async letter(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('kind') kind: string, @Res() res: Response): Promise<void> {
    const { filename, sha256, bytes } = await this.letters.pdf(actor, id, kind);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('X-Content-SHA256', sha256);
    res.send(bytes);
  }
}
