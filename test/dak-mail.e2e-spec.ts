import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import PDFDocument from 'pdfkit';
import { DakService } from '../src/modules/dak/dak.service';
import { DakMailIntake } from '../src/modules/dak/mail/dak-mail-intake.service';
import { NO_SUBJECT, UNKNOWN_SENDER } from '../src/modules/dak/mail/mail-fields';
import { AppProcess, startAppProcess } from './support/app-process';
import { createTestDatabase, waitFor, withClient } from './support/databases';
import { Dovecot, startDovecot } from './support/dovecot';
import { bootTestApp, TestApp } from './support/test-app';

/** A real one-page PDF (the run's last step reads every PDF the app served with pdftotext). */
function onePagePdf(): Promise<Buffer> {
  const pdf = new PDFDocument({ info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.text('Application for permission to hold a dharna, 05-12-2026');
  pdf.end();
  return done;
}
let PDF: Buffer;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 7), Buffer.from([0xff, 0xd9])]);
const HINDI_SUBJECT = 'धरना-प्रदर्शन की अनुमति हेतु आवेदन — व्यापारी संघ';

let sequence = 0;
/** A message as a mail client sends it (nodemailer's composer: RFC 2047 subject, base64 parts). */
async function compose(options: Mail.Options): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = options.messageId ?? `<dak-mail-${Date.now()}-${++sequence}@traders.example.in>`;
  const raw = await new MailComposer({ to: 'dak@bhopalpolice.example.in', ...options, messageId }).compile().build();
  return { raw, messageId };
}

const hindiLetter = () =>
  compose({
    from: { name: 'सचिव, भोपाल व्यापारी संघ', address: 'secretary@traders.example.in' },
    subject: HINDI_SUBJECT,
    text: 'महोदय,\nदिनांक 05-12-2026 को धरना प्रदर्शन की अनुमति हेतु आवेदन संलग्न है।',
    attachments: [
      { filename: 'आवेदन.pdf', content: PDF, contentType: 'application/pdf' },
      { filename: 'photo.jpg', content: JPEG, contentType: 'image/jpeg' },
    ],
  });

const englishLetter = (subject: string) =>
  compose({ from: { name: 'Reader to Collector', address: 'reader@collector.example.in' }, subject, text: 'Sir, please find the order attached.', attachments: [{ filename: 'order.pdf', content: PDF }] });

interface DakItem {
  id: string;
  ref: string;
  subject: string;
  senderName: string;
  intakeChannel: string;
  status: string;
  language: string;
  remarks: string | null;
  scans: Array<{ id: string; filename: string; contentType: string }>;
}

async function mailedItems(t: TestApp, token: string): Promise<DakItem[]> {
  const res = await t.http.get('/api/v1/dak?intakeChannel=EMAIL&limit=500').set('Authorization', `Bearer ${token}`).expect(200);
  return res.body.items as DakItem[];
}

async function itemsWithSubject(t: TestApp, token: string, subject: string): Promise<DakItem[]> {
  return (await mailedItems(t, token)).filter((d) => d.subject === subject);
}

async function keyRows(databaseUrl: string): Promise<Array<{ uid: string; message_key: string; outcome: string; skip_reason: string | null; dak_receipt_id: string | null }>> {
  return withClient(databaseUrl, async (c) => (await c.query(`SELECT uid, message_key, outcome, skip_reason, dak_receipt_id FROM dak_mail_message ORDER BY created_at`)).rows);
}

