import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A local file receipts are put into (eFile's file): `FILE/<year>/<6 digits>` with its subject head. */
@Entity('dak_file')
export class DakFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() ref!: string;
  @Column() subjectHead!: string;
  @Column('uuid') unitId!: string;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
