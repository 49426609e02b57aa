import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const BANDOBAST_KINDS = [
  'VIP_VISIT',
  'FESTIVAL',
  'PROCESSION',
  'PROTEST',
  'ELECTION',
  'ROUTINE',
  'OTHER',
] as const;
export type BandobastKind = (typeof BANDOBAST_KINDS)[number];

/** An event to be staffed (bandobast): a CM visit, a festival, a procession, routine points. */
@Entity('bandobast')
export class Bandobast {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** `BDB/<year>/<6 digits>` */
  @Column() ref!: string;
  @Column() nameEn!: string;
  @Column() nameHi!: string;
  @Column({ type: 'text' }) kind!: BandobastKind;
  /** The organising unit; its subtree is the force the solver may draw on. */
  @Column('uuid') unitId!: string;
  @Column({
    type: 'numeric',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  minRestHours!: number;
  @Column({
    type: 'numeric',
    name: 'max_hours_per_24h',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  maxHoursPer24h!: number;
  @Column() higherRankMayFillLower!: boolean;
  /** Reporting time = shift start minus this, unless a shift sets its own. */
  @Column() reportMinutesBefore!: number;
  @Column({ type: 'text', nullable: true }) briefing!: string | null;
  /**
   * The confidential record this bandobast was drafted from (a VIP programme), or null. Its
   * module decides who may read the bandobast (need-to-know.ts); its papers are confidential.
   */
  @Column({ type: 'text', nullable: true }) sourceType!: string | null;
  @Column({ type: 'uuid', nullable: true }) sourceId!: string | null;
  @Column('uuid') createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
