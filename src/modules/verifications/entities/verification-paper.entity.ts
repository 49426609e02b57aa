import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AppealLevel } from '../verification-terms';

export const VERIFICATION_PAPER_KINDS = ['CERTIFICATE', 'REPORT', 'APPEAL_ORDER'] as const;
export type VerificationPaperKind = (typeof VERIFICATION_PAPER_KINDS)[number];

/** A paper issued with a decision: the certificate, the report letter, an appeal's order. */
@Entity('verification_paper')
export class VerificationPaper {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') applicationId!: string;
  @Column({ type: 'text' }) kind!: VerificationPaperKind;
  @Column({ type: 'text', nullable: true }) appealLevel!: AppealLevel | null;
  @Column('uuid') documentId!: string;
  @Column({ type: 'uuid', nullable: true }) outboxId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
