import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ROLES, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { NoAadhaarShapedNumbers, uuidParam } from '../../platform/http';
import { CreateDakFileDto, DakPageQueryDto } from './dak-actions.dto';
import { DakFiles } from './dak-files.service';
import { DAK_HOLDER_ROLES } from './dak-workflow';
import { DakFileDetailView, DakFilePage, DakFileView } from './dak.view';

@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak/files')
export class DakFilesController {
  constructor(private readonly files: DakFiles) {}

  /** Opens a file `FILE/<year>/<6 digits>` under a subject head, for your unit or one below it. */
  @Post()
  @Roles(...DAK_HOLDER_ROLES)
  @ApiCreatedResponse({ type: DakFileView })
  async open(@CurrentActor() actor: Actor, @Body(NoAadhaarShapedNumbers) dto: CreateDakFileDto): Promise<DakFileView> {
    return DakFileView.from(await this.files.open(actor, dto));
  }

  /** The files of your unit and those below it (all, for a commissionerate-wide role), newest first. */
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: DakFilePage })
  async list(@CurrentActor() actor: Actor, @Query() page: DakPageQueryDto): Promise<DakFilePage> {
    return DakFilePage.from(await this.files.list(actor, page));
  }

  /** The file and its receipts, those you may see. */
  @Get(':fileId')
  @Roles(...ROLES)
  @ApiOkResponse({ type: DakFileDetailView })
  async get(@CurrentActor() actor: Actor, @Param('fileId', uuidParam('fileId')) id: string): Promise<DakFileDetailView> {
    return DakFileDetailView.from(await this.files.get(actor, id));
  }
}
