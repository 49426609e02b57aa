import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import { ROLES } from '../auth/roles';
import { Actor } from '../context/request-context';
import { uuidParam } from '../http/field-error';
import { degradedNote } from './channel-mode-text';
import { EofficeChannel } from './eoffice-channel.service';
import { CancelOutboxDto, OutageQueryDto, OutboxQueryDto } from './eoffice.dto';
import { EofficeOutagePage, EofficeOutages } from './outages';
import { OUTBOX_WORKFLOW } from './outbox/outbox-workflow';
import { OutboxService } from './outbox/outbox.service';
import { OutboxItemPage, OutboxItemView, SystemStatusView } from './eoffice.view';

@ApiTags('e-Office')
@ApiBearerAuth()
@Controller()
export class EofficeController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly channel: EofficeChannel,
    private readonly outages: EofficeOutages,
  ) {}

  /** The state at a glance: is e-Office reachable, and how much is waiting for it. */
  @Get('system/status')
  @Roles(...ROLES)
  @ApiOkResponse({ type: SystemStatusView })
  async status(): Promise<SystemStatusView> {
    const [row] = await this.outbox.modeRow();
    const note = row.mode === 'DEGRADED' ? degradedNote(row.fault) : undefined;
    return SystemStatusView.from({
      ...row,
      checkedAt: this.channel.checkedAt,
      channel: this.channel.channelName,
      ...(await this.outbox.figures()),
      note: note?.en,
      noteHi: note?.hi,
    });
  }

  /** The outages on record, newest first: when each began and when e-Office came back. */
  @Get('eoffice/outages')
  @Roles('ADMIN', 'CONTROL_ROOM', 'AUDITOR')
  @ApiOkResponse({ type: EofficeOutagePage })
  async outageList(@Query() q: OutageQueryDto): Promise<EofficeOutagePage> {
    return EofficeOutagePage.from(await this.outages.list(q.limit, q.offset));
  }

  @Get('eoffice/outbox')
  @Roles('ADMIN', 'CONTROL_ROOM')
  @ApiOkResponse({ type: OutboxItemPage })
  async list(@Query() filters: OutboxQueryDto): Promise<OutboxItemPage> {
    return OutboxItemPage.from(await this.outbox.list(filters));
  }

  @Get('eoffice/outbox/:id')
  @Roles('ADMIN', 'CONTROL_ROOM')
  @ApiOkResponse({ type: OutboxItemView })
  async get(@Param('id', uuidParam('id')) id: string): Promise<OutboxItemView> {
    return OutboxItemView.from(await this.outbox.get(id));
  }

  @Post('eoffice/outbox/:id/retry')
  @HttpCode(200)
  @Roles(...OUTBOX_WORKFLOW.routeRoles('retry'))
  @ApiOkResponse({ type: OutboxItemView })
  async retry(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<OutboxItemView> {
    return OutboxItemView.from(await this.outbox.retry(actor, id));
  }

  @Post('eoffice/outbox/:id/cancel')
  @HttpCode(200)
  @Roles(...OUTBOX_WORKFLOW.routeRoles('cancel'))
  @ApiOkResponse({ type: OutboxItemView })
  async cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelOutboxDto): Promise<OutboxItemView> {
    return OutboxItemView.from(await this.outbox.cancel(actor, id, dto.reason));
  }
}
