import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import { CreateDakDto, DakQueryDto } from './dak.dto';
import { DakService } from './dak.service';
import { DakReceiptPage, DakReceiptView } from './dak.view';

@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak')
export class DakController {
  constructor(private readonly dak: DakService) {}

  /** Enter an inward item; it is numbered at once and queued for e-Office diarisation. */
  @Post()
  @Roles('CONTROL_ROOM', 'ADMIN')
  @ApiCreatedResponse({ type: DakReceiptView })
  async receive(@CurrentActor() actor: Actor, @Body() dto: CreateDakDto): Promise<DakReceiptView> {
    return DakReceiptView.from(await this.dak.receive(actor, dto));
  }

  @Get()
  @Roles('CONTROL_ROOM', 'ADMIN', 'APPROVER', 'AUDITOR')
  @ApiOkResponse({ type: DakReceiptPage })
  async list(@CurrentActor() actor: Actor, @Query() q: DakQueryDto): Promise<DakReceiptPage> {
    return DakReceiptPage.from(await this.dak.list(actor, q));
  }

  @Get(':id')
  @Roles('CONTROL_ROOM', 'ADMIN', 'APPROVER', 'AUDITOR')
  @ApiOkResponse({ type: DakReceiptView })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DakReceiptView> {
    return DakReceiptView.from(await this.dak.get(actor, id));
  }
}
