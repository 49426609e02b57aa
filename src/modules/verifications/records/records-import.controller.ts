import { Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { TempFileUpload, tempFileStorage, UploadErrorsInterceptor, uuidParam } from '../../../platform/http';
import { RECORDS_IMPORT_MAX_BYTES, RecordsImportService } from './records-import.service';
import {
  RecordsImportListQueryDto,
  RecordsImportPage,
  RecordsImportPreviewView,
  RecordsImportSummaryView,
  RecordsImportView,
} from './records-import.view';

/**
 * The criminal-records index's imports (ADMIN): upload a file for its preview, then confirm
 * it to enter the previewed rows, or discard it; the history of imports.
 */
@ApiTags('verifications')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('verifications/records-index/imports')
export class RecordsImportController {
  constructor(private readonly imports: RecordsImportService) {}

  /**
   * A CSV file (UTF-8, or Excel's "Unicode Text") with the columns name, father_name, dob or
   * age (with age_on), address, fir_ref, police_station, sections, read and checked row by row
   * and nothing entered yet: the answer is the preview, whose id confirms it within the hour.
   */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    new UploadErrorsInterceptor(RECORDS_IMPORT_MAX_BYTES),
    FileInterceptor('file', { storage: tempFileStorage(), limits: { fileSize: RECORDS_IMPORT_MAX_BYTES, files: 1, fields: 0 } }),
  )
  @ApiCreatedResponse({ type: RecordsImportPreviewView })
  async preview(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: (Express.Multer.File & TempFileUpload) | undefined,
  ): Promise<RecordsImportPreviewView> {
    return RecordsImportPreviewView.of(await this.imports.preview(actor, file));
  }

  @Get()
  @ApiOkResponse({ type: RecordsImportPage })
  async list(@CurrentActor() actor: Actor, @Query() q: RecordsImportListQueryDto): Promise<RecordsImportPage> {
    const page = await this.imports.list(actor, q.limit, q.offset);
    return RecordsImportPage.from({ total: page.total, items: page.items.map((s) => RecordsImportSummaryView.of(s)) });
  }

  @Get(':id')
  @ApiOkResponse({ type: RecordsImportView })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<RecordsImportView> {
    return RecordsImportView.of(await this.imports.get(actor, id));
  }

  /** Enters exactly the previewed rows; only the admin who previewed the file, once, before it expires. */
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: RecordsImportView })
  async confirm(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<RecordsImportView> {
    return RecordsImportView.of(await this.imports.confirm(actor, id));
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOkResponse({ type: RecordsImportView })
  async discard(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<RecordsImportView> {
    return RecordsImportView.of(await this.imports.discard(actor, id));
  }
}
