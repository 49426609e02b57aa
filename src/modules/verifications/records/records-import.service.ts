import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { PersonRef, UsersService } from '../../../platform/auth';
import { Change, UnitOfWork } from '../../../platform/change';
import { Actor } from '../../../platform/context';
import { CsvError, streamCsv } from '../../../platform/csv';
import { fieldError, idsOf, References, removeTempUpload, TempFileUpload } from '../../../platform/http';
import { Clock, CLOCK, istDateKey } from '../../../platform/time';
import { AS_SYSTEM } from '../../../platform/workflow';
import { CriminalRecordImport, RecordsImportState } from './criminal-record-import.entity';
import { checkRecordRow, RECORD_COLUMNS, RecordRowError, recordSheetLayout, RecordSheetLayout } from './record-import-rows';
import {
  APPLY_STAGED_SQL,
  RECORDS_IMPORT_LOCK_SQL,
  RECORDS_IMPORT_TIMEOUT_SQL,
  STAGE_SQL,
  stageParams,
  STAGED_NOW_INDEXED_SQL,
  STAGED_RANGE_SQL,
  StagedRow,
  UNSTAGE_ALL_SQL,
  UNSTAGE_INDEXED_ROWS_SQL,
  UNSTAGE_REPEATED_ROWS_SQL,
} from './records-import.sql';
import { effectiveState, RECORDS_IMPORT_WORKFLOW } from './records-import-workflow';

/** Largest file accepted: a million rows of a busy index are some 200 MB. */
export const RECORDS_IMPORT_MAX_BYTES = 512 * 1024 * 1024;
export const RECORDS_IMPORT_MAX_ROWS = 2_000_000;
/** Row errors kept and shown per import; `badRows` counts them all. */
export const RECORDS_IMPORT_MAX_ERRORS = 1_000;
/** Rows of the file shown in the preview as they will be entered. */
export const RECORDS_IMPORT_SAMPLE_ROWS = 10;
/** How long a preview may be confirmed: long enough to read it, short enough that the index has not moved on. */
export const RECORDS_IMPORT_PREVIEW_MINUTES = 60;
const STAGE_BATCH = 5_000;
const APPLY_BATCH = 50_000;
export const RECORDS_IMPORT_ENTITY = 'criminal_record_import';

/** A previewed row as it will be entered, for the admin to check the reading of the file. */
export interface RecordsImportSampleRow {
  row: number;
  name: string;
  nameKey: string;
  relativeName: string | null;
  dob: string | null;
  age: { years: number; on: string } | null;
  address: string | null;
  firRef: string;
  policeStation: string;
  sections: string | null;
}

/** An import as its views show it, for one user at one moment. */
export interface RecordsImportShown {
  imp: CriminalRecordImport;
  state: RecordsImportState;
  allowedActions: string[];
  people: References<PersonRef>;
  sample?: RecordsImportSampleRow[];
}

/**
 * The criminal-records index from the files police stations keep (CSV: name, father's name,
 * date of birth or age, address, FIR reference, police station, sections), as the officer roll
 * is imported: the upload is read as it arrives and checked row by row, its good rows staged
 * keyed as they will be entered, and the admin who previewed it confirms it to enter exactly
 * those rows, once, within RECORDS_IMPORT_PREVIEW_MINUTES; or discards it. Rows that repeat
 * an entry (the same person, FIR and police station) in the file or the index are refused, so
 * the same file imported twice adds nothing. Every step is audited, with counts, never the rows.
 */
