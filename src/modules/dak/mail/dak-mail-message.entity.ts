import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What became of a message taken from the dak mailbox. */
export const MAIL_OUTCOMES = ['DIARISED', 'DUPLICATE', 'SKIPPED'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

/** Why a message was recorded without a receipt, for a person to enter it by hand. */
export const MAIL_SKIP_REASONS = ['TOO_LARGE', 'UNREADABLE', 'FAILED'] as const;
export type MailSkipReason = (typeof MAIL_SKIP_REASONS)[number];

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One message taken from the dak mailbox, written in the unit of work that diarises it (never
 * changed after). Its keys make the intake exactly-once: the mailbox's UIDVALIDITY + UID, and the
 * Message-ID (`messageKey`; a hash of the message when it has none).
 */
@Entity('dak_mail_message')
export class DakMailMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The account and folder read, `user@host:port/folder`. */
  @Column() mailbox!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) uidValidity!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) uid!: number;
  @Column() messageKey!: string;
  @Column({ type: 'text' }) outcome!: MailOutcome;
  @Column({ type: 'text', nullable: true }) skipReason!: MailSkipReason | null;
  /** Why it was skipped, in English, for the log and whoever enters it by hand. */
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ type: 'uuid', nullable: true }) dakReceiptId!: string | null;
  /** The first copy of a message seen again under another UID. */
  @Column({ type: 'uuid', nullable: true }) duplicateOf!: string | null;
  /** The From line as written (display name and address). */
  @Column({ type: 'text', nullable: true }) sender!: string | null;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  @Column({ type: 'integer' }) sizeBytes!: number;
  /** When the mail server received it (IMAP INTERNALDATE). */
  @Column({ type: 'timestamptz', nullable: true }) internalDate!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
