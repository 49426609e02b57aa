import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ImapFlow, MessageEnvelopeObject } from 'imapflow';
import { APP_CONFIG, AppConfig, DakMailSettings } from '../../../config/config';
import { DakMailIntake, IntakeResult } from './dak-mail-intake.service';
import { isTransientFailure } from './transient-failure';

/** A message that fails this often (for a reason that is not the database or the network) is recorded as FAILED. */
export const MAX_ATTEMPTS = 3;
/** How long the connection stays quiet before IDLE starts, so new mail is seen within seconds. */
const AUTO_IDLE_DELAY_MS = 1000;
/** RFC 2177: a client should re-issue IDLE at least every 29 minutes. */
const MAX_IDLE_MS = 25 * 60_000;
const FIRST_RETRY_MS = 1000;
/** A message that failed is tried again this soon, not only at the next poll. */
const RETRY_MESSAGE_MS = 3000;

/**
 * Reads the dak mailbox and hands each new message to the intake. One IMAP connection, kept
 * open: IMAP IDLE (when the server offers it) wakes a sweep as soon as mail arrives, and a sweep
 * also runs every DAK_IMAP_POLL_SECONDS (imapflow polls with NOOP for a server without IDLE).
 * A sweep takes every unread message and every message above the highest UID diarised from this
 * UIDVALIDITY (so mail a person opened first is not missed), oldest first. A message is marked
 * read (and moved, with DAK_IMAP_DONE_MAILBOX) only after its unit of work committed; until
 * then it stays as it was, and is fetched again after a crash. Errors never stop the poller: the
 * connection is opened again after a pause that doubles up to the poll interval.
 */
