import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VerificationAttachmentKind } from '../verification-terms';

/** The consent letter, a visit's photos: bytes in PostgreSQL, their type from their content. */
@Entity('verification_attachment')
export class VerificationAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) kind!: VerificationAttachmentKind;
  @Column({ type: 'uuid', nullable: true }) visitId!: string | null;
  @Column() filename!: string;
  @Column() contentType!: string;
  @Column() sizeBytes!: number;
  @Column() sha256!: string;
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  @Column('uuid') uploadedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
