import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordRowError } from './record-import-rows';

export const RECORDS_IMPORT_STATES = ['PREVIEWED', 'APPLIED', 'DISCARDED', 'EXPIRED'] as const;
export type RecordsImportState = (typeof RECORDS_IMPORT_STATES)[number];

/** One uploaded file of the criminal-records index: its preview, and what became of it. */
@Entity('criminal_record_import')
export class CriminalRecordImport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() fileName!: string;
  @Column() fileSha256!: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) fileBytes!: number;
  @Column() encoding!: string;
  /** As stored; a PREVIEWED import past `expiresAt` is EXPIRED (effectiveState). */
  @Column({ type: 'text' }) status!: RecordsImportState;
  @Column() totalRows!: number;
  @Column() goodRows!: number;
  @Column() badRows!: number;
  /** The first row errors, by row (RECORDS_IMPORT_MAX_ERRORS); `badRows` counts them all. */
  @Column({ type: 'jsonb' }) errors!: RecordRowError[];
  @Column({ type: 'text', array: true }) ignoredColumns!: string[];
  @Column('uuid') previewedBy!: string;
  @Column({ type: 'timestamptz' }) previewedAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) appliedRows!: number | null;
}
