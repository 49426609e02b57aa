import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GeoPoint } from '../../../platform/geo';

export const RESTRICTION_AREA_KINDS = ['RADIUS', 'POLYGON'] as const;
export type RestrictionAreaKind = (typeof RESTRICTION_AREA_KINDS)[number];

/**
 * An area closed to protests for a time: a s.163 ban around the Vidhan Sabha during a
 * session, Board Office Square closed for two months.
 */
@Entity('protest_restriction_order')
export class RestrictionOrder {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The order's own number, e.g. `163/DCP-IS/2026/14`. */
  @Column() orderRef!: string;
  @Column() reason!: string;
  @Column({ type: 'text' }) areaKind!: RestrictionAreaKind;
  @Column({ type: 'double precision', nullable: true }) centreLat!: number | null;
  @Column({ type: 'double precision', nullable: true }) centreLng!: number | null;
  @Column({ type: 'integer', nullable: true }) radiusMetres!: number | null;
  @Column({ type: 'jsonb', nullable: true }) polygon!: GeoPoint[] | null;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  /** An order lifted early stays on record, inactive. */
  @Column({ default: true }) isActive!: boolean;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
