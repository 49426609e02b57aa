import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DakStatus } from '../dak-workflow';

/** What a movement row records: the workflow's actions, and the diarisation that starts the history. */
export const DAK_MOVEMENT_ACTIONS = ['diarise', 'confirm', 'mark', 'receive', 'forward', 'reply', 'putInFile', 'close', 'reopen'] as const;
export type DakMovementAction = (typeof DAK_MOVEMENT_ACTIONS)[number];

/** One step of a receipt's movement history; append-only (a trigger and the app role's grants). */
@Entity('dak_movement')
export class DakMovement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') receiptId!: string;
  /** 1, 2, 3 … per receipt. */
  @Column() seq!: number;
  @Column({ type: 'text' }) action!: DakMovementAction;
  @Column({ type: 'text', nullable: true }) fromStatus!: DakStatus | null;
  @Column({ type: 'text' }) toStatus!: DakStatus;
  @Column({ type: 'uuid', nullable: true }) fromUnitId!: string | null;
  @Column({ type: 'uuid', nullable: true }) fromUserId!: string | null;
  @Column('uuid') toUnitId!: string;
  @Column({ type: 'uuid', nullable: true }) toUserId!: string | null;
  @Column({ type: 'text', nullable: true }) instruction!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  /** A reason (close, reopen), the file it went into, the reply's number. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Null when the application itself acted (e-mail diarisation). */
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}
