import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
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
import { Roles } from '../auth/decorators';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../http/field-error';
import { UploadErrorsInterceptor } from '../http/upload-errors.interceptor';
import { UnitImportService } from './unit-import.service';
import { UnitTreeService } from './unit-tree.service';
import { UnitImportReportView, UnitMoveView, UnitRemovalView, UnitView } from './unit.view';
import {
  CreateUnitDto,
  ImportUnitsQueryDto,
  ListUnitsDto,
  MoveUnitDto,
  RemoveUnitQueryDto,
  UpdateUnitDto,
} from './units.dto';
import { UnitsService } from './units.service';

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly tree: UnitTreeService,
    private readonly imports: UnitImportService,
  ) {}

  /** The organisation tree is not confidential: every signed-in user may read it. */
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [UnitView] })
  async list(@Query() q: ListUnitsDto): Promise<UnitView[]> {
    return (await this.units.tree(q.includeRetired === 'true')).map((u) => UnitView.from(u));
  }

  /** A zone, ACP circle (DIVISION), thana or branch under an existing unit. */
  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: UnitView })
  async create(@Body() dto: CreateUnitDto): Promise<UnitView> {
    return UnitView.from(await this.tree.create(dto));
  }

  /**
   * The tree from a CSV file, one row per thana: zone, zone_hi, circle, circle_hi, thana_en,
   * thana_hi, codes and lat/lng optional (src/cli/demo/data/bhopal-units.csv is such a file).
   * A file with bad rows gets 422 and a per-row report, and imports nothing unless sent again
   * with confirmPartial=true. Units already as the file says are left as they are.
   */
  @Post('import')
  @Roles('ADMIN')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    new UploadErrorsInterceptor(MAX_IMPORT_BYTES),
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }),
  )
  @ApiCreatedResponse({ type: UnitImportReportView })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() q: ImportUnitsQueryDto,
  ): Promise<UnitImportReportView> {
    return UnitImportReportView.from(await this.imports.import(file, q.confirmPartial === 'true'));
  }

  /** Names, kind and place on the map. */
  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: UnitView })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitView> {
    return UnitView.from(await this.tree.update(id, dto));
  }

  /** Hangs the unit from another parent; the paths of its whole subtree are rewritten with it. */
  @Post(':id/move')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: UnitMoveView })
  async move(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: MoveUnitDto,
  ): Promise<UnitMoveView> {
    return UnitMoveView.from(await this.tree.move(id, dto));
  }

  /**
   * Deletes a unit nothing refers to; a unit that users, officers or records name is retired
   * instead (kept, no longer listed or given new work). The answer says which.
   */
  @Delete(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: UnitRemovalView })
  async remove(
    @Param('id', uuidParam('id')) id: string,
    @Query() q: RemoveUnitQueryDto,
  ): Promise<UnitRemovalView> {
    return UnitRemovalView.from(await this.tree.remove(id, q.version));
  }
}
