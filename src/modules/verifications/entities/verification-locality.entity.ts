import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A locality (mohalla, colony) and the thana whose area it is: how an address finds its thana. */
@Entity('verification_locality')
export class VerificationLocality {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  /** The name key (matching/name-key): "शाहपुरा" and "Shahpura" are one locality. */
  @Column() nameKey!: string;
  @Column('uuid') thanaUnitId!: string;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
