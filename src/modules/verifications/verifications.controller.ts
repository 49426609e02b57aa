import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import type { Response } from 'express';
import { ApiFileResponse, NoAadhaarShapedNumbers, uuidParam } from '../../platform/http';
import { VERIFICATION_INTAKE, VERIFICATION_READERS } from './application/verification-access';
import { verificationsCsv } from './application/verification-export';
import { VerificationIntake } from './application/verification-intake.service';
import { VerificationList } from './application/verification-list.service';
import { VerificationView } from './application/verification-view.service';
import { CreateVerificationDto } from './dto/create-verification.dto';
import { VerificationQueryDto } from './dto/verification-query.dto';
import { CreateLocalityDto } from './localities/locality.dto';
import { VerificationLocalities } from './localities/verification-localities.service';
import {
  VerificationDetailView,
  VerificationLocalityListView,
  VerificationLocalityView,
  VerificationPage,
  VerificationQueueView,
  VerificationSlaBoardView,
  VerificationWorkloadView,
} from './verification.view';

/**
 * Character verification (चरित्र सत्यापन): intake, the queues and one application. Bodies and
 * queries are held to the stricter Aadhaar rule: no 12-digit Aadhaar-shaped number, whether or
 * not its check digit holds, in any field.
 */
@ApiTags('verifications')
@ApiBearerAuth()
@Controller('verifications')
export class VerificationsController {
  constructor(
    private readonly intake: VerificationIntake,
    private readonly lists: VerificationList,
    private readonly view: VerificationView,
    private readonly localities: VerificationLocalities,
  ) {}

  /** Enter an application: numbered, routed to its thana and a verifier there, the applicant told by SMS. */
  @Post()
  @Roles(...VERIFICATION_INTAKE)
  @ApiCreatedResponse({ type: VerificationDetailView })
  async receive(@CurrentActor() actor: Actor, @Body(NoAadhaarShapedNumbers) dto: CreateVerificationDto): Promise<VerificationDetailView> {
    const app = await this.intake.receive(actor, dto);
    return VerificationDetailView.from(await this.view.get(actor, app.id));
  }

  // Fixed paths come before ':id' so Express does not read them as an id.
  /** Your own open applications, the fewest days left first. */
  @Get('queue')
  @Roles('VERIFIER')
  @ApiOkResponse({ type: VerificationQueueView })
  async queue(@CurrentActor() actor: Actor): Promise<VerificationQueueView> {
    return VerificationQueueView.from({ items: await this.lists.queue(actor) });
  }

  /** Open work per thana of your chain and per verifier there. */
  @Get('workload')
  @Roles(...VERIFICATION_READERS)
  @ApiOkResponse({ type: VerificationWorkloadView })
  async workload(@CurrentActor() actor: Actor): Promise<VerificationWorkloadView> {
    return VerificationWorkloadView.from({ thanas: await this.lists.workload(actor) });
  }

  /** Near breach (warning) and breached, per thana of your chain. */
  @Get('sla-board')
  @Roles(...VERIFICATION_READERS)
  @ApiOkResponse({ type: VerificationSlaBoardView })
  async slaBoard(@CurrentActor() actor: Actor): Promise<VerificationSlaBoardView> {
    return VerificationSlaBoardView.from({ thanas: await this.lists.slaBoard(actor) });
  }

  /** The locality register that routes an address to its thana. */
  @Get('localities')
  @Roles('ADMIN', 'VERIFIER', 'APPROVER')
  @ApiOkResponse({ type: VerificationLocalityListView })
  async localityList(): Promise<VerificationLocalityListView> {
    return VerificationLocalityListView.from({ items: await this.localities.list() });
  }

  @Post('localities')
  @Roles('ADMIN', 'VERIFIER')
  @ApiCreatedResponse({ type: VerificationLocalityView })
  async addLocality(@CurrentActor() actor: Actor, @Body(NoAadhaarShapedNumbers) dto: CreateLocalityDto): Promise<VerificationLocalityView> {
    return VerificationLocalityView.from(await this.localities.add(actor, dto.name, dto.thanaCode));
  }

  /** The applications of the thanas in your chain (all, for an auditor), by due day; IDs and mobiles masked. */
  @Get()
  @Roles(...VERIFICATION_READERS)
  @ApiOkResponse({ type: VerificationPage })
  async list(@CurrentActor() actor: Actor, @Query(NoAadhaarShapedNumbers) q: VerificationQueryDto): Promise<VerificationPage> {
    return VerificationPage.from(await this.lists.list(actor, q));
  }

  /** The same list as a CSV file (at most 5,000 rows), masked as the list is; the export is audited. */
  @Get('export.csv')
  @Roles(...VERIFICATION_READERS)
  @ApiFileResponse('text/csv')
  async exportCsv(@CurrentActor() actor: Actor, @Query(NoAadhaarShapedNumbers) q: VerificationQueryDto, @Res() res: Response): Promise<void> {
    const { items } = await this.lists.list(actor, q, true);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="verifications.csv"');
    res.send(verificationsCsv(items));
  }

  @Get(':id')
  @Roles(...VERIFICATION_READERS)
  @ApiOkResponse({ type: VerificationDetailView })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<VerificationDetailView> {
    return VerificationDetailView.from(await this.view.get(actor, id));
  }
}
