import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import { ProtestIntake } from './application/protest-intake.service';
import { ProtestList } from './application/protest-list.service';
import { ProtestView } from './application/protest-view.service';
import { StandardConditions } from './conditions/standard-conditions';
import { CreateProtestDto } from './dto/create-protest.dto';
import { ProtestQueryDto } from './dto/protest-query.dto';
import { EVENT_TYPES } from './event-types';
import { ProtestLetters } from './letters/protest-letters.service';
import { PROTEST_INTAKE, PROTEST_READERS } from './protest-roles';

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
  async receive(@CurrentActor() actor: Actor, @Body() dto: CreateProtestDto) {
    const app = await this.intake.receive(actor, dto);
    return this.view.get(actor, app.id);
  }

  // Fixed paths come before ':id' so Express does not read them as an id.
  @Get('board')
  @Roles(...PROTEST_READERS)
  board(@CurrentActor() actor: Actor) {
    return this.lists.board(actor);
  }

  /** The standard conditions to pick from when approving, and the event types. */
  @Get('conditions')
  @Roles(...PROTEST_READERS)
  standardConditions() {
    return { conditions: this.conditions.all(), eventTypes: EVENT_TYPES };
  }

  @Get()
  @Roles(...PROTEST_READERS)
  list(@CurrentActor() actor: Actor, @Query() q: ProtestQueryDto) {
    return this.lists.list(actor, q);
  }

  @Get(':id')
  @Roles(...PROTEST_READERS)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.view.get(actor, id);
  }

  /** The PDF of a decision letter: `permission`, `refusal` or `revocation`. */
  @Get(':id/letters/:kind')
  @Roles(...PROTEST_READERS)
  async letter(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Param('kind') kind: string, @Res() res: Response): Promise<void> {
    const { filename, sha256, bytes } = await this.letters.pdf(actor, id, kind);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('X-Content-SHA256', sha256);
    res.send(bytes);
  }
}
