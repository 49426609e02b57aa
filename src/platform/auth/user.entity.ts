import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Role } from './roles';

/** A login account. Officers without an account exist only as personnel records. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() username!: string;
  @Column() displayNameEn!: string;
  @Column() displayNameHi!: string;
  @Column() rank!: string;
  @Column('uuid') unitId!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column({ type: 'text', nullable: true }) mobile!: string | null;
  @Column({ select: false }) passwordHash!: string;
  @Column() mustChangePassword!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) passwordChangedAt!: Date | null;
  @Column() failedLoginCount!: number;
  @Column() isActive!: boolean;
  /** In every access token; raised when the account changes so that older tokens stop working. */
  @Column({ default: 1 }) sessionVersion!: number;
  @Column({ default: false }) isDemo!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
