import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VisitOutcome } from '../verification-terms';

export interface NeighbourStatement {
  readonly name: string;
  readonly address: string | null;
  readonly statement: string;
}

/** The visit to the applicant's address, entered on a phone at the door. */
@Entity('verification_field_visit')
export class VerificationFieldVisit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'date' }) visitedOn!: string;
  @Column() officerName!: string;
  @Column({ type: 'text', nullable: true }) officerRank!: string | null;
  /** The browser's geolocation at the visit, with its accuracy in metres. */
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  @Column({ type: 'double precision' }) accuracyM!: number;
  @Column({ type: 'jsonb' }) neighbours!: NeighbourStatement[];
  @Column({ type: 'text' }) outcome!: VisitOutcome;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column('uuid') recordedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
