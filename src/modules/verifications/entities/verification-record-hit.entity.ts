import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IndexedRecord } from '../records/indexed-record';
import type { MatchBand, MatchReason } from '../matching/score';
import type { HitDecision } from '../verification-terms';

/**
 * A criminal record the records check found for an application, as it was found (the entry,
 * its score and why), and the verifier's ruling: the same person or a different one.
 */
@Entity('verification_record_hit')
export class VerificationRecordHit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column('uuid') recordId!: string;
  @Column() rank!: number;
  @Column({ type: 'double precision' }) score!: number;
  @Column({ type: 'text' }) band!: MatchBand;
  @Column({ type: 'double precision' }) nameSimilarity!: number;
  @Column({ type: 'jsonb' }) reasons!: MatchReason[];
  @Column({ type: 'jsonb' }) record!: IndexedRecord;
  @Column({ type: 'text', nullable: true }) decision!: HitDecision | null;
  @Column({ type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'timestamptz' }) foundAt!: Date;
}
