import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CHANNEL_FAULTS, type EofficeGrading } from '../gateway';
import { type ItemSyncState, itemState } from '../sync-state/sync-state';

export const OUTBOX_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const INTAKE_CHANNELS = ['EOFFICE', 'EMAIL', 'WHATSAPP', 'WALK_IN', 'POST'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
/**
 * What the last failed attempt met: a fault of the channel (CHANNEL_FAULTS, retried), e-Office
 * refusing this item (REFUSED), the item not preparable here (UNPREPARED: its paper missing), or
 * anything else (OTHER). Migration 1796123801000 holds the same list.
 */
export const OUTBOX_FAULTS = [...CHANNEL_FAULTS, 'REFUSED', 'UNPREPARED', 'OTHER'] as const;
export type OutboxFault = (typeof OUTBOX_FAULTS)[number];

/**
 * One item bound for e-Office. The row id is the idempotency key for every delivery attempt,
 * so e-Office creates one receipt however often the row is sent.
 */
@Entity('eoffice_outbox')
export class OutboxItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column() sourceType!: string;
  @Column() sourceId!: string;
  @Column() sourceRef!: string;
  @Column() kind!: string;
  @Column() subject!: string;
  @Column({ type: 'text' }) grading!: EofficeGrading;
  @Column({ type: 'text', nullable: true }) intakeChannel!: IntakeChannel | null;
  @Column({ type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ type: 'jsonb' }) metadata!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ type: 'text' }) status!: OutboxStatus;
  @Column() attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'text', nullable: true }) lastFault!: OutboxFault | null;
  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
  @Column({ type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ type: 'text', nullable: true }) eofficeRef!: string | null;
  @Column({ type: 'text', nullable: true }) channelRef!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ type: 'text', nullable: true }) cancelReason!: string | null;
  /** The claim key of the instance sending it now (see InstanceLiveness); null when no attempt is in flight. */
  @Column({ type: 'integer', nullable: true }) claimedBy!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;

  /** Where the item stands for a person (waiting, handed over, diarised, failed, cancelled): derived, never stored. */
  get syncState(): ItemSyncState {
    return itemState(this);
  }
}
