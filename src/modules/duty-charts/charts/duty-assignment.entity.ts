import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Rank } from '../../../platform/ranks';

/**
 * One officer on one shift in one chart version. `during` and `bandobastId` are copied from
 * the shift by a trigger; exclusion constraints on them make double booking impossible.
 */
@Entity('duty_assignment')
export class DutyAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') chartId!: string;
  @Column('uuid') shiftId!: string;
  @Column('uuid') officerId!: string;
  @Column({ type: 'text' }) slotRank!: Rank;
  /** A manual edit or a duty already handed out: kept as it is by every re-solve. */
  @Column() pinned!: boolean;
  @Column('uuid') bandobastId!: string;
  @Column({ type: 'tstzrange', insert: false, update: false, select: false }) during!: string;
  /** False once the version is superseded or discarded: it no longer books the officer. */
  @Column() live!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
