import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') familyId!: string;
  /** sha256 of the token; the token itself is never stored. */
  @Column() tokenHash!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) revokedReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) replacedBy!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
