import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Rank } from '../../../platform/ranks';

export const POST_KINDS = [
  'FIXED_POINT',
  'PATROL_BEAT',
  'CHECK_POINT',
  'RESERVE_QRT',
  'STRIKING_SQUAD',
  'ARREST_PARTY',
  'ROOFTOP',
  'PLAIN_CLOTHES',
  'DOG_SQUAD',
  'BOMB_SQUAD',
  'TRAFFIC',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A division of the route or venue, under an ADCP. */
@Entity('bandobast_division')
export class BandobastDivision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'uuid', nullable: true }) inChargeOfficerId!: string | null;
  @Column() position!: number;
}

/** A sector of a division, under an ACP or Inspector. */
@Entity('bandobast_sector')
export class BandobastSector {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  @Column('uuid') divisionId!: string;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'uuid', nullable: true }) inChargeOfficerId!: string | null;
  @Column() position!: number;
}

/** A fixed point, beat, check-point (naka), reserve, striking squad or arrest party. */
@Entity('bandobast_post')
export class BandobastPost {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  @Column('uuid') sectorId!: string;
  @Column() code!: string;
  @Column() name!: string;
  /** The name in Hindi; Hindi SMS and papers fall back to `name` while it is null. */
  @Column({ type: 'text', nullable: true }) nameHi!: string | null;
  @Column({ type: 'text' }) kind!: PostKind;
  @Column() location!: string;
  @Column({ type: 'double precision', nullable: true }) lat!: number | null;
  @Column({ type: 'double precision', nullable: true }) lng!: number | null;
  /** Arms or equipment to carry, printed on the slip (e.g. "lathi, helmet, whistle"). */
  @Column({ type: 'text', nullable: true }) equipment!: string | null;
  @Column({ type: 'text', nullable: true }) briefing!: string | null;
  @Column() position!: number;
}

/** An explicit time window at a post, with what it needs. May cross midnight. */
@Entity('bandobast_shift')
export class BandobastShift {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') bandobastId!: string;
  @Column('uuid') postId!: string;
  @Column() code!: string;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) reportAt!: Date | null;
  /** Exact head count per rank. */
  @Column({ type: 'jsonb' }) ranks!: Partial<Record<Rank, number>>;
  @Column() minWomen!: number;
  /** At least this many holders of each skill. */
  @Column({ type: 'jsonb' }) skills!: Record<string, number>;
  /** Everyone on the shift carries arms (so everyone must hold the "armed" skill). */
  @Column() armed!: boolean;
}
