import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { simpleParser } from 'mailparser';
import { Change, UnitOfWork } from '../../../platform/change';
import { CLOCK, Clock } from '../../../platform/time';
import { DakService } from '../dak.service';
import { DakMailMessage, MailOutcome, MailSkipReason } from './dak-mail-message.entity';
import { clip, mailFields, messageKey, senderLine } from './mail-fields';

export const DAK_MAIL_SOURCE = 'dak_mail_message';

/** Where a message was found: the account and folder, and its UID there. */
export interface MailboxPlace {
  mailbox: string;
  uidValidity: number;
  uid: number;
}

/** A message as fetched, whole. */
export interface FetchedMail extends MailboxPlace {
  source: Buffer;
  size: number;
  internalDate: Date | undefined;
}

/** A message recorded without its content (too large to fetch, or failing again and again). */
export interface SkippedMail extends MailboxPlace {
  reason: MailSkipReason;
  detail: string;
  messageId: string | undefined;
  sender: string | null;
  subject: string | null;
  size: number;
  internalDate: Date | undefined;
}

/** What became of a message: done (mark it read / move it), or recorded for a person (flag it). */
export type IntakeResult =
  | { outcome: 'DIARISED'; receiptId: string; ref: string }
  | { outcome: 'DUPLICATE'; of: string }
  | { outcome: 'ALREADY_TAKEN' }
  | { outcome: 'SKIPPED'; reason: MailSkipReason }
  /** Recorded as skipped at an earlier fetch. */
  | { outcome: 'ALREADY_SKIPPED' };

/**
 * The exactly-once half of the mail intake. Each message is diarised in one unit of work that
 * also writes its key row (mailbox + UIDVALIDITY + UID, and the Message-ID), under a lock on the
 * Message-ID: a message fetched again, by this instance after a crash or by another instance,
 * finds its row and is not diarised twice; one that never committed is simply taken again.
 */
