import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../platform/context';
import { UnitOfWork } from '../../../platform/change';
import { fieldError } from '../../../platform/http';
import { unitInScope, UnitsService } from '../../../platform/units';
import { CsvError } from '../../../platform/csv';
import { checkOfficerRows, OfficerRow, RowReport } from './officer-rows';
import { IMPORT_COLUMNS, readSheet, Sheet } from './sheet';

export const MAX_IMPORT_ROWS = 20_000;

export interface ImportReport {
  total: number;
  imported: number;
  rejected: number;
  rows: RowReport[];
}

/**
 * Bulk entry of the roll from the Excel sheets thanas keep. All or nothing by default: a
 * file with a bad row imports nothing, unless the user has seen the report and confirms
 * that the good rows should go in without the bad ones.
 */
@Injectable()
export class OfficerImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly unitTree: UnitsService,
  ) {}

  async import(
    actor: Actor,
    file: { buffer: Buffer; originalname: string } | undefined,
    confirmPartial: boolean,
  ): Promise<ImportReport> {
    if (!file || file.buffer.length === 0)
      throw fieldError('file', 'file is required (multipart field "file", a .csv or .xlsx sheet)');
    const sheet = await this.read(file.buffer);
    const units = await this.unitTree.list();
    const allUnits = new Map(units.map((u) => [u.code, u.id]));
    const unitsInScope = new Map(
      units.filter((u) => unitInScope(actor, u)).map((u) => [u.code, u.id]),
    );
    const existing: Array<{ b: string }> = await this.dataSource.query(
      `SELECT upper(regexp_replace(belt_no, '\\s', '', 'g')) AS b FROM officer`,
    );
    const { good, bad } = checkOfficerRows(sheet.rows, {
      allUnits,
      unitsInScope,
      existingBeltNos: new Set(existing.map((e) => e.b)),
      retiredUnits: new Set(units.filter((u) => !u.isActive).map((u) => u.code)),
    });
    const report = { total: sheet.rows.length, rejected: bad.length, rows: bad };
    if (good.length === 0 || (bad.length > 0 && !confirmPartial)) {
      throw new UnprocessableEntityException({
        message:
          good.length === 0
            ? `none of the ${sheet.rows.length} rows can be imported; nothing was imported`
            : `${bad.length} of ${sheet.rows.length} rows have errors; nothing was imported. Fix them, or upload again with confirmPartial=true to import the other ${good.length}`,
        ...report,
        imported: 0,
        importable: good.length,
      });
    }
    await this.insert(good, file.originalname, bad.length);
    return { ...report, imported: good.length };
  }

  private async read(bytes: Buffer): Promise<Sheet> {
    let sheet: Sheet;
    try {
      sheet = await readSheet(bytes);
    } catch (e) {
      const why =
        e instanceof CsvError
          ? e.message
          : 'it is neither a readable .xlsx workbook nor a CSV file';
      throw fieldError('file', `the file cannot be read: ${why}`);
    }
    if (sheet.missingColumns.length > 0) {
      throw fieldError(
        'file',
        `missing column(s) ${sheet.missingColumns.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}`,
      );
    }
    if (sheet.rows.length === 0)
      throw fieldError('file', 'the file has a header but no officer rows');
    if (sheet.rows.length > MAX_IMPORT_ROWS)
      throw fieldError('file', `at most ${MAX_IMPORT_ROWS} rows per file; split the sheet`);
    return sheet;
  }

  private insert(rows: OfficerRow[], filename: string, skipped: number): Promise<void> {
    return this.uow.run(async (change) => {
      const { em } = change;
      const col = <K extends keyof OfficerRow>(k: K) => rows.map((r) => r[k]);
      const inserted: Array<{ id: string }> = await em.query(
        `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, home_unit_id, mobile, skills)
         SELECT b, ne, nh, r, g, u, h, m, coalesce(string_to_array(nullif(s, ''), ','), '{}')
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[])
             AS t(b, ne, nh, r, g, u, h, m, s)
         RETURNING id`,
        [
          col('beltNo'),
          col('nameEn'),
          col('nameHi'),
          col('rank'),
          col('gender'),
          col('unitId'),
          col('homeUnitId'),
          col('mobile'),
          rows.map((r) => r.skills.join(',')),
        ],
      );
      // One audit row for the file: which officers it created, not 5,000 separate rows.
      change.audit({
        action: 'officer.imported',
        entityType: 'officer',
        entityId: null,
        diff: {
          file: filename.slice(0, 200),
          imported: inserted.length,
          skippedRows: skipped,
          officerIds: inserted.map((r) => r.id),
        },
      });
    });
  }
}
