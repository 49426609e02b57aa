import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { IntakeChannel } from '../../../platform/eoffice';
import type { FeeStatus, Gender, IdDocumentType, Outcome, Purpose, RelationKind, RoutedBy, SmsLanguage } from '../verification-terms';
import type { VerificationStatus } from '../verification-workflow';

/** An application for character (police) verification (चरित्र सत्यापन). */
@Entity('verification_application')
export class VerificationApplication {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `CV/<year>/<6 digits>` */
  @Column() ref!: string;
  @Column({ type: 'text' }) status!: VerificationStatus;
  @VersionColumn() version!: number;
  @Column({ type: 'text' }) purpose!: Purpose;

  // The applicant. Both scripts are kept; `nameDerived` says which one was transliterated.
  @Column({ type: 'text' }) nameHi!: string;
  @Column({ type: 'text' }) nameEn!: string;
  @Column({ type: 'text', nullable: true }) nameDerived!: 'hi' | 'en' | null;
  @Column() relativeName!: string;
  @Column({ type: 'text' }) relation!: RelationKind;
  @Column({ type: 'date' }) dob!: string;
  @Column({ type: 'text' }) gender!: Gender;
  @Column() presentAddress!: string;
  @Column() presentLocality!: string;
  @Column() presentYears!: number;
  @Column({ type: 'text', nullable: true }) permanentAddress!: string | null;
  @Column({ type: 'text', nullable: true }) permanentLocality!: string | null;
  @Column({ type: 'integer', nullable: true }) permanentYears!: number | null;
  @Column() mobile!: string;
  @Column({ type: 'text' }) smsLanguage!: SmsLanguage;
  /** Only the type and the last 4 characters of an ID document: Aadhaar Act s.29. */
  @Column({ type: 'text' }) idDocumentType!: IdDocumentType;
  @Column() idLast4!: string;
  @Column({ type: 'text', nullable: true }) requestingPartyName!: string | null;
  @Column({ type: 'text', nullable: true }) requestingPartyAddress!: string | null;

  @Column({ type: 'text' }) intakeChannel!: IntakeChannel;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column('uuid') enteredBy!: string;
  @Column({ type: 'text' }) feeStatus!: FeeStatus;
  @Column() feeAmount!: number;
  @Column({ type: 'text', nullable: true }) challanNo!: string | null;

  /** The Lok Seva limit for its purpose when received, and the IST day it falls due. */
  @Column() limitDays!: number;
  @Column({ type: 'date' }) dueOn!: string;

  @Column('uuid') thanaUnitId!: string;
  @Column({ type: 'text' }) routedBy!: RoutedBy;
  @Column({ type: 'text', nullable: true }) routingNote!: string | null;
  @Column({ type: 'uuid', nullable: true }) assignedTo!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true }) recordsCheckedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) recordsCheckedBy!: string | null;

  @Column({ type: 'text', nullable: true }) outcome!: Outcome | null;
  @Column({ type: 'text', nullable: true }) outcomeGrounds!: string | null;
  @Column({ type: 'text', nullable: true }) outcomeMissing!: string | null;
  @Column('uuid', { array: true, default: () => "'{}'" }) citedHitIds!: string[];
  @Column({ type: 'timestamptz', nullable: true }) reportedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) reportedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) signedOffAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) signedOffBy!: string | null;
  @Column({ type: 'text', nullable: true }) signOffNote!: string | null;
  @Column({ type: 'text', nullable: true }) sentBackReason!: string | null;

  /** The certificate in force (CLEAR at sign-off, or an appeal that overturned the decision). */
  @Column({ type: 'uuid', nullable: true }) certificateDocumentId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) certificateWithdrawnAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) certificateWithdrawnBy!: string | null;
  @Column({ type: 'text', nullable: true }) certificateWithdrawalReason!: string | null;

  /** When the verifier and the circle's DSP were told it is near its limit, and past it. */
  @Column({ type: 'timestamptz', nullable: true }) slaWarnedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) slaBreachNoticedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
