import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const AVAILABILITY_KINDS = ['LEAVE', 'WEEKLY_OFF', 'COURT', 'TRAINING', 'OTHER'] as const;
export type AvailabilityKind = (typeof AVAILABILITY_KINDS)[number];

/** How each kind reads in a sentence: "the officer is on leave", "… is attending court". */
export const AVAILABILITY_PHRASES: Record<AvailabilityKind, string> = {
  LEAVE: 'on leave',
  WEEKLY_OFF: 'on weekly off',
  COURT: 'attending court',
  TRAINING: 'on training',
  OTHER: 'unavailable',
};

/**
 * A dated stretch when an officer cannot be put on duty (leave, weekly off, court, training).
 * Half-open: a duty ending exactly when leave starts is fine. Cancelled entries are kept.
 */
@Entity('officer_availability')
export class AvailabilityEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') officerId!: string;
  @Column({ type: 'text' }) kind!: AvailabilityKind;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Set when the entry no longer holds, e.g. a weekly off cancelled for a VIP movement day. */
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) cancelledBy!: string | null;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