@Injectable()
export class RecordsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(actor: Actor, file: (TempFileUpload & { sha256?: string }) | undefined): Promise<RecordsImportShown> {
    if (!file || !file.path || file.size === 0)
      throw fieldError('file', 'file is required (multipart field "file", a .csv file saved as "CSV UTF-8")');
    try {
      const { imp, sample } = await this.uow.run((change) => this.stage(change, actor, file));
      return this.shown(actor, imp, sample);
    } catch (e) {
      if (e instanceof CsvError) throw fieldError('file', `the file cannot be read: ${e.message}`);
      throw e;
    } finally {
      removeTempUpload(file.path);
    }
  }

  private async stage(
    change: Change,
    actor: Actor,
    file: TempFileUpload,
  ): Promise<{ imp: CriminalRecordImport; sample: RecordsImportSampleRow[] }> {
    const { em } = change;
    await em.query(RECORDS_IMPORT_TIMEOUT_SQL);
    const now = this.clock.now();
    const today = istDateKey(now);
    await this.expireStale(change, now);
    const imp = em.create(CriminalRecordImport, {
      fileName: (file.originalname || 'upload.csv').slice(0, 200),
      fileSha256: file.sha256 ?? '',
      fileBytes: file.size,
      encoding: 'UTF-8',
      status: 'PREVIEWED',
      totalRows: 0,
      goodRows: 0,
      badRows: 0,
      errors: [],
      ignoredColumns: [],
      previewedBy: actor.id,
      previewedAt: now,
      expiresAt: new Date(now.getTime() + RECORDS_IMPORT_PREVIEW_MINUTES * 60_000),
      decidedBy: null,
      decidedAt: null,
      appliedRows: null,
    });
    await em.insert(CriminalRecordImport, imp);

    let layout: RecordSheetLayout | null = null;
    let errors: RecordRowError[] = [];
    let batch: StagedRow[] = [];
    const sample: RecordsImportSampleRow[] = [];
    let total = 0;
    let bad = 0;
    const flush = async () => {
      if (batch.length) await em.query(STAGE_SQL, stageParams(imp.id, batch));
      batch = [];
    };
    const rows = streamCsv(createReadStream(file.path, { highWaterMark: 1 << 20 }), {
      onFormat: (f) => (imp.encoding = f.encoding),
    });
    for await (const { row, cells } of rows) {
      if (!layout) {
        layout = recordSheetLayout(cells);
        if (layout.missing.length)
          throw fieldError(
            'file',
            `missing column(s) ${layout.missing.join(', ')}; the columns are ${Object.keys(RECORD_COLUMNS).join(', ')} (name, fir_ref, police_station and dob or age are required; Hindi headings such as नाम, थाना work too)`,
          );
        if (layout.duplicated.length)
          throw fieldError('file', `the column(s) ${layout.duplicated.join(', ')} appear twice in the header; keep one of each`);
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      if (++total > RECORDS_IMPORT_MAX_ROWS)
        throw fieldError('file', `at most ${RECORDS_IMPORT_MAX_ROWS.toLocaleString('en-IN')} rows per file; split it`);
      const checked = checkRecordRow(layout, row, cells, today);
      if (checked.errors) {
        bad++;
        if (errors.length < RECORDS_IMPORT_MAX_ERRORS) errors.push(...checked.errors);
        continue;
      }
      batch.push({ rowNo: row, row: checked.row });
      if (sample.length < RECORDS_IMPORT_SAMPLE_ROWS) sample.push(sampleOf(row, checked.row));
      if (batch.length >= STAGE_BATCH) await flush();
    }
    if (!layout) throw fieldError('file', 'the file is empty');
    if (total === 0) throw fieldError('file', 'the file has a header but no rows');
    await flush();

    // Entries the file repeats, of its own or of the index: one import at a time from here on.
    await em.query(RECORDS_IMPORT_LOCK_SQL);
    const nameColumn = layout.headings[layout.index.name!] || 'name';
    const repeated = (await em.query(UNSTAGE_REPEATED_ROWS_SQL, [imp.id])) as Array<{ rowNo: number; firstRow: number }>;
    const indexed = (await em.query(UNSTAGE_INDEXED_ROWS_SQL, [imp.id])) as Array<{ rowNo: number; indexedAt: Date }>;
    const taken = new Set<number>();
    for (const r of repeated) {
      taken.add(r.rowNo);
      errors.push({
        row: r.rowNo,
        column: nameColumn,
        message: `repeats row ${r.firstRow}: the same person under the same FIR reference and police station`,
      });
    }
    for (const r of indexed) {
      taken.add(r.rowNo);
      errors.push({
        row: r.rowNo,
        column: nameColumn,
        message: `is in the index already (the same person under the same FIR reference and police station, entered ${istDateKey(new Date(r.indexedAt))})`,
      });
    }
    bad += taken.size;
    errors = errors.sort((a, b) => a.row - b.row).slice(0, RECORDS_IMPORT_MAX_ERRORS);
    Object.assign(imp, {
      totalRows: total,
      goodRows: total - bad,
      badRows: bad,
      errors,
      ignoredColumns: layout.ignored,
    });
    await em.update(
      CriminalRecordImport,
      { id: imp.id },
      { totalRows: total, goodRows: total - bad, badRows: bad, errors, ignoredColumns: layout.ignored, encoding: imp.encoding },
    );
    change.audit({
      action: 'criminal_records.import_previewed',
      entityType: RECORDS_IMPORT_ENTITY,
      entityId: imp.id,
      diff: { file: imp.fileName, sha256: imp.fileSha256, totalRows: total, goodRows: total - bad, badRows: bad },
    });
    return { imp, sample: sample.filter((s) => !taken.has(s.row)) };
  }

  /** Enters the previewed rows into the index: by the admin who previewed them, once, in time. */
  async confirm(actor: Actor, id: string): Promise<RecordsImportShown> {
    const imp = await this.uow.run(async (change) => {
      const { em } = change;
      await em.query(RECORDS_IMPORT_TIMEOUT_SQL);
      await em.query(RECORDS_IMPORT_LOCK_SQL);
      const imp = await this.locked(em, id);
      const to = RECORDS_IMPORT_WORKFLOW.next(effectiveState(imp, this.clock.now()), 'confirm', actor.roles, {
        imp,
        actorId: actor.id,
      });
      const [{ n: since }] = (await em.query(STAGED_NOW_INDEXED_SQL, [id])) as Array<{ n: number }>;
      if (since > 0)
        throw new ConflictException({
          message: `${since} of the previewed rows were entered into the index by another import since this preview; nothing was entered. Upload the file again for a new preview`,
          state: imp.status,
        });
      const [range] = (await em.query(STAGED_RANGE_SQL, [id])) as Array<{ lo: number | null; hi: number | null; n: number }>;
      let applied = 0;
      if (range!.lo !== null && range!.hi !== null)
        for (let from = range!.lo; from <= range!.hi; from += APPLY_BATCH) {
          const [{ n }] = (await em.query(APPLY_STAGED_SQL, [id, from, from + APPLY_BATCH])) as Array<{ n: number }>;
          applied += n;
        }
      // The preview's count and the rows entered are one and the same, or nothing is entered.
      if (applied !== imp.goodRows || applied !== range!.n)
        throw new Error(`import ${id}: ${applied} rows entered, ${imp.goodRows} previewed`);
      await em.query(UNSTAGE_ALL_SQL, [id]);
      const now = this.clock.now();
      Object.assign(imp, { status: to, decidedBy: actor.id, decidedAt: now, appliedRows: applied });
      await em.update(CriminalRecordImport, { id }, { status: to, decidedBy: actor.id, decidedAt: now, appliedRows: applied });
      change.audit({
        action: 'criminal_records.imported',
        entityType: RECORDS_IMPORT_ENTITY,
        entityId: id,
        diff: { file: imp.fileName, sha256: imp.fileSha256, appliedRows: applied, skippedRows: imp.badRows },
      });
      return imp;
    });
    return this.shown(actor, imp);
  }

  /** Drops a preview without entering anything. */
  async discard(actor: Actor, id: string): Promise<RecordsImportShown> {
    const imp = await this.uow.run(async (change) => {
      const { em } = change;
      const imp = await this.locked(em, id);
      const to = RECORDS_IMPORT_WORKFLOW.next(effectiveState(imp, this.clock.now()), 'discard', actor.roles, {
        imp,
        actorId: actor.id,
      });
      await em.query(UNSTAGE_ALL_SQL, [id]);
      const now = this.clock.now();
      Object.assign(imp, { status: to, decidedBy: actor.id, decidedAt: now });
      await em.update(CriminalRecordImport, { id }, { status: to, decidedBy: actor.id, decidedAt: now });
      change.audit({
        action: 'criminal_records.import_discarded',
        entityType: RECORDS_IMPORT_ENTITY,
        entityId: id,
        diff: { file: imp.fileName, status: { from: 'PREVIEWED', to } },
      });
      return imp;
    });
    return this.shown(actor, imp);
  }

  /** The imports, newest first: the import history. */
  async list(actor: Actor, limit: number, offset: number): Promise<{ total: number; items: RecordsImportShown[] }> {
    const [rows, total] = await this.dataSource.getRepository(CriminalRecordImport).findAndCount({
      order: { previewedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const people = await this.users.people(idsOf(rows.map((r) => r.previewedBy), rows.map((r) => r.decidedBy)));
    return { total, items: rows.map((imp) => this.shownWith(actor, imp, people)) };
  }

  async get(actor: Actor, id: string): Promise<RecordsImportShown> {
    const imp = await this.dataSource.getRepository(CriminalRecordImport).findOne({ where: { id } });
    if (!imp) throw new NotFoundException(`import ${id} not found`);
    return this.shown(actor, imp);
  }

  private async locked(em: EntityManager, id: string): Promise<CriminalRecordImport> {
    const imp = await em.findOne(CriminalRecordImport, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!imp) throw new NotFoundException(`import ${id} not found`);
    return imp;
  }

  /** Previews nobody confirmed in time: marked EXPIRED and their staged rows dropped. */
  private async expireStale(change: Change, now: Date): Promise<void> {
    const { em } = change;
    const stale = (await em.query(
      `SELECT id, file_name AS "fileName" FROM criminal_record_import
       WHERE status = 'PREVIEWED' AND expires_at <= $1 FOR UPDATE SKIP LOCKED`,
      [now],
    )) as Array<{ id: string; fileName: string }>;
    for (const s of stale) {
      const to = RECORDS_IMPORT_WORKFLOW.next('PREVIEWED', 'expire', AS_SYSTEM, {
        imp: { previewedBy: '', fileName: s.fileName, goodRows: 0 },
        actorId: null,
      });
      await em.query(UNSTAGE_ALL_SQL, [s.id]);
      await em.update(CriminalRecordImport, { id: s.id }, { status: to });
      change.audit({
        action: 'criminal_records.import_expired',
        entityType: RECORDS_IMPORT_ENTITY,
        entityId: s.id,
        diff: { file: s.fileName, status: { from: 'PREVIEWED', to } },
      });
    }
  }

  private async shown(actor: Actor, imp: CriminalRecordImport, sample?: RecordsImportSampleRow[]): Promise<RecordsImportShown> {
    const people = await this.users.people(idsOf(imp.previewedBy, imp.decidedBy));
    return { ...this.shownWith(actor, imp, people), ...(sample ? { sample } : {}) };
  }

  private shownWith(actor: Actor, imp: CriminalRecordImport, people: References<PersonRef>): RecordsImportShown {
    const state = effectiveState(imp, this.clock.now());
    return {
      imp,
      state,
      allowedActions: RECORDS_IMPORT_WORKFLOW.allowedActions(state, actor.roles, { imp, actorId: actor.id }),
      people,
    };
  }
}

function sampleOf(rowNo: number, r: StagedRow['row']): RecordsImportSampleRow {
  return {
    row: rowNo,
    name: r.name,
    nameKey: r.nameKey,
    relativeName: r.relativeName,
    dob: r.dob,
    age: r.ageYears !== null && r.ageOn !== null ? { years: r.ageYears, on: r.ageOn } : null,
    address: r.address,
    firRef: r.firRef,
    policeStation: r.policeStation,
    sections: r.sections,
  };
}
