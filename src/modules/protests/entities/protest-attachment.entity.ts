import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ATTACHMENT_KINDS = ['APPLICATION_SCAN', 'ID_DOCUMENT', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A scan that came with the application. Bytes live in PostgreSQL, like issued documents. */
@Entity('protest_attachment')
export class ProtestAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) kind!: AttachmentKind;
  @Column() filename!: string;
  /** From the file's first bytes, never from its name or the client's header. */
  @Column() contentType!: string;
  @Column() sizeBytes!: number;
  @Column() sha256!: string;
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  @Column('uuid') uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
