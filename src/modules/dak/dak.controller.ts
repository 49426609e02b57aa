import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, ROLES, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { aadhaarShapedField, ApiFileResponse, ATTACHMENT_MAX_BYTES, fieldError, UploadErrorsInterceptor, uuidParam } from '../../platform/http';
import { DakPageQueryDto } from './dak-actions.dto';
import { DakInbox } from './dak-inbox.service';
import { DakScans } from './dak-scans.service';
import { DAK_DESK_ROLES, DAK_HOLDER_ROLES } from './dak-workflow';
import { CreateDakDto, DakQueryDto } from './dak.dto';
import { DakService } from './dak.service';
import { DakReceiptDetailView, DakReceiptPage, DakSearchPage } from './dak.view';

@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak')
export class DakController {
  constructor(
    private readonly dak: DakService,
    private readonly scans: DakScans,
    private readonly inboxes: DakInbox,
  ) {}

  /** Diarise an inward item: it is numbered at once and queued for e-Office diarisation; marked at once with `markedTo`. */
  @Post()
  @Roles(...DAK_DESK_ROLES)
  @ApiCreatedResponse({ type: DakReceiptDetailView })
  async receive(@CurrentActor() actor: Actor, @Body() dto: CreateDakDto): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.dak.receive(actor, dto));
  }

  /** The register: for its readers their unit's items; for everyone the items they held; graded items only on a need to know. */
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: DakSearchPage })
  async list(@CurrentActor() actor: Actor, @Query() q: DakQueryDto): Promise<DakSearchPage> {
    return DakSearchPage.from(await this.dak.list(actor, q));
  }

  /** Your inbox: the open items you hold, and those of your unit no officer has taken; most urgent, then oldest, first. */
  @Get('inbox')
  @Roles(...ROLES)
  @ApiOkResponse({ type: DakReceiptPage })
  async inbox(@CurrentActor() actor: Actor, @Query() page: DakPageQueryDto): Promise<DakReceiptPage> {
    return DakReceiptPage.from(await this.inboxes.of(actor, page));
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: DakReceiptDetailView })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DakReceiptDetailView> {
    return DakReceiptDetailView.from(await this.dak.get(actor, id));
  }

  /** A scan of the item (PDF/JPEG/PNG by content, at most 10 MB), by its holder or the dak desk; answers with the item. */
  @Post(':id/scans')
  @Roles(...DAK_HOLDER_ROLES)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(new UploadErrorsInterceptor(ATTACHMENT_MAX_BYTES), FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2 } }))
  @ApiCreatedResponse({ type: DakReceiptDetailView })
  async addScan(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @UploadedFile() file: Express.Multer.File | undefined): Promise<DakReceiptDetailView> {
    if (file && aadhaarShapedField(file.originalname)) throw fieldError('file', 'file name must not contain a 12-digit number written like an Aadhaar number; rename the file');
    await this.scans.add(actor, id, file);
    return DakReceiptDetailView.from(await this.dak.get(actor, id));
  }

  @Get(':id/scans/:scanId')
  @Roles(...ROLES)
  @ApiFileResponse('application/pdf', 'image/jpeg', 'image/png')
  async scan(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('scanId', uuidParam('scanId')) scanId: string,
    @Res() res: Response,
  ): Promise<void> {
    const s = await this.scans.bytes(actor, id, scanId);
    res.setHeader('Content-Type', s.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(s.filename)}`);
    res.setHeader('X-Content-SHA256', s.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(s.bytes);
  }
}
