import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Grading, IntakeChannel } from '../../../platform/eoffice';
import type { DakLanguage, DakPriority } from '../dak-settings';
import type { DakStatus } from '../dak-workflow';

/** One item of inward correspondence (dak) diarised in the register: e-Office's receipt. */
@Entity('dak_receipt')
export class DakReceipt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `DAK/<year>/<6 digits>`: the diary number. */
  @Column() ref!: string;
  @Column() subject!: string;
  @Column() senderName!: string;
  @Column({ type: 'text', nullable: true }) senderOffice!: string | null;
  @Column({ type: 'text', nullable: true }) letterNo!: string | null;
  @Column({ type: 'date', nullable: true }) letterDate!: string | null;
  @Column({ type: 'text' }) language!: DakLanguage;
  @Column({ type: 'text' }) intakeChannel!: IntakeChannel;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) grading!: Grading;
  @Column({ type: 'text' }) priority!: DakPriority;
  @Column({ type: 'text' }) status!: DakStatus;
  /** The unit that diarised it (the register's unit scope). */
  @Column('uuid') unitId!: string;
  /** Who holds it now: a unit (or section), and the officer within it when it went to or was taken by one. */
  @Column('uuid') holderUnitId!: string;
  @Column({ type: 'uuid', nullable: true }) holderUserId!: string | null;
  /** When it was last marked (or forwarded), and when its holder must have acted. */
  @Column({ type: 'timestamptz', nullable: true }) markedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) fileId!: string | null;
  @Column({ type: 'text', nullable: true }) closedReason!: string | null;
  @Column({ type: 'text', nullable: true }) remarks!: string | null;
  /** Null when the application diarised it (from e-mail). */
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
