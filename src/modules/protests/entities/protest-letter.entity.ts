import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const LETTER_KINDS = ['PERMISSION', 'REFUSAL', 'REVOCATION'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_EOFFICE_STATUSES = ['PENDING_SYNC', 'SENT_FOR_DIARISATION', 'DIARISED'] as const;
export type LetterEofficeStatus = (typeof LETTER_EOFFICE_STATUSES)[number];

/** A decision letter of an application: the issued PDF and where it stands with e-Office. */
@Entity('protest_letter')
export class ProtestLetter {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) kind!: LetterKind;
  @Column('uuid') documentId!: string;
  @Column('uuid') outboxId!: string;
  /** PENDING_SYNC until e-Office has it: a letter issued during an outage is not diarised yet. */
  @Column({ type: 'text' }) eofficeStatus!: LetterEofficeStatus;
  @Column({ type: 'text', nullable: true }) eofficeRef!: string | null;
  @Column({ type: 'text', nullable: true }) eofficeChannelRef!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) eofficeSyncedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
