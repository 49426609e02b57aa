import type { SlipContent } from '../publish/slip-content';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type DutySlipStatus = 'PENDING' | 'ACTIVE' | 'CANCELLED';

/**
 * An officer's duty slip for one bandobast. It survives chart versions: it points at the
 * paper in force, which changes only when the officer's own duties change.
 */
@Entity('duty_slip')
export class DutySlip {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  @Column('uuid') officerId!: string;
  @Column({ type: 'text' }) status!: DutySlipStatus;
  @Column({ type: 'uuid', nullable: true }) chartId!: string | null;
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ type: 'text', nullable: true }) contentHash!: string | null;
  /** What the paper in force says, so the officer's phone page needs no PDF parsing. */
  @Column({ type: 'jsonb', nullable: true }) content!: SlipContent | null;
  /** The link in the SMS stays valid until a grace period after this. */
  @Column({ type: 'timestamptz', nullable: true }) lastDutyEnd!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) notifiedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
