import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../platform/auth';
import { Actor } from '../../platform/context';
import { uuidParam } from '../../platform/http';
import { OfficerImportService } from './import/officer-import.service';
import {
  CreateOfficerDto,
  ImportOfficersQueryDto,
  LinkAccountDto,
  ListOfficersDto,
  UpdateOfficerDto,
} from './officers.dto';
import { OfficersService } from './officers.service';
import { ImportReportView, OfficerPage, OfficerView } from './personnel.view';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('personnel')
@ApiBearerAuth()
@Controller('officers')
export class OfficersController {
  constructor(
    private readonly officers: OfficersService,
    private readonly imports: OfficerImportService,
  ) {}

  @Get()
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR')
  @ApiOkResponse({ type: OfficerPage })
  async list(
    @CurrentActor() actor: Actor,
    @Query() filters: ListOfficersDto,
  ): Promise<OfficerPage> {
    return OfficerPage.from(await this.officers.list(actor, filters));
  }

  @Post()
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiCreatedResponse({ type: OfficerView })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateOfficerDto): Promise<OfficerView> {
    return OfficerView.from(await this.officers.create(actor, dto));
  }

  /**
   * CSV or XLSX roll (columns beltNo, nameEn, nameHi, rank, gender, unit, homeUnit, mobile,
   * skills). A file with bad rows gets 422 and a per-row report, and imports nothing unless
   * sent again with confirmPartial=true.
   */
  @Post('import')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiCreatedResponse({ type: ImportReportView })
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() q: ImportOfficersQueryDto,
  ): Promise<ImportReportView> {
    return ImportReportView.from(
      await this.imports.import(actor, file, q.confirmPartial === 'true'),
    );
  }

  @Get(':id')
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR')
  @ApiOkResponse({ type: OfficerView })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<OfficerView> {
    return OfficerView.from(await this.officers.get(actor, id));
  }

  @Patch(':id')
  @Roles('ADMIN', 'DUTY_OFFICER')
  @ApiOkResponse({ type: OfficerView })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateOfficerDto,
  ): Promise<OfficerView> {
    return OfficerView.from(await this.officers.update(actor, id, dto));
  }

  /** Ties an OFFICER login to this personnel record, so it can see this officer's duty slips. */
  @Put(':id/account')
  @Roles('ADMIN')
  @ApiOkResponse({ type: OfficerView })
  async linkAccount(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: LinkAccountDto,
  ): Promise<OfficerView> {
    return OfficerView.from(await this.officers.linkAccount(id, dto.username));
  }
}