@Injectable()
export class DakMailPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DakMail');
  private readonly settings: DakMailSettings | undefined;
  private stopped = false;
  private running?: Promise<void>;
  private client?: ImapFlow;
  private wake?: () => void;
  private pending = false;
  private readonly failures = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly intake: DakMailIntake,
  ) {
    this.settings = config.dakMail;
  }

  /** The account and folder as the key rows name them. */
  get mailbox(): string | undefined {
    const s = this.settings;
    return s && `${s.user}@${s.host}:${s.port}/${s.mailbox}`;
  }

  onApplicationBootstrap(): void {
    if (!this.settings) {
      this.logger.log('Inward e-mail is off (DAK_IMAP_HOST is not set)');
      return;
    }
    this.running = this.run(this.settings);
  }

  // Before the database closes (onApplicationShutdown), so no sweep is cut off from it.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.poke();
    // Closing mid-sweep is safe: a message whose unit of work did not commit is fetched again.
    this.client?.close();
    await this.running?.catch(() => undefined);
  }

  /** New mail (or a closed connection): sweep now, or right after the sweep in progress. */
  private poke(): void {
    this.pending = true;
    this.wake?.();
  }

  private async run(s: DakMailSettings): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (!this.stopped) {
      const client = new ImapFlow({
        host: s.host,
        port: s.port,
        secure: s.secure,
        ...(s.requireStartTls ? { doSTARTTLS: true } : {}),
        auth: { user: s.user, pass: s.password },
        logger: false,
        autoIdleDelay: AUTO_IDLE_DELAY_MS,
        maxIdleTime: Math.min(s.pollSeconds * 1000, MAX_IDLE_MS),
        connectionTimeout: 30_000,
      });
      this.client = client;
      client.on('error', (e: Error) => this.logger.warn(`IMAP connection to ${s.host}:${s.port}: ${e.message}`));
      client.on('exists', () => this.poke());
      client.on('close', () => this.poke());
      try {
        await client.connect();
        retryMs = FIRST_RETRY_MS;
        if (s.doneMailbox) await ensureMailbox(client, s.doneMailbox);
        this.logger.log(
          `Reading ${s.mailbox} of ${s.user} on ${s.host}:${s.port} (${client.capabilities.has('IDLE') ? 'IMAP IDLE' : `no IDLE: every ${s.pollSeconds} s`})`,
        );
        while (!this.stopped && client.usable) {
          this.pending = false;
          const retry = await this.sweep(client, s);
          await this.waitForWork(retry ? Math.min(RETRY_MESSAGE_MS, s.pollSeconds * 1000) : s.pollSeconds * 1000);
        }
      } catch (e) {
        if (!this.stopped) this.logger.warn(`Dak mailbox ${s.mailbox} on ${s.host}:${s.port}: ${(e as Error).message}; trying again in ${retryMs / 1000} s`);
      } finally {
        if (client.usable) await client.logout().catch(() => client.close());
        else client.close();
      }
      if (this.stopped) break;
      await this.waitForWork(retryMs, false);
      retryMs = Math.min(retryMs * 2, s.pollSeconds * 1000);
    }
  }

  /** Until poked (new mail, a closed connection, shutdown) or `ms` passed; `wakeOnPoke` false: only shutdown cuts it short. */
  private waitForWork(ms: number, wakeOnPoke = true): Promise<void> {
    if (this.stopped || (wakeOnPoke && this.pending)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = () => {
        if (wakeOnPoke || this.stopped) done();
      };
    });
  }

  /** One pass over the mailbox; true when a message is to be tried again soon. */
  private async sweep(client: ImapFlow, s: DakMailSettings): Promise<boolean> {
    const mailbox = this.mailbox!;
    const lock = await client.getMailboxLock(s.mailbox);
    try {
      if (!client.mailbox) throw new Error(`${s.mailbox} could not be opened`);
      const uidValidity = Number(client.mailbox.uidValidity);
      const highest = await this.intake.highestUid(mailbox, uidValidity);
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      // `N:*` always names the last message, even below N.
      const newer = highest > 0 ? ((await client.search({ uid: `${highest + 1}:*` }, { uid: true })) || []).filter((u) => u > highest) : [];
      const uids = [...new Set([...unseen, ...newer])].sort((a, b) => a - b);
      if (uids.length === 0) return false;
      const known = await this.intake.recorded(mailbox, uidValidity, uids);
      if (uids.some((u) => !known.has(u))) await this.intake.ready();
      let retry = false;
      for (const uid of uids) {
        if (this.stopped || !client.usable) return retry;
        const before = known.get(uid);
        const result: IntakeResult | undefined =
          before === 'SKIPPED' ? { outcome: 'ALREADY_SKIPPED' } : before ? { outcome: 'ALREADY_TAKEN' } : await this.takeOne(client, s, mailbox, uidValidity, uid);
        if (result) await this.settle(client, s, uid, result);
        else retry = true;
      }
      return retry;
    } finally {
      lock.release();
    }
  }

  /** One message through the intake; undefined when it is to be tried again at the next sweep. */
  private async takeOne(client: ImapFlow, s: DakMailSettings, mailbox: string, uidValidity: number, uid: number): Promise<IntakeResult | undefined> {
    const meta = await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true, envelope: true }, { uid: true });
    if (!meta) return undefined; // expunged meanwhile
    const size = meta.size ?? 0;
    const internalDate = meta.internalDate ? new Date(meta.internalDate) : undefined;
    const about = { mailbox, uidValidity, uid, size, internalDate, messageId: meta.envelope?.messageId, sender: envelopeSender(meta.envelope), subject: meta.envelope?.subject ?? null };
    if (size > s.maxMessageBytes) {
      const mb = (size / 1024 / 1024).toFixed(1);
      this.logger.warn(`Message UID ${uid} in ${s.mailbox} is ${mb} MB, over DAK_IMAP_MAX_MESSAGE_MB: recorded as skipped and flagged for a person`);
      return this.intake.skip({ ...about, reason: 'TOO_LARGE', detail: `${mb} MB, over the limit of ${s.maxMessageBytes / 1024 / 1024} MB (DAK_IMAP_MAX_MESSAGE_MB)` });
    }
    const attempt = `${uidValidity}/${uid}`;
    try {
      const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (!msg || !msg.source) return undefined;
      const result = await this.intake.take({ mailbox, uidValidity, uid, size, internalDate, source: msg.source });
      this.failures.delete(attempt);
      if (result.outcome === 'DIARISED') this.logger.log(`Message UID ${uid} in ${s.mailbox} diarised as ${result.ref}`);
      else if (result.outcome === 'DUPLICATE') this.logger.log(`Message UID ${uid} in ${s.mailbox} is a copy of one diarised before: not diarised again`);
      else if (result.outcome === 'SKIPPED') this.logger.warn(`Message UID ${uid} in ${s.mailbox} could not be read: recorded as skipped and flagged for a person`);
      return result;
    } catch (e) {
      // The connection or the database: the sweep stops and the message is taken again later.
      if (!client.usable || isTransientFailure(e)) throw e;
      const n = (this.failures.get(attempt) ?? 0) + 1;
      this.failures.set(attempt, n);
      this.logger.error(`Message UID ${uid} in ${s.mailbox} could not be diarised (attempt ${n} of ${MAX_ATTEMPTS}): ${(e as Error).message}`);
      if (n < MAX_ATTEMPTS) return undefined;
      const result = await this.intake.skip({ ...about, reason: 'FAILED', detail: `${MAX_ATTEMPTS} attempts failed; the last: ${(e as Error).message}` });
      this.failures.delete(attempt);
      return result;
    }
  }

  /**
   * After commit only: a diarised (or already diarised) message is marked read and moved if so
   * configured; one recorded as skipped is marked read and flagged, and stays for a person. A
   * failure here loses nothing: the key row keeps the message from being diarised again.
   */
  private async settle(client: ImapFlow, s: DakMailSettings, uid: number, result: IntakeResult): Promise<void> {
    try {
      if (result.outcome === 'SKIPPED' || result.outcome === 'ALREADY_SKIPPED') {
        await client.messageFlagsAdd(String(uid), ['\\Seen', '\\Flagged'], { uid: true });
        return;
      }
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      if (s.doneMailbox) await client.messageMove(String(uid), s.doneMailbox, { uid: true });
    } catch (e) {
      if (!client.usable) throw e;
      this.logger.warn(`Message UID ${uid} in ${s.mailbox}: could not be marked read or moved (${(e as Error).message}); it will not be diarised again`);
    }
  }
}

function envelopeSender(envelope: MessageEnvelopeObject | undefined): string | null {
  const from = envelope?.from?.[0];
  if (!from) return null;
  const name = from.name?.trim();
  return name && from.address ? `${name} <${from.address}>` : name || from.address || null;
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  const boxes = await client.list();
  if (!boxes.some((b) => b.path === path)) await client.mailboxCreate(path);
}
