import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Rank } from '../../platform/ranks';

/** A member of the force (not necessarily a user of this app). */
@Entity('officer')
export class Officer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Belt / service number. */
  @Column() beltNo!: string;
  @Column() nameEn!: string;
  @Column() nameHi!: string;
  @Column({ type: 'text' }) rank!: Rank;
  @Column({ type: 'text' }) gender!: 'M' | 'F' | 'X';
  @Column('uuid') unitId!: string;
  @Column({ type: 'uuid', nullable: true }) homeUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) mobile!: string | null;
  @Column('text', { array: true }) skills!: string[];
  /** The officer's own login (role OFFICER), which sees only their own duty slips. */
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ default: true }) isActive!: boolean;
  @Column({ default: false }) isDemo!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