@Injectable()
export class DakMailIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly dak: DakService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Throws, naming the setting, when the register cannot take mail at all (DAK_CLERK_UNIT is not
   * an active unit): the sweep then waits, instead of setting every message aside as FAILED.
   */
  async ready(): Promise<void> {
    await this.dak.clerkUnit(this.dataSource.manager);
  }

  /** The UIDs among these already recorded for this mailbox and UIDVALIDITY, with what became of each. */
  async recorded(mailbox: string, uidValidity: number, uids: number[]): Promise<Map<number, MailOutcome>> {
    if (uids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(DakMailMessage)
      .find({ select: { uid: true, outcome: true }, where: { mailbox, uidValidity, uid: In(uids) } });
    return new Map(rows.map((r) => [r.uid, r.outcome]));
  }

  /** The highest UID recorded for this mailbox and UIDVALIDITY (0 for none): mail above it is new, read or not. */
  async highestUid(mailbox: string, uidValidity: number): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT max(uid) AS uid FROM dak_mail_message WHERE mailbox = $1 AND uid_validity = $2`, [
      mailbox,
      uidValidity,
    ])) as Array<{ uid: string | null }>;
    return row?.uid ? Number(row.uid) : 0;
  }

  /**
   * Diarises a fetched message, unless its UID or its Message-ID is on record. A message that
   * cannot be parsed is recorded as skipped (UNREADABLE). Throws on anything else (the database,
   * the register): nothing is then written, and the caller may try again.
   */
  async take(mail: FetchedMail): Promise<IntakeResult> {
    let parsed;
    try {
      parsed = await simpleParser(mail.source, { skipImageLinks: true, skipTextToHtml: true });
    } catch (e) {
      return this.skip({
        ...mail,
        reason: 'UNREADABLE',
        detail: `the message could not be read as MIME: ${(e as Error).message}`,
        messageId: undefined,
        sender: null,
        subject: null,
      });
    }
    const key = messageKey(parsed.messageId, mail.source);
    const fields = mailFields(parsed, mail.internalDate, this.clock.now());
    const sender = senderLine(parsed);
    return this.uow.run(async (change) => {
      const settled = await this.settled(change, mail, key, sender, fields.subject);
      if (settled) return settled;
      const receipt = await this.dak.diariseFromMail(change, fields);
      const row = await this.insert(change, mail, key, {
        outcome: 'DIARISED',
        dakReceiptId: receipt.id,
        sender,
        subject: fields.subject,
      });
      change.audit({
        action: 'dak.mail_diarised',
        entityType: DAK_MAIL_SOURCE,
        entityId: row.id,
        diff: { ref: receipt.ref, dakReceiptId: receipt.id, mailbox: mail.mailbox, uidValidity: mail.uidValidity, uid: mail.uid, scans: fields.scans.length },
      });
      return { outcome: 'DIARISED', receiptId: receipt.id, ref: receipt.ref } as const;
    });
  }

  /** Records a message that will not be diarised, with why, for a person to enter by hand. */
  async skip(mail: SkippedMail): Promise<IntakeResult> {
    const key = mail.messageId?.trim() ? messageKey(mail.messageId, Buffer.alloc(0)) : `uid:${mail.mailbox}/${mail.uidValidity}/${mail.uid}`;
    const subject = mail.subject ? clip(mail.subject, 500) : null;
    return this.uow.run(async (change) => {
      const settled = await this.settled(change, mail, key, mail.sender, subject);
      if (settled) return settled;
      const row = await this.insert(change, mail, key, {
        outcome: 'SKIPPED',
        skipReason: mail.reason,
        detail: clip(mail.detail, 1000),
        sender: mail.sender,
        subject,
      });
      change.audit({
        action: 'dak.mail_skipped',
        entityType: DAK_MAIL_SOURCE,
        entityId: row.id,
        diff: { reason: mail.reason, mailbox: mail.mailbox, uidValidity: mail.uidValidity, uid: mail.uid, sizeBytes: mail.size },
      });
      return { outcome: 'SKIPPED', reason: mail.reason } as const;
    });
  }

  /**
   * Inside the change, under the message's lock: its UID already on record (fetched again), or
   * its Message-ID (a copy under another UID, kept as a DUPLICATE row), or undefined to go on.
   */
  private async settled(
    change: Change,
    mail: MailboxPlace & { size: number; internalDate: Date | undefined },
    key: string,
    sender: string | null,
    subject: string | null,
  ): Promise<IntakeResult | undefined> {
    const { em } = change;
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('dak-mail'), hashtext($1))`, [key]);
    const repo = em.getRepository(DakMailMessage);
    if (await repo.exists({ where: { mailbox: mail.mailbox, uidValidity: mail.uidValidity, uid: mail.uid } })) return { outcome: 'ALREADY_TAKEN' };
    const first = await repo.findOne({ where: { messageKey: key, outcome: Not('DUPLICATE') } });
    if (!first) return undefined;
    const row = await this.insert(change, mail, key, { outcome: 'DUPLICATE', duplicateOf: first.id, sender, subject });
    change.audit({
      action: 'dak.mail_duplicate',
      entityType: DAK_MAIL_SOURCE,
      entityId: row.id,
      diff: { duplicateOf: first.id, dakReceiptId: first.dakReceiptId, mailbox: mail.mailbox, uidValidity: mail.uidValidity, uid: mail.uid },
    });
    return { outcome: 'DUPLICATE', of: first.id };
  }

  private async insert(
    change: Change,
    mail: MailboxPlace & { size: number; internalDate: Date | undefined },
    key: string,
    row: Partial<DakMailMessage> & Pick<DakMailMessage, 'outcome'>,
  ): Promise<DakMailMessage> {
    const entity = change.em.create(DakMailMessage, {
      mailbox: mail.mailbox,
      uidValidity: mail.uidValidity,
      uid: mail.uid,
      messageKey: key,
      skipReason: null,
      detail: null,
      dakReceiptId: null,
      duplicateOf: null,
      sizeBytes: Math.min(mail.size, 2 ** 31 - 1),
      internalDate: mail.internalDate ?? null,
      ...row,
    });
    await change.em.insert(DakMailMessage, entity);
    return entity;
  }
}