describe('dak inward e-mail from a real IMAP server (Dovecot) (e2e)', () => {
  let dovecot: Dovecot;

  beforeAll(async () => {
    PDF = await onePagePdf();
    // Never skipped: without Dovecot this fails, and says how to install it.
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  describe('one app reading INBOX, polling only once an hour', () => {
    let t: TestApp;
    let token: string;
    let hindi: { raw: Buffer; messageId: string; uid: number };

    beforeAll(async () => {
      const letter = await hindiLetter();
      hindi = { ...letter, uid: (await dovecot.append(letter.raw)).uid };
      // An hour between polls: anything diarised after the first sweep came through IMAP IDLE.
      t = await bootTestApp({ ...dovecot.env(), DAK_IMAP_POLL_SECONDS: '3600', DAK_IMAP_MAX_MESSAGE_MB: '1' });
      token = await t.tokenFor(['CONTROL_ROOM']);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('diarises a mail with a Hindi subject and a PDF and a JPEG as one receipt awaiting the clerk, sender and subject filled in, the attachments its scans', async () => {
      const [item, ...more] = await waitFor(async () => {
        const found = await itemsWithSubject(t, token, HINDI_SUBJECT);
        return found.length ? found : undefined;
      }, { what: 'the Hindi mail to be diarised' });
      expect(more).toEqual([]);
      expect(item).toMatchObject({
        ref: expect.stringMatching(/^DAK\/\d{4}\/\d{6}$/),
        senderName: 'सचिव, भोपाल व्यापारी संघ',
        intakeChannel: 'EMAIL',
        status: 'AWAITING_CONFIRMATION',
        language: 'hi',
      });
      expect(item.remarks).toContain('secretary@traders.example.in');
      const view = (await t.http.get(`/api/v1/dak/${item.id}`).set('Authorization', `Bearer ${token}`).expect(200)).body as DakItem;
      expect(view.scans.map((s) => s.contentType).sort()).toEqual(['application/pdf', 'image/jpeg']);
      const pdf = view.scans.find((s) => s.contentType === 'application/pdf')!;
      const bytes = await t.http.get(`/api/v1/dak/${item.id}/scans/${pdf.id}`).set('Authorization', `Bearer ${token}`).buffer(true).expect(200);
      expect(Buffer.from(bytes.body as Buffer).equals(PDF)).toBe(true);
      // Marked read only after its unit of work committed.
      await waitFor(async () => (await dovecot.flags(hindi.uid)).has('\\Seen'), { what: 'the mail to be marked read' });
    });

    it('picks up a new mail through IMAP IDLE, without waiting for the hourly poll', async () => {
      const subject = `Order on loudspeakers ${Date.now()}`;
      const letter = await englishLetter(subject);
      await dovecot.append(letter.raw);
      const started = Date.now();
      const [item] = await waitFor(async () => {
        const found = await itemsWithSubject(t, token, subject);
        return found.length ? found : undefined;
      }, { what: 'the new mail to be diarised', timeoutMs: 30_000, intervalMs: 200 });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(item).toMatchObject({ senderName: 'Reader to Collector', language: 'en', status: 'AWAITING_CONFIRMATION' });
    });

    it('diarises a new mail that a person opened before the app saw it', async () => {
      const subject = `Read first in webmail ${Date.now()}`;
      const { uid } = await dovecot.append((await englishLetter(subject)).raw, 'INBOX', ['\\Seen']);
      // Nothing announces a flag, so a mail after it wakes the sweep; both are above the last UID diarised.
      const next = `After the read one ${Date.now()}`;
      await dovecot.append((await englishLetter(next)).raw);
      await waitFor(async () => (await itemsWithSubject(t, token, next)).length === 1, { what: 'the mail after it' });
      expect(await itemsWithSubject(t, token, subject)).toHaveLength(1);
      expect((await keyRows(t.databaseUrl)).some((r) => Number(r.uid) === uid && r.outcome === 'DIARISED')).toBe(true);
    });

    it('diarises a mail fetched again (marked unread by a person) or resent under another UID only once', async () => {
      await dovecot.markUnseen(hindi.uid);
      const resent = await dovecot.append(hindi.raw);
      // A mail of its own after both, so the sweep that saw them is known to be over.
      const subject = `After the copies ${Date.now()}`;
      await dovecot.append((await englishLetter(subject)).raw);
      await waitFor(async () => (await itemsWithSubject(t, token, subject)).length === 1, { what: 'the mail after the copies' });
      await waitFor(async () => (await dovecot.flags(hindi.uid)).has('\\Seen') && (await dovecot.flags(resent.uid)).has('\\Seen'), {
        what: 'both copies to be marked read',
      });
      expect(await itemsWithSubject(t, token, HINDI_SUBJECT)).toHaveLength(1);
      const rows = (await keyRows(t.databaseUrl)).filter((r) => r.message_key === hindi.messageId);
      expect(rows.map((r) => [Number(r.uid), r.outcome])).toEqual([
        [hindi.uid, 'DIARISED'],
        [resent.uid, 'DUPLICATE'],
      ]);
    });

    it('loses nothing and duplicates nothing when the change fails after the fetch, before its commit', async () => {
      const dak = t.app.get(DakService);
      const real = dak.diariseFromMail.bind(dak);
      const spy = jest.spyOn(dak, 'diariseFromMail').mockImplementationOnce(async (change, mail) => {
        await real(change, mail); // the receipt is written, in the transaction that then fails
        throw new Error('injected: the change dies before its commit');
      });
      try {
        const subject = `Crash before commit ${Date.now()}`;
        const { uid } = await dovecot.append((await englishLetter(subject)).raw);
        await waitFor(async () => spy.mock.calls.length >= 1, { what: 'the first attempt' });
        const [item] = await waitFor(async () => {
          const found = await itemsWithSubject(t, token, subject);
          return found.length ? found : undefined;
        }, { what: 'the mail to be diarised on the second attempt' });
        expect(spy.mock.calls.length).toBe(2);
        expect(await itemsWithSubject(t, token, subject)).toEqual([item]);
        await waitFor(async () => (await dovecot.flags(uid)).has('\\Seen'), { what: 'the mail to be marked read' });
        expect((await keyRows(t.databaseUrl)).filter((r) => r.dak_receipt_id === item!.id)).toHaveLength(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('records a mail too large to fetch as skipped, flags it for a person and carries on with the next', async () => {
      const big = await compose({ from: 'scanner@collector.example.in', subject: 'Huge scan', text: 'see attached', attachments: [{ filename: 'scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(1_500_000, 1)]) }] });
      const { uid } = await dovecot.append(big.raw);
      const subject = `After the huge one ${Date.now()}`;
      await dovecot.append((await englishLetter(subject)).raw);
      await waitFor(async () => (await itemsWithSubject(t, token, subject)).length === 1, { what: 'the next mail to be diarised' });
      expect(await itemsWithSubject(t, token, 'Huge scan')).toEqual([]);
      const row = (await keyRows(t.databaseUrl)).find((r) => r.message_key === big.messageId);
      expect(row).toMatchObject({ outcome: 'SKIPPED', skip_reason: 'TOO_LARGE', dak_receipt_id: null });
      const flags = await dovecot.flags(uid);
      expect([flags.has('\\Seen'), flags.has('\\Flagged')]).toEqual([true, true]);
    });

    it('diarises an odd mail too: no From, no subject, no Message-ID, a Word file the register does not keep as a scan', async () => {
      const raw = Buffer.from(
        [
          'To: dak@bhopalpolice.example.in',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="odd"',
          '',
          '--odd',
          'Content-Type: text/plain; charset=utf-8',
          '',
          `Forwarded without a subject ${Date.now()}`,
          '--odd',
          'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="letter.docx"',
          'Content-Disposition: attachment; filename="letter.docx"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('PK\x03\x04 not a scan').toString('base64'),
          '--odd--',
          '',
        ].join('\r\n'),
      );
      const { uid } = await dovecot.append(raw);
      const item = await waitFor(async () => (await mailedItems(t, token)).find((d) => d.subject === NO_SUBJECT), { what: 'the odd mail to be diarised' });
      expect(item).toMatchObject({ senderName: UNKNOWN_SENDER, status: 'AWAITING_CONFIRMATION' });
      expect(item.remarks).toContain('letter.docx');
      const view = (await t.http.get(`/api/v1/dak/${item.id}`).set('Authorization', `Bearer ${token}`).expect(200)).body as DakItem;
      expect(view.scans).toEqual([]);
      await waitFor(async () => (await dovecot.flags(uid)).has('\\Seen'), { what: 'the odd mail to be marked read' });
      expect((await keyRows(t.databaseUrl)).find((r) => r.dak_receipt_id === item.id)?.message_key).toMatch(/^sha256:/);
    });

    it('diarises nothing again when the poller starts afresh over mail it took, marked unread', async () => {
      const before = await mailedItems(t, token);
      const rowsBefore = await keyRows(t.databaseUrl);
      await t.close();
      for (const r of rowsBefore) await dovecot.markUnseen(Number(r.uid));
      t = await bootTestApp({ ...dovecot.env(), DAK_IMAP_POLL_SECONDS: '3600', DAK_IMAP_MAX_MESSAGE_MB: '1' }, t.databaseUrl);
      token = await t.tokenFor(['CONTROL_ROOM'], 'BPL', 'restarted');
      await waitFor(async () => {
        for (const r of rowsBefore) if (!(await dovecot.flags(Number(r.uid))).has('\\Seen')) return false;
        return true;
      }, { what: 'every mail to be marked read again' });
      expect((await mailedItems(t, token)).map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
      expect(await keyRows(t.databaseUrl)).toHaveLength(rowsBefore.length);
    });
  });

  describe('an app moving diarised mail out of the folder it reads', () => {
    let t: TestApp;
    let token: string;

    beforeAll(async () => {
      const client = await dovecot.client();
      await client.mailboxCreate('Dak');
      await client.logout();
      t = await bootTestApp({ ...dovecot.env('Dak'), DAK_IMAP_DONE_MAILBOX: 'Dak/Diarised', DAK_IMAP_POLL_SECONDS: '3600' });
      token = await t.tokenFor(['CONTROL_ROOM']);
    });
    afterAll(async () => {
      await t?.close();
    });

    const uidsIn = async (mailbox: string, messageId: string): Promise<number[]> => {
      const c = await dovecot.client();
      try {
        const lock = await c.getMailboxLock(mailbox);
        try {
          return ((await c.search({ header: { 'message-id': messageId } }, { uid: true })) || []) as number[];
        } finally {
          lock.release();
        }
      } finally {
        await c.logout();
      }
    };

    it('moves a mail to DAK_IMAP_DONE_MAILBOX once diarised, and diarises it not again when a person moves it back unread', async () => {
      const subject = `Moved when diarised ${Date.now()}`;
      const letter = await englishLetter(subject);
      await dovecot.append(letter.raw, 'Dak');
      await waitFor(async () => (await uidsIn('Dak/Diarised', letter.messageId)).length === 1, { what: 'the mail to be moved to Dak/Diarised' });
      expect(await uidsIn('Dak', letter.messageId)).toEqual([]);
      expect(await itemsWithSubject(t, token, subject)).toHaveLength(1);

      // Moved back as unread: another UID in Dak, the same Message-ID.
      const c = await dovecot.client();
      const lock = await c.getMailboxLock('Dak/Diarised');
      try {
        const [uid] = (await c.search({ header: { 'message-id': letter.messageId } }, { uid: true })) as number[];
        await c.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
        await c.messageMove(String(uid), 'Dak', { uid: true });
      } finally {
        lock.release();
        await c.logout();
      }
      await waitFor(async () => (await uidsIn('Dak', letter.messageId)).length === 0 && (await uidsIn('Dak/Diarised', letter.messageId)).length === 1, {
        what: 'the copy to be moved out again',
      });
      expect(await itemsWithSubject(t, token, subject)).toHaveLength(1);
      expect((await keyRows(t.databaseUrl)).filter((r) => r.message_key === letter.messageId).map((r) => r.outcome)).toEqual(['DIARISED', 'DUPLICATE']);
    });
  });

  describe('a crash of the app process between the fetch and the commit', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'police-ops-dak-mail-'));
    let app: AppProcess | undefined;

    afterAll(async () => {
      if (app && app.child.exitCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses nothing and duplicates nothing: the mail stays unread, and the restarted app diarises it once', async () => {
      const client = await dovecot.client();
      await client.mailboxCreate('Crash');
      await client.logout();
      const databaseUrl = await createTestDatabase('dakmail');
      const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...dovecot.env('Crash'), DAK_IMAP_POLL_SECONDS: '3600' };
      app = await startAppProcess(env);
      const subject = `Killed mid-diarisation ${Date.now()}`;
      const counts = () =>
        withClient(databaseUrl, async (c) => {
          const { rows } = await c.query(
            `SELECT (SELECT count(*) FROM dak_receipt WHERE subject = $1)::int AS receipts, (SELECT count(*) FROM dak_mail_message WHERE subject = $1)::int AS keys`,
            [subject],
          );
          return rows[0] as { receipts: number; keys: number };
        });

      // Hold the audit log, which a unit of work writes last: the app fetches the mail, writes the
      // receipt, its scans and the key row, and waits at the audit rows, uncommitted, when it is killed.
      await withClient(databaseUrl, async (holder) => {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
        const { uid } = await dovecot.append((await englishLetter(subject)).raw, 'Crash');
        await waitFor(
          async () => {
            const { rows } = await holder.query(
              `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.relation = 'dak_mail_message'::regclass AND l.mode = 'RowExclusiveLock' AND a.wait_event_type = 'Lock'`,
            );
            return rows[0].n > 0;
          },
          { what: 'the app to be inside the diarising transaction', timeoutMs: 30_000 },
        );
        app!.child.kill('SIGKILL');
        await app!.exited;
        await holder.query('ROLLBACK');
        expect(await counts()).toEqual({ receipts: 0, keys: 0 });
        expect((await dovecot.flags(uid, 'Crash')).has('\\Seen')).toBe(false);

        app = await startAppProcess(env);
        await waitFor(async () => (await dovecot.flags(uid, 'Crash')).has('\\Seen'), { what: 'the restarted app to diarise the mail', timeoutMs: 30_000 });
        expect(await counts()).toEqual({ receipts: 1, keys: 1 });
      });
    });
  });
});

describe('dak inward e-mail from a server without IMAP IDLE (Dovecot) (e2e)', () => {
  let dovecot: Dovecot;
  let t: TestApp | undefined;

  beforeAll(async () => {
    PDF = await onePagePdf();
    dovecot = await startDovecot({ idle: false });
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.stop();
  });

  it('waits, diarising nothing and setting nothing aside, while the clerks\' unit is misconfigured; then polls every DAK_IMAP_POLL_SECONDS', async () => {
    t = await bootTestApp({ ...dovecot.env(), DAK_IMAP_POLL_SECONDS: '5', DAK_CLERK_UNIT: 'NO_SUCH_UNIT' });
    const intake = t.app.get(DakMailIntake);
    const ready = jest.spyOn(intake, 'ready');
    const subject = `Polled, not announced ${Date.now()}`;
    const { uid } = await dovecot.append((await englishLetter(subject)).raw);
    await waitFor(async () => ready.mock.calls.length >= 1, { what: 'a sweep to find the mail', timeoutMs: 20_000 });
    await expect(ready.mock.results[0]!.value).rejects.toThrow(/DAK_CLERK_UNIT=NO_SUCH_UNIT/);
    expect(await keyRows(t.databaseUrl)).toEqual([]);
    expect((await dovecot.flags(uid)).has('\\Seen')).toBe(false);
    const databaseUrl = t.databaseUrl;
    await t.close();

    t = await bootTestApp({ ...dovecot.env(), DAK_IMAP_POLL_SECONDS: '5' }, databaseUrl);
    const token = await t.tokenFor(['CONTROL_ROOM']);
    await waitFor(async () => (await itemsWithSubject(t!, token, subject)).length === 1, { what: 'the mail to be diarised' });
    // Nothing announces new mail here: the next one is found by the poll, within an interval or two.
    const next = `Found by the poll ${Date.now()}`;
    await dovecot.append((await englishLetter(next)).raw);
    const appended = Date.now();
    await waitFor(async () => (await itemsWithSubject(t!, token, next)).length === 1, { what: 'the next mail to be polled for', timeoutMs: 20_000 });
    expect(Date.now() - appended).toBeLessThan(12_000);
  });
});
