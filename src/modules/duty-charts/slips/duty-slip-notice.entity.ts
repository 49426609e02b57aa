import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Who the notice was for, as the slip said when it was sent: enough to find the officer. */
export interface NoticeOfficer {
  officerId: string;
  beltNo: string;
  nameEn: string;
  nameHi: string;
  rank: string;
  unitNameEn: string;
  unitNameHi: string;
  postCode: string;
  postName: string;
  postNameHi?: string;
}

export type NoticeTemplate = 'duty-slip' | 'duty-slip-changed' | 'duty-cancelled';

/**
 * How a published version told one officer of their duty: the SMS queued (their state is the
 * notification's), or NO_MOBILE. An unchanged slip carries the notice that last told it.
 */
@Entity('duty_slip_notice')
export class DutySlipNotice {
  @PrimaryColumn('uuid') chartId!: string;
  @PrimaryColumn('uuid') slipId!: string;
  @Column({ type: 'text' }) template!: NoticeTemplate;
  @Column({ type: 'uuid', array: true }) notificationIds!: string[];
  @Column({ type: 'text', nullable: true }) unsentReason!: 'NO_MOBILE' | null;
  /** The version whose publication sent this notice, when it was not this one. */
  @Column({ type: 'uuid', nullable: true }) carriedFrom!: string | null;
  @Column({ type: 'jsonb' }) officer!: NoticeOfficer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
