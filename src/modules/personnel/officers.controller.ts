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
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
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
  list(@CurrentActor() actor: Actor, @Query() filters: ListOfficersDto) {
    return this.officers.list(actor, filters);
  }

  @Post()
  @Roles('ADMIN', 'DUTY_OFFICER')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOfficerDto) {
    return this.officers.create(actor, dto);
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
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() q: ImportOfficersQueryDto,
  ) {
    return this.imports.import(actor, file, q.confirmPartial === 'true');
  }

  @Get(':id')
  @Roles('ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.officers.get(actor, id);
  }

  @Patch(':id')
  @Roles('ADMIN', 'DUTY_OFFICER')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateOfficerDto,
  ) {
    return this.officers.update(actor, id, dto);
  }

  /** Ties an OFFICER login to this personnel record, so it can see this officer's duty slips. */
  @Put(':id/account')
  @Roles('ADMIN')
  linkAccount(@Param('id', uuidParam('id')) id: string, @Body() dto: LinkAccountDto) {
    return this.officers.linkAccount(id, dto.username);
  }
}
