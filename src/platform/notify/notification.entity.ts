import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationChannel = 'SMS' | 'EMAIL';
/** KEPT_IN_SINK: the development sink kept it for admins to read; it never left the machine. */
export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED' | 'KEPT_IN_SINK';
/**
 * Why a FAILED message was given up. INVALID_NUMBER: the recipient is no mobile number (found
 * before sending, or the gateway said so); REFUSED: the gateway refused the message itself;
 * GAVE_UP: it never took the message in all the attempts.
 */
export type NotificationFailure = 'INVALID_NUMBER' | 'REFUSED' | 'GAVE_UP';
export const NOTIFICATION_FAILURES: readonly NotificationFailure[] = ['INVALID_NUMBER', 'REFUSED', 'GAVE_UP'];

/** What each status means, in words for the admin's list. */
export const NOTIFICATION_STATUS_TEXT: Record<NotificationStatus, string> = {
  PENDING: 'waiting to be sent',
  SENT: 'sent',
  FAILED: 'failed; not sent',
  KEPT_IN_SINK: 'kept in development sink; not sent',
};

@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) channel!: NotificationChannel;
  /** Mobile number or e-mail address; masked whenever it is shown. */
  @Column() recipient!: string;
  @Column() template!: string;
  @Column({ type: 'text' }) language!: 'hi' | 'en' | 'bi';
  @Column() body!: string;
  @Column() sourceType!: string;
  @Column() sourceId!: string;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column() attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** Set exactly when the status is FAILED. */
  @Column({ type: 'text', nullable: true }) failure!: NotificationFailure | null;
  /** SMS parts the body takes (GSM-7 or UCS-2); null for e-mail. */
  @Column({ type: 'integer', nullable: true }) parts!: number | null;
  @Column({ type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ type: 'text', nullable: true }) provider!: string | null;
  @Column({ type: 'text', nullable: true }) providerRef!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

export function maskRecipient(recipient: string): string {
  if (recipient.includes('@')) return recipient.replace(/^(.).*(@.*)$/, '$1***$2');
  return recipient.length > 4 ? `${'X'.repeat(recipient.length - 4)}${recipient.slice(-4)}` : 'XXXX';
}
