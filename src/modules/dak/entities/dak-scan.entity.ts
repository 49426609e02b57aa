import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A scan of a dak item: PDF, JPEG or PNG by its content, bytes in PostgreSQL. */
@Entity('dak_scan')
export class DakScan {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') receiptId!: string;
  @Column() filename!: string;
  @Column() contentType!: string;
  @Column() sizeBytes!: number;
  @Column() sha256!: string;
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  /** Null for the attachments of a mail diarised by the application. */
  @Column({ type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
