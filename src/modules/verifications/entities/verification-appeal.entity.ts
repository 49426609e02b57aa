import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IntakeChannel } from '../../../platform/eoffice';
import type { AppealDecision, AppealLevel } from '../verification-terms';

/** An appeal against the DSP's decision (प्रथम / द्वितीय अपील), with its own Lok Seva limit. */
@Entity('verification_appeal')
export class VerificationAppeal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) level!: AppealLevel;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) intakeChannel!: IntakeChannel;
  @Column({ type: 'text' }) grounds!: string;
  @Column('uuid') enteredBy!: string;
  /** The limit when received, and the IST day it falls due. */
  @Column() limitDays!: number;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text', nullable: true }) decision!: AppealDecision | null;
  @Column({ type: 'text', nullable: true }) reasons!: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  /** When the appellate authorities were told it is near its limit, and past it. */
  @Column({ type: 'timestamptz', nullable: true }) slaWarnedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) slaBreachNoticedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
