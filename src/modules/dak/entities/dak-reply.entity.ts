import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An outward letter answering a receipt: `DAK-OUT/<year>/<6 digits>`, its PDF an issued document. */
@Entity('dak_reply')
export class DakReply {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') receiptId!: string;
  @Column() ref!: string;
  @Column() recipient!: string;
  @Column() subject!: string;
  @Column() body!: string;
  @Column('uuid') documentId!: string;
  /** Null for a Top Secret item's reply: it never leaves by wire. */
  @Column({ type: 'uuid', nullable: true }) outboxId!: string | null;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
