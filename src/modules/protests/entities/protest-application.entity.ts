import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { IntakeChannel } from '../../../platform/eoffice';
import type { Clash } from '../clash/clash-source';
import type { EventType, IdDocumentType, LinkedRecordType, SmsLanguage, ThanaRecommendation } from '../event-types';
import type { GeoPoint } from '../../../platform/geo';
import type { ProtestStatus } from '../protest-workflow';
import type { RuleResult } from '../rules/rule-result';

export interface RoutePoint extends GeoPoint {
  readonly name: string;
}

/** One condition as printed on the permission: a standard one (with its key) or free text. */
export interface GrantedCondition {
  readonly key: string | null;
  readonly hi: string;
  readonly en: string;
}

/** An application for permission to hold a dharna, rally, juloos… (dharna-pradarshan). */
@Entity('protest_application')
export class ProtestApplication {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `PRT/<year>/<6 digits>` */
  @Column() ref!: string;
  @Column({ type: 'text' }) status!: ProtestStatus;

  // Applicant. Only an ID document's type and last 4 digits: Aadhaar Act s.29.
  @Column({ type: 'text', nullable: true }) applicantNameHi!: string | null;
  @Column({ type: 'text', nullable: true }) applicantNameEn!: string | null;
  @Column({ type: 'text', nullable: true }) organisation!: string | null;
  @Column() address!: string;
  @Column() mobile!: string;
  @Column({ type: 'text' }) idDocumentType!: IdDocumentType;
  @Column() idLast4!: string;
  @Column({ type: 'text' }) smsLanguage!: SmsLanguage;

  // Event. Either a registered venue or a route; geoPoints is the shape the clash query reads.
  @Column({ type: 'text' }) eventType!: EventType;
  @Column() purpose!: string;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column() expectedParticipants!: number;
  @Column({ type: 'uuid', nullable: true }) venueId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) route!: RoutePoint[] | null;
  @Column({ type: 'jsonb' }) geoPoints!: GeoPoint[];
  @Column({ type: 'timestamptz', nullable: true }) loudspeakerFrom!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) loudspeakerTo!: Date | null;
  @Column() vehicleCount!: number;
  @Column({ type: 'text', nullable: true }) vehicleDetails!: string | null;

  // Intake. receivedAt may lie in the past: back-entry after an outage.
  @Column({ type: 'text' }) intakeChannel!: IntakeChannel;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column('uuid') enteredBy!: string;
  /** The venue's thana (or, for a route, the thana where it starts): it reports, and scopes access. */
  @Column('uuid') thanaUnitId!: string;
  /** Fixed at intake from receivedAt and startsAt, so the list can filter on it. */
  @Column({ type: 'double precision' }) leadTimeHours!: number;
  @Column() isLate!: boolean;

  @Column({ type: 'timestamptz', nullable: true }) thanaReportRequestedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) thanaReportRequestedBy!: string | null;
  @Column({ type: 'text', nullable: true }) thanaReportNote!: string | null;
  @Column({ type: 'text', nullable: true }) thanaRecommendation!: ThanaRecommendation | null;
  @Column({ type: 'text', nullable: true }) thanaReport!: string | null;
  @Column({ type: 'uuid', nullable: true }) thanaReportedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) thanaReportedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'jsonb', nullable: true }) conditions!: GrantedCondition[] | null;
  @Column({ type: 'text', nullable: true }) grounds!: string | null;
  @Column({ type: 'text', nullable: true }) lateOverrideReason!: string | null;
  /** What the DCP was shown when deciding, kept because rules and clashes change afterwards. */
  @Column({ type: 'jsonb', nullable: true }) rulesAtDecision!: RuleResult[] | null;
  @Column({ type: 'jsonb', nullable: true }) clashesAtDecision!: Clash[] | null;

  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'text', nullable: true }) withdrawalReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) withdrawnBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedBy!: string | null;
  @Column({ type: 'text', nullable: true }) revocationReason!: string | null;
  @Column({ type: 'text', nullable: true }) revocationLinkedType!: LinkedRecordType | null;
  @Column({ type: 'text', nullable: true }) revocationLinkedRef!: string | null;

  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
