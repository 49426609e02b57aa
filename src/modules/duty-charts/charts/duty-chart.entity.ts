import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { RollCheck } from '../solver';
import type { ChartShortfall } from './chart-views';
import type { ChartStatus, SolveEnded, SolveResult } from './chart-states';

/** One version of a bandobast's duty chart: a draft being prepared, or a published order. */
@Entity('duty_chart')
export class DutyChart {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  /** 1, 2, 3… per bandobast; printed on every paper of this version. */
  @Column() versionNo!: number;
  /** The published version this one revises (its duties start pinned). */
  @Column({ type: 'uuid', nullable: true }) basedOnId!: string | null;
  @Column({ type: 'text' }) status!: ChartStatus;
  /** Outcome of the last solve; STALE after a manual edit, until solved again. */
  @Column({ type: 'text', nullable: true }) solveResult!: SolveResult | null;
  /** Bumped by every solve request, so a slow older solve cannot overwrite a newer one. */
  @Column() solveSeq!: number;
  @Column() seed!: number;
  @Column({ type: 'jsonb' }) shortfalls!: ChartShortfall[];
  @Column({ type: 'jsonb' }) solveErrors!: string[];
  /** Pins dropped before the last solve because the officer became unavailable. */
  @Column({ type: 'jsonb' }) releasedPins!: Array<{
    beltNo: string;
    shiftCode: string;
    reason: string;
  }>;
  @Column({ type: 'jsonb', nullable: true }) stats!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) solveJobId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) solveRequestedAt!: Date | null;
  /** When the running job began; it keeps `solveHeartbeatAt` fresh while it works. */
  @Column({ type: 'timestamptz', nullable: true }) solveStartedAt!: Date | null;
  /** A SOLVING chart whose heartbeat went stale lost its job (the process died): it is recovered. */
  @Column({ type: 'timestamptz', nullable: true }) solveHeartbeatAt!: Date | null;
  /** How the last solve ended: COMPLETED, CUT_SHORT (time limit), CANCELLED, INTERRUPTED (job died) or FAILED. */
  @Column({ type: 'text', nullable: true }) solveEnded!: SolveEnded | null;
  /** One sentence on how the last solve ended, for the duty officer. */
  @Column({ type: 'text', nullable: true }) solveNote!: string | null;
  /** What the roll can cover, checked before solving ("the roll has N officers … for M slots"). */
  @Column({ type: 'jsonb', nullable: true }) rollCheck!: RollCheck | null;
  @Column({ type: 'text', nullable: true }) publishJobId!: string | null;
  @Column() publishDone!: number;
  @Column() publishTotal!: number;
  @Column({ type: 'timestamptz', nullable: true }) publishRequestedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) solvedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) masterDocumentId!: string | null;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
