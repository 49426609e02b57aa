import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const UNIT_KINDS = ['COMMISSIONERATE', 'ZONE', 'DIVISION', 'THANA', 'BRANCH'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A node of the commissionerate's tree: zone, ACP circle (division), thana or branch. */
@Entity('unit')
export class Unit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column({ type: 'text' }) kind!: UnitKind;
  @Column() nameEn!: string;
  @Column() nameHi!: string;
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  /** Materialised path of codes, e.g. `BPL.ZONE_1.TT_NAGAR`; subtree: see subtree.ts. */
  @Column() path!: string;
  @Column({ type: 'double precision', nullable: true }) lat!: number | null;
  @Column({ type: 'double precision', nullable: true }) lng!: number | null;
  @Column({ default: false }) isDemo!: boolean;
  /** False once retired: the row stays for the records that name it, but takes no new work. */
  @Column({ default: true }) isActive!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
