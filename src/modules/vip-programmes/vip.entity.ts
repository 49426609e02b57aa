import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Leg } from './leg';
import type { LegChange } from './revision-diff';

export const SECURITY_CATEGORIES = ['Z+', 'Z', 'Y+', 'Y', 'X'] as const;
export type SecurityCategory = (typeof SECURITY_CATEGORIES)[number];

@Entity('security_category')
export class SecurityCategoryNorm {
  @PrimaryColumn({ type: 'text' }) code!: SecurityCategory;
  @Column() rankOrder!: number;
  /** Personnel and vehicles per category: data an admin edits, since sources disagree. */
  @Column({ type: 'jsonb' }) norms!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) normsSource!: string | null;
  @VersionColumn() version!: number;
}

/** A person on the intelligence branch's ranked VIP list. */
@Entity('protectee')
export class Protectee {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() nameEn!: string;
  @Column() nameHi!: string;
  @Column() designationEn!: string;
  @Column() designationHi!: string;
  @Column({ type: 'text' }) category!: SecurityCategory;
  /** Wireless call sign. */
  @Column({ type: 'text', nullable: true }) callSign!: string | null;
  @Column() listRank!: number;
  @Column() isActive!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('vip_programme')
export class VipProgramme {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `VIP/<year>/<6 digits>` */
  @Column() ref!: string;
  @Column('uuid') protecteeId!: string;
  @Column() title!: string;
  @Column({ type: 'text' }) status!: 'ISSUED' | 'CANCELLED';
  @Column() currentRevision!: number;
  @Column({ type: 'date' }) firstDay!: string;
  @Column({ type: 'date' }) lastDay!: string;
  @Column({ type: 'text', nullable: true }) cancelReason!: string | null;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('vip_programme_revision')
export class VipProgrammeRevision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') programmeId!: string;
  @Column() revisionNo!: number;
  @Column({ type: 'jsonb' }) legs!: Leg[];
  @Column('uuid', { array: true }) unitsConcerned!: string[];
  @Column({ type: 'jsonb' }) changes!: LegChange[];
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @Column('uuid') issuedBy!: string;
  @Column({ type: 'timestamptz' }) issuedAt!: Date;
}

@Entity('vip_distribution')
export class VipDistribution {
  @PrimaryColumn('uuid') revisionId!: string;
  @PrimaryColumn('uuid') unitId!: string;
  @Column() sentCount!: number;
  @Column({ type: 'timestamptz' }) lastSentAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
}
