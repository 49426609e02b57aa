import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { IntakeChannel, Grading } from '../../platform/eoffice';

/** One item of inward correspondence (dak) entered in the register. */
@Entity('dak_receipt')
export class DakReceipt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `DAK/<year>/<6 digits>` */
  @Column() ref!: string;
  @Column() subject!: string;
  @Column() senderName!: string;
  @Column({ type: 'text', nullable: true }) senderOffice!: string | null;
  @Column({ type: 'text', nullable: true }) letterNo!: string | null;
  @Column({ type: 'date', nullable: true }) letterDate!: string | null;
  @Column({ type: 'text' }) intakeChannel!: IntakeChannel;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) grading!: Grading;
  @Column('uuid') unitId!: string;
  @Column({ type: 'uuid', nullable: true }) markedToUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) remarks!: string | null;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
