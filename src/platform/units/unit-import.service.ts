import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../change/unit-of-work';
import { CsvError, readCsv } from '../csv';
import { commissionerateBounds } from '../geo';
import { fieldError } from '../http/field-error';
import { ROOT_UNIT } from './root-unit';
import {
  planUnitImport,
  UNIT_IMPORT_COLUMNS,
  UnitImportPlan,
  UnitRowReport,
  unitSheet,
  UnitSheetRow,
} from './unit-import-rows';
import { UNIT_ENTITY, UNIT_TREE_LOCK, unitCreatedAudit } from './unit-tree.service';
import { Unit } from './unit.entity';
import { UnitsService } from './units.service';

export const MAX_UNIT_IMPORT_ROWS = 5_000;

export interface UnitImportReport {
  total: number;
  imported: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  rows: UnitRowReport[];
}

/**
 * The real tree from a CSV (one row per thana with its zone and ACP circle), with the roll
 * import's preview and confirm: a file with a bad row imports nothing and answers every
 * problem of every row, unless sent again with confirmPartial. Units already there as the file
 * says are left alone, so importing the same file again changes nothing.
 */
@Injectable()
export class UnitImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
  ) {}

  async import(
    file: { buffer: Buffer; originalname: string } | undefined,
    confirmPartial: boolean,
  ): Promise<UnitImportReport> {
    if (!file || file.buffer.length === 0)
      throw fieldError('file', 'file is required (multipart field "file", a .csv file)');
    const rows = this.read(file.buffer);
    const preview = await this.plan(rows, this.dataSource.manager);
    const good = preview.goodRows.length;
    const report = { total: rows.length, rejected: preview.bad.length, rows: preview.bad };
    if (good === 0 || (preview.bad.length > 0 && !confirmPartial)) {
      throw new UnprocessableEntityException({
        message:
          good === 0
            ? `none of the ${rows.length} rows can be imported; nothing was imported`
            : `${preview.bad.length} of ${rows.length} rows have errors; nothing was imported. Fix them, or upload again with confirmPartial=true to import the other ${good}`,
        ...report,
        imported: 0,
        importable: good,
      });
    }
    const plan =
      preview.create.length + preview.update.length > 0
        ? await this.write(rows, preview, file.originalname)
        : preview;
    return {
      ...report,
      imported: good,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged.length,
    };
  }

  private read(bytes: Buffer): UnitSheetRow[] {
    let grid: string[][];
    try {
      if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
        throw new CsvError(
          'this is an Excel workbook; save it as "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file',
        );
      grid = readCsv(bytes).rows;
    } catch (e) {
      if (e instanceof CsvError) throw fieldError('file', `the file cannot be read: ${e.message}`);
      throw e;
    }
    const sheet = unitSheet(grid);
    if (sheet.missingColumns.length > 0)
      throw fieldError(
        'file',
        `missing column(s) ${sheet.missingColumns.join(', ')}; the columns are ${UNIT_IMPORT_COLUMNS.join(', ')} (one row per thana: zone, thana_en and thana_hi are required)`,
      );
    if (sheet.rows.length === 0) throw fieldError('file', 'the file has a header but no rows');
    if (sheet.rows.length > MAX_UNIT_IMPORT_ROWS)
      throw fieldError('file', `at most ${MAX_UNIT_IMPORT_ROWS} rows per file; split it`);
    return sheet.rows;
  }

  private async plan(rows: UnitSheetRow[], em: EntityManager): Promise<UnitImportPlan> {
    return planUnitImport(rows, await this.units.list(em), ROOT_UNIT.code, commissionerateBounds());
  }

  private write(
    rows: UnitSheetRow[],
    preview: UnitImportPlan,
    filename: string,
  ): Promise<UnitImportPlan> {
    return this.uow.run(async (change) => {
      const { em } = change;
      await em.query(UNIT_TREE_LOCK);
      // Planned again under the lock: the tree may have changed since the preview.
      const plan = await this.plan(rows, em);
      if (plan.goodRows.join() !== preview.goodRows.join())
        throw new ConflictException(
          'the unit tree changed while the file was being checked; upload it again',
        );
      const file = filename.slice(0, 200);
      for (const u of plan.create) {
        const unit = await this.units.create(em, u);
        change.audit(unitCreatedAudit(unit, { file }));
      }
      for (const u of plan.update) {
        const unit = await em.findOneOrFail(Unit, {
          where: { id: u.id },
          lock: { mode: 'pessimistic_write' },
        });
        const diff = Object.fromEntries(
          Object.entries(u.changes).map(([k, to]) => [
            k,
            { from: unit[k as keyof typeof u.changes], to },
          ]),
        );
        await em.save(Object.assign(unit, u.changes));
        change.audit({
          action: 'unit.updated',
          entityType: UNIT_ENTITY,
          entityId: unit.id,
          diff: { code: unit.code, ...diff, file },
        });
      }
      change.audit({
        action: 'unit.imported',
        entityType: UNIT_ENTITY,
        entityId: null,
        diff: {
          file,
          created: plan.create.map((u) => u.code),
          updated: plan.update.map((u) => u.code),
          unchanged: plan.unchanged.length,
          skippedRows: plan.bad.map((b) => b.row),
        },
      });
      return plan;
    });
  }
}
