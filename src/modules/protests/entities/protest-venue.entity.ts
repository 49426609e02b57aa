import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A place protests are held or asked for (Ambedkar Park, Board Office Square…), kept by admins. */
@Entity('protest_venue')
export class ProtestVenue {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Short stable code the control room types, e.g. `AMBEDKAR_PARK`. */
  @Column() code!: string;
  @Column() nameEn!: string;
  @Column() nameHi!: string;
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  /** Most people the site takes (Jantar Mantar: 1,000); null when nobody has set one. */
  @Column({ type: 'integer', nullable: true }) capacity!: number | null;
  /** Allowed hours in IST, `HH:MM`; both null means no limit. */
  @Column({ type: 'text', nullable: true }) opensAt!: string | null;
  @Column({ type: 'text', nullable: true }) closesAt!: string | null;
  /** The thana whose report the DCP asks for. */
  @Column('uuid') thanaUnitId!: string;
  @Column({ type: 'text', nullable: true }) kind!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ default: true }) isActive!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
