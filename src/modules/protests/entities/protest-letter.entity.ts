import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const LETTER_KINDS = ['PERMISSION', 'REFUSAL', 'REVOCATION'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A decision letter of an application: the issued PDF and its item in the e-Office outbox. */
@Entity('protest_letter')
export class ProtestLetter {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) kind!: LetterKind;
  @Column('uuid') documentId!: string;
  /** Where the letter stands in e-Office is read from this outbox row (SyncStateService). */
  @Column('uuid') outboxId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
