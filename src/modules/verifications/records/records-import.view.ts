import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PersonRefView } from '../../../platform/auth';
import { PageOf, PG_INTEGER_MAX, ResponseView } from '../../../platform/http';
import { RECORDS_IMPORT_STATES, RecordsImportState } from './criminal-record-import.entity';
import type { RecordsImportShown } from './records-import.service';

export class RecordsImportListQueryDto {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset = 0;
}

/** A problem in one cell of an imported file. */
export class RecordRowErrorView extends ResponseView {
  @ApiProperty({ description: 'The row as a spreadsheet numbers it (the header is row 1)', example: 14 }) row!: number;
  @ApiProperty({ description: "The column's heading as the file writes it", example: 'dob' }) column!: string;
  @ApiProperty({ example: 'is not a date; write it as dd-mm-yyyy (or yyyy-mm-dd)' }) message!: string;
}

export class SampleAgeView extends ResponseView {
  @ApiProperty() years!: number;
  @ApiProperty({ format: 'date', description: 'The date the age was recorded' }) on!: string;
}

/** A previewed row as it will be entered, with the name key the search matches on. */
export class RecordsImportSampleView extends ResponseView {
  @ApiProperty() row!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'rajes kumar sarma', description: 'The phonetic key the search matches on' }) nameKey!: string;
  @ApiProperty({ type: String, nullable: true }) relativeName!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dob!: string | null;
  @ApiProperty({ type: SampleAgeView, nullable: true }) age!: SampleAgeView | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() firRef!: string;
  @ApiProperty() policeStation!: string;
  @ApiProperty({ type: String, nullable: true }) sections!: string | null;
}

/** An import of the criminal-records index, as the import history lists it. */
export class RecordsImportSummaryView extends ResponseView {
  @ApiProperty({ format: 'uuid', description: 'Also the preview token: confirm or discard the import by it' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty() fileBytes!: number;
  @ApiProperty({ example: 'UTF-8 with BOM' }) encoding!: string;
  @ApiProperty({ enum: RECORDS_IMPORT_STATES, description: 'EXPIRED once a preview passes expiresAt unconfirmed' })
  status!: RecordsImportState;
  @ApiProperty({ description: 'Rows of the file after the header (blank rows aside)' }) totalRows!: number;
  @ApiProperty({ description: 'Rows a confirmation enters' }) goodRows!: number;
  @ApiProperty({ description: 'Rows refused, each with its errors' }) badRows!: number;
  @ApiProperty({ type: [String], description: 'Columns of the file not imported' }) ignoredColumns!: string[];
  @ApiProperty() previewedBy!: PersonRefView;
  @ApiProperty() previewedAt!: Date;
  @ApiProperty({ description: 'Until when the preview may be confirmed' }) expiresAt!: Date;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Who confirmed or discarded it' })
  decidedBy!: PersonRefView | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rows entered into the index' }) appliedRows!: number | null;
  @ApiProperty({ type: [String], enum: ['confirm', 'discard'], description: 'What you may do with it now' })
  allowedActions!: string[];

  static of(s: RecordsImportShown): RecordsImportSummaryView {
    return this.from(fields(s) as RecordsImportSummaryView);
  }
}

/** An import with its row errors (the first 1,000, by row). */
export class RecordsImportView extends RecordsImportSummaryView {
  @ApiProperty({ type: [RecordRowErrorView] }) errors!: RecordRowErrorView[];

  static override of(s: RecordsImportShown): RecordsImportView {
    return this.from(fields(s) as RecordsImportView);
  }
}

/** The answer to an upload: the preview, with the first rows as they will be entered. */
export class RecordsImportPreviewView extends RecordsImportView {
  @ApiProperty({ type: [RecordsImportSampleView], description: 'The first good rows as they will be entered' })
  sample!: RecordsImportSampleView[];

  static override of(s: RecordsImportShown): RecordsImportPreviewView {
    return this.from({ ...fields(s), sample: s.sample ?? [] } as RecordsImportPreviewView);
  }
}

function fields(s: RecordsImportShown) {
  const { imp } = s;
  return {
    ...imp,
    status: s.state,
    previewedBy: s.people.of(imp.previewedBy),
    decidedBy: s.people.ofOptional(imp.decidedBy),
    allowedActions: s.allowedActions,
  };
}

export class RecordsImportPage extends PageOf(RecordsImportSummaryView) {}
