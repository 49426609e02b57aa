import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audited event. Its place in the hash chain is in `audit_chain`, written after commit. */
@Entity('audit_log')
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) actorUsername!: string | null;
  @Column() action!: string;
  @Column() entityType!: string;
  @Column({ type: 'text', nullable: true }) entityId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) diff!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ type: 'text', nullable: true }) requestId!: string | null;
}
